// Admin single sign-on through OpenID Connect, switched on by environment variables.
export type SsoProvider =
  | { id: "azure-ad"; label: string; clientId: string; clientSecret: string; tenantId: string }
  | { id: "okta"; label: string; clientId: string; clientSecret: string; issuer: string };

export const ssoProviders = (env: Record<string, string | undefined> = process.env): SsoProvider[] => {
  const out: SsoProvider[] = [];
  if (env.AZURE_AD_CLIENT_ID && env.AZURE_AD_CLIENT_SECRET && env.AZURE_AD_TENANT_ID) {
    out.push({ id: "azure-ad", label: "Microsoft Entra ID", clientId: env.AZURE_AD_CLIENT_ID, clientSecret: env.AZURE_AD_CLIENT_SECRET, tenantId: env.AZURE_AD_TENANT_ID });
  }
  if (env.OKTA_CLIENT_ID && env.OKTA_CLIENT_SECRET && env.OKTA_ISSUER) {
    out.push({ id: "okta", label: "Okta", clientId: env.OKTA_CLIENT_ID, clientSecret: env.OKTA_CLIENT_SECRET, issuer: env.OKTA_ISSUER.replace(/\/+$/, "") });
  }
  return out;
};
