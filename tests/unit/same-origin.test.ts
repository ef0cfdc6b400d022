// The CSRF check's rules one by one, in both modes: with a configured public address, and embedded
// (no address configured), where the request's Host / X-Forwarded-* say what our origin is.
import { afterEach, describe, expect, it, vi } from "vitest";
import { refuseCrossSite } from "@/lib/server/http/same-origin";

const JSON_TYPE = { "Content-Type": "application/json" };

// A Request made here has no Content-Length until it is sent; set it the way a client would.
const request = (method: string, headers: Record<string, string>, body?: string) =>
  new Request("http://127.0.0.1:3000/api/w/acme/tokens", { method, headers: body === undefined ? headers : { "Content-Length": String(Buffer.byteLength(body)), ...headers }, body });

const statusOf = (req: Request) => refuseCrossSite(req)?.status ?? "passes";

describe("refuseCrossSite", () => {
  afterEach(() => vi.unstubAllEnvs());

  describe("with a configured public address", () => {
    const configure = () => {
      vi.stubEnv("MUSTER_BASE_URL", "https://muster.example.com/");
      vi.stubEnv("NEXTAUTH_URL", "");
    };

    it("lets the app's own origin through, and requests with neither Origin nor Sec-Fetch-Site", () => {
      configure();
      expect(statusOf(request("POST", { Origin: "https://muster.example.com", "Sec-Fetch-Site": "same-origin", ...JSON_TYPE }, "{}"))).toBe("passes");
      expect(statusOf(request("POST", { Origin: "https://MUSTER.example.com:443", ...JSON_TYPE }, "{}"))).toBe("passes");
      expect(statusOf(request("DELETE", {}))).toBe("passes");
    });

    it("refuses any other origin with 403, even when the Host header names that origin", () => {
      configure();
      const others = [["https://evil.example.com", "evil.example.com"], ["http://muster.example.com", "muster.example.com"], ["https://muster.example.com:8443", "muster.example.com:8443"], ["null", "muster.example.com"]];
      for (const [origin, host] of others) expect(statusOf(request("POST", { Origin: origin!, Host: host!, ...JSON_TYPE }, "{}")), origin).toBe(403);
    });

    it("NEXTAUTH_URL is the address when MUSTER_BASE_URL is unset", () => {
      vi.stubEnv("MUSTER_BASE_URL", "");
      vi.stubEnv("NEXTAUTH_URL", "https://auth.example.com");
      expect(statusOf(request("PATCH", { Origin: "https://auth.example.com", ...JSON_TYPE }, "{}"))).toBe("passes");
      expect(statusOf(request("PATCH", { Origin: "https://muster.example.com", ...JSON_TYPE }, "{}"))).toBe(403);
    });
  });

  describe("embedded (no address configured)", () => {
    const embedded = () => {
      vi.stubEnv("MUSTER_BASE_URL", "");
      vi.stubEnv("NEXTAUTH_URL", "");
    };

    it("our origin is the Host the request came in on, whatever port or LAN name", () => {
      embedded();
      expect(statusOf(request("POST", { Host: "muster.lan:3000", Origin: "http://muster.lan:3000", ...JSON_TYPE }, "{}"))).toBe("passes");
      expect(statusOf(request("POST", { Host: "muster.lan:3000", Origin: "http://muster.lan:3001", ...JSON_TYPE }, "{}"))).toBe(403);
      expect(statusOf(request("POST", { Host: "muster.lan:3000", Origin: "http://other.muster.lan:3000", ...JSON_TYPE }, "{}"))).toBe(403);
    });

    it("behind a proxy, X-Forwarded-Host and X-Forwarded-Proto (first hop) decide", () => {
      embedded();
      const proxied = { Host: "127.0.0.1:3000", "X-Forwarded-Host": "muster.example.com", "X-Forwarded-Proto": "https, http", ...JSON_TYPE };
      expect(statusOf(request("POST", { ...proxied, Origin: "https://muster.example.com" }, "{}"))).toBe("passes");
      expect(statusOf(request("POST", { ...proxied, Origin: "http://muster.example.com" }, "{}"))).toBe(403);
      expect(statusOf(request("POST", { ...proxied, Origin: "http://127.0.0.1:3000" }, "{}"))).toBe(403);
    });
  });

  describe("whatever the mode", () => {
    it("Sec-Fetch-Site other than same-origin is 403, with the reason in the body", async () => {
      for (const site of ["same-site", "cross-site", "none"]) {
        const res = refuseCrossSite(request("POST", { "Sec-Fetch-Site": site, ...JSON_TYPE }, "{}"));
        expect(res?.status, site).toBe(403);
        expect(((await res!.json()) as { error: string }).error).toMatch(/cross-site request refused/i);
      }
    });

    it("a body that is not application/json is 415; no body, or JSON with parameters, passes", () => {
      expect(statusOf(request("POST", { "Content-Type": "text/plain" }, "{}"))).toBe(415);
      expect(statusOf(request("POST", { "Content-Type": "application/x-www-form-urlencoded" }, "a=1"))).toBe(415);
      expect(statusOf(request("PUT", {}, "{}"))).toBe(415);
      expect(statusOf(request("POST", { "Content-Type": "Application/JSON; charset=utf-8" }, "{}"))).toBe("passes");
      expect(statusOf(request("POST", { "Content-Length": "0", "Content-Type": "text/plain" }))).toBe("passes");
      expect(statusOf(request("DELETE", {}))).toBe("passes");
    });

    it("reads (GET, HEAD, OPTIONS) are never refused", () => {
      for (const method of ["GET", "HEAD", "OPTIONS"]) expect(statusOf(request(method, { Origin: "http://evil.example", "Sec-Fetch-Site": "cross-site" }))).toBe("passes");
    });
  });
});
