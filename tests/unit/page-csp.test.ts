import { describe, expect, it } from "vitest";
import { newNonce, pageCsp } from "@/lib/security/page-csp";

describe("page CSP", () => {
  it("allows scripts only by nonce, and eval only in development", () => {
    expect(pageCsp("abc", false)).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic';");
    expect(pageCsp("abc", false)).not.toContain("unsafe-eval");
    expect(pageCsp("abc", true)).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic' 'unsafe-eval';");
  });

  it("forbids framing and plugins", () => {
    expect(pageCsp("abc", false)).toMatch(/(^|; )frame-ancestors 'none'($|;)/);
    expect(pageCsp("abc", false)).toMatch(/(^|; )object-src 'none'($|;)/);
  });

  it("makes a new 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});
