import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { pausedFor, signInErrorMessage, waitText } from "@/lib/auth/sign-in-errors";
import { clientAddress } from "@/lib/server/auth/sign-in-limits";
import { ssoClaims, type SsoProvider } from "@/lib/server/auth/sso";

describe("safeRedirectPath: where a callbackUrl may send a freshly signed-in admin", () => {
  const cases: [string, string][] = [
    ["/w/acme/settings?tab=admins#invites", "/w/acme/settings?tab=admins#invites"],
    ["/", "/"],
    ["w/acme", "/w/acme"],
    ["/\\evil.example", "/"],
    ["/\t/evil.example", "/"],
    ["/\n/evil.example", "/"],
    ["//evil.example", "/"],
    ["\\\\evil.example", "/"],
    ["https://evil.example/w/acme", "/"],
    ["javascript:alert(1)", "/"],
    ["data:text/html,<script>alert(1)</script>", "/"],
    ["/.//evil.example", "/evil.example"],
    ["/w/acme/%0d%0aSet-Cookie:x", "/w/acme/%0d%0aSet-Cookie:x"],
  ];
  it.each(cases)("%j → %j", (raw, expected) => expect(safeRedirectPath(raw)).toBe(expected));

  it("keeps an absolute URL of the app's own origin as its path, and refuses other origins", () => {
    expect(safeRedirectPath("http://127.0.0.1:3000/w/acme?x=1", "/", "http://127.0.0.1:3000")).toBe("/w/acme?x=1");
    expect(safeRedirectPath("http://127.0.0.1:3001/w/acme", "/", "http://127.0.0.1:3000")).toBe("/");
    expect(safeRedirectPath("http://evil.example@127.0.0.1:3000/", "/", "http://127.0.0.1:3000")).toBe("/");
  });

  it("falls back when there is nothing to follow", () => {
    expect(safeRedirectPath(undefined)).toBe("/");
    expect(safeRedirectPath("", "/home")).toBe("/home");
  });
});

describe("what an identity provider must say (ssoClaims)", () => {
  const okta: SsoProvider = { id: "okta", label: "Okta", clientId: "c", clientSecret: "s", issuer: "https://acme.okta.com" };
  const entra: SsoProvider = { id: "azure-ad", label: "Microsoft Entra ID", clientId: "c", clientSecret: "s", tenantId: "11111111-2222-3333-4444-555555555555" };

  it("Okta: a verified email, identified by its subject", () => {
    expect(ssoClaims(okta, { sub: "00u1", email: "Ada@Acme.test", email_verified: true })).toEqual({ provider: "okta", subject: "00u1", email: "ada@acme.test", emailVerified: true });
  });
  it("Okta: an unverified or missing verification is refused", () => {
    expect(ssoClaims(okta, { sub: "00u1", email: "ada@acme.test", email_verified: false })).toEqual({ refuse: "SsoEmailNotVerified" });
    expect(ssoClaims(okta, { sub: "00u1", email: "ada@acme.test" })).toEqual({ refuse: "SsoEmailNotVerified" });
    expect(ssoClaims(okta, { sub: "00u1", email: "ada@acme.test", email_verified: "true" })).toEqual({ refuse: "SsoEmailNotVerified" });
    expect(ssoClaims(okta, { email: "ada@acme.test", email_verified: true })).toEqual({ refuse: "SsoNoSubject" });
  });
  it("Entra ID: tid:oid of the configured tenant; the email is only a hint", () => {
    expect(ssoClaims(entra, { tid: "11111111-2222-3333-4444-555555555555", oid: "AAAA", preferred_username: "Ada@Acme.test", sub: "pairwise" })).toEqual({
      provider: "azure-ad",
      subject: "11111111-2222-3333-4444-555555555555:aaaa",
      email: "ada@acme.test",
      emailVerified: false,
    });
  });
  it("Entra ID: another tenant, or no object id, is refused", () => {
    expect(ssoClaims(entra, { tid: "99999999-2222-3333-4444-555555555555", oid: "a", email: "ada@acme.test" })).toEqual({ refuse: "SsoWrongTenant" });
    expect(ssoClaims(entra, { tid: "11111111-2222-3333-4444-555555555555", email: "ada@acme.test" })).toEqual({ refuse: "SsoNoSubject" });
  });
});

describe("sign-in pauses", () => {
  it("carries its wait in the error code", () => {
    expect(pausedFor("TooManyAttempts:900")).toBe(900);
    expect(pausedFor("CredentialsSignin")).toBeNull();
    expect(signInErrorMessage("TooManyAttempts:900")).toContain("paused for 15 minutes");
    expect(signInErrorMessage("TooManyAttempts:900")).toContain("If the account exists");
  });
  it("says waits in words", () => expect([30, 900, 7200].map(waitText)).toEqual(["30 seconds", "15 minutes", "2 hours"]));
  it("takes the address the nearest proxy saw", () => {
    expect(clientAddress("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress("10.0.0.1, 203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddress(undefined)).toBeNull();
  });
});
