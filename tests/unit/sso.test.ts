import { describe, expect, it } from "vitest";
import { ssoProviders } from "@/lib/server/auth/sso";

describe("admin single sign-on configuration", () => {
  it("is off without environment variables", () => {
    expect(ssoProviders({})).toEqual([]);
  });

  it("switches on Entra ID only when client id, secret and tenant are all set", () => {
    expect(ssoProviders({ AZURE_AD_CLIENT_ID: "id", AZURE_AD_CLIENT_SECRET: "s" })).toEqual([]);
    expect(ssoProviders({ AZURE_AD_CLIENT_ID: "id", AZURE_AD_CLIENT_SECRET: "s", AZURE_AD_TENANT_ID: "11111111-2222-3333-4444-55555555555A" })).toEqual([
      { id: "azure-ad", label: "Microsoft Entra ID", clientId: "id", clientSecret: "s", tenantId: "11111111-2222-3333-4444-55555555555a" },
    ]);
  });

  it("keeps Entra ID off for a tenant that is not one organisation's id (any tenant could sign in)", () => {
    for (const tenant of ["common", "organizations", "contoso.onmicrosoft.com"]) expect(ssoProviders({ AZURE_AD_CLIENT_ID: "id", AZURE_AD_CLIENT_SECRET: "s", AZURE_AD_TENANT_ID: tenant })).toEqual([]);
  });

  it("switches on Okta with its issuer, trailing slash removed", () => {
    expect(ssoProviders({ OKTA_CLIENT_ID: "id", OKTA_CLIENT_SECRET: "s", OKTA_ISSUER: "https://acme.okta.com/" })).toEqual([
      { id: "okta", label: "Okta", clientId: "id", clientSecret: "s", issuer: "https://acme.okta.com" },
    ]);
  });

  it("builds next-auth providers for both, with the documented callback ids", async () => {
    const env = { ...process.env };
    Object.assign(process.env, { AZURE_AD_CLIENT_ID: "a", AZURE_AD_CLIENT_SECRET: "b", AZURE_AD_TENANT_ID: "11111111-2222-3333-4444-555555555555", OKTA_CLIENT_ID: "d", OKTA_CLIENT_SECRET: "e", OKTA_ISSUER: "https://x.okta.com", NEXTAUTH_SECRET: "s" });
    try {
      const { authOptions } = await import("@/lib/server/auth/options");
      // A provider given its own id (the employee sign-in) carries it in options until next-auth merges them.
      expect(authOptions().providers.map((p) => (p as { options?: { id?: string } }).options?.id ?? p.id)).toEqual(["credentials", "employee", "azure-ad", "okta"]);
    } finally {
      process.env = env;
    }
  });
});
