import { describe, expect, it } from "vitest";
import { hashToken, newToken, parseToken, sameHash } from "@/lib/server/tokens/token-format";

describe("SCIM token format", () => {
  it("issues distinct tokens whose prefix can be parsed back", () => {
    const a = newToken();
    const b = newToken();
    expect(a.token).not.toBe(b.token);
    expect(parseToken(a.token)).toEqual({ prefix: a.prefix });
    expect(a.hash).toBe(hashToken(a.token));
    expect(a.hash).not.toContain(a.token);
  });

  it.each(["", "Bearer x", "mst_", "mst_zzzzzzzzzzzz_" + "a".repeat(43), "mst_0123456789ab_" + "a".repeat(42), "non-token"])("rejects malformed token %j", (t) => {
    expect(parseToken(t)).toBeNull();
  });

  it("compares hashes of different lengths without throwing", () => {
    expect(sameHash(hashToken("a"), hashToken("a"))).toBe(true);
    expect(sameHash(hashToken("a"), hashToken("b"))).toBe(false);
    expect(sameHash(hashToken("a"), "abcd")).toBe(false);
  });
});
