// Admin single sign-on through OpenID Connect, switched on by environment variables, and what an
// identity provider's ID token must say before Muster trusts it (sso-sign-in.ts decides the rest).
import { log } from "@/lib/log/logger";

export type SsoProvider =
  | { id: "azure-ad"; label: string; clientId: string; clientSecret: string; tenantId: string }
  | { id: "okta"; label: string; clientId: string; clientSecret: string; issuer: string };

// Entra ID sign-in is restricted to one tenant, checked against the token's `tid`: the tenant must
// be given by its id. "common" or "organizations" would let any Microsoft tenant knock.
const TENANT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
let warned = false;

export const ssoProviders = (env: Record<string, string | undefined> = process.env): SsoProvider[] => {
  const out: SsoProvider[] = [];
  if (env.AZURE_AD_CLIENT_ID && env.AZURE_AD_CLIENT_SECRET && env.AZURE_AD_TENANT_ID) {
    if (TENANT_ID.test(env.AZURE_AD_TENANT_ID)) {
      out.push({ id: "azure-ad", label: "Microsoft Entra ID", clientId: env.AZURE_AD_CLIENT_ID, clientSecret: env.AZURE_AD_CLIENT_SECRET, tenantId: env.AZURE_AD_TENANT_ID.toLowerCase() });
    } else if (!warned) {
      warned = true;
      log.warn("Entra ID sign-in is off: AZURE_AD_TENANT_ID must be your tenant's id (a GUID), not a domain or 'common'");
    }
  }
  if (env.OKTA_CLIENT_ID && env.OKTA_CLIENT_SECRET && env.OKTA_ISSUER) {
    out.push({ id: "okta", label: "Okta", clientId: env.OKTA_CLIENT_ID, clientSecret: env.OKTA_CLIENT_SECRET, issuer: env.OKTA_ISSUER.replace(/\/+$/, "") });
  }
  return out;
};

export const ssoLabel = (providerId: string) => (providerId === "azure-ad" ? "Microsoft Entra ID" : providerId === "okta" ? "Okta" : providerId);

/** Who the identity provider says this is: a stable subject, and an email only as a hint. */
export type SsoClaims = { provider: SsoProvider["id"]; subject: string; email: string | null; emailVerified: boolean };
export type SsoRefusal = "SsoNoSubject" | "SsoWrongTenant" | "SsoEmailNotVerified" | "SsoNoEmail";

const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);

/**
 * Okta: the subject is `sub`, and the email counts only with `email_verified: true`.
 * Entra ID sends no `email_verified`: the subject is the object id in its tenant (`tid:oid`), the
 * tenant must be the configured one, and its email is never trusted to identify anyone by itself.
 */
export const ssoClaims = (provider: SsoProvider, profile: Record<string, unknown>): SsoClaims | { refuse: SsoRefusal } => {
  if (provider.id === "azure-ad") {
    const tid = str(profile.tid)?.toLowerCase();
    const oid = str(profile.oid)?.toLowerCase();
    if (!tid || !oid) return { refuse: "SsoNoSubject" };
    if (tid !== provider.tenantId) return { refuse: "SsoWrongTenant" };
    const email = (str(profile.email) ?? str(profile.preferred_username))?.toLowerCase() ?? null;
    return { provider: provider.id, subject: `${tid}:${oid}`, email, emailVerified: false };
  }
  const sub = str(profile.sub);
  if (!sub) return { refuse: "SsoNoSubject" };
  const email = str(profile.email)?.toLowerCase() ?? null;
  if (!email) return { refuse: "SsoNoEmail" };
  if (profile.email_verified !== true) return { refuse: "SsoEmailNotVerified" };
  return { provider: provider.id, subject: sub, email, emailVerified: true };
};
