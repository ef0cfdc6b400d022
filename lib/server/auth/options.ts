import "server-only";
import type { NextAuthOptions } from "next-auth";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import OktaProvider from "next-auth/providers/okta";
import type { Provider } from "next-auth/providers/index";
import { headers } from "next/headers";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { authorizeEmployee, type EmployeeUser } from "@/lib/server/auth/authorize-employee";
import { appBaseUrl } from "@/lib/server/public-origin";
import { revokeSession, SESSION_TTL_MS, startSession } from "./auth-sessions";
import { authorizeAdmin } from "./authorize-admin";
import { authSecret } from "./secret";
import { ssoClaims, ssoProviders } from "./sso";
import { resolveSsoSignIn } from "./sso-sign-in";

const credentials = CredentialsProvider({
  id: "credentials",
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  authorize: (raw, req) => authorizeAdmin(raw, req as never),
});

// Employees sign in to their own card with a one-time link or their password; their sessions carry
// kind "employee" and never an admin's uid, so admin pages and routes do not accept them.
const employee = CredentialsProvider({
  id: "employee",
  name: "Employee",
  credentials: { mode: { type: "text" }, token: { type: "text" }, slug: { type: "text" }, email: { type: "email" }, password: { type: "password" } },
  authorize: (raw, req) => authorizeEmployee(raw, req as never),
});

const isEmployee = (user: unknown): user is EmployeeUser => (user as { kind?: string } | undefined)?.kind === "employee";

// The subject is what identifies a person (sso-sign-in.ts), so the profiles carry no email-based id.
// Entra ID: the ID token's claims (tid, oid), without next-auth's extra Graph call for a photo.
const oidcProviders = (): Provider[] =>
  ssoProviders().map((p) =>
    p.id === "azure-ad"
      ? AzureADProvider({
          clientId: p.clientId,
          clientSecret: p.clientSecret,
          tenantId: p.tenantId,
          idToken: true,
          profile: (claims: Record<string, string>) => ({ id: `${claims.tid}:${claims.oid}`, name: claims.name ?? null, email: claims.email ?? claims.preferred_username ?? null, image: null }),
        })
      : OktaProvider({ clientId: p.clientId, clientSecret: p.clientSecret, issuer: p.issuer }),
  );

const userAgent = async () => {
  try {
    return (await headers()).get("user-agent");
  } catch {
    return null;
  }
};

export const authOptions = (): NextAuthOptions => ({
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_TTL_MS / 1000 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [credentials, employee, ...oidcProviders()],
  callbacks: {
    // Single sign-on never creates an admin and never trusts an email by itself (sso-sign-in.ts).
    signIn: async ({ user, account, profile }) => {
      if (!account || account.provider === "credentials" || account.provider === "employee") return true;
      const provider = ssoProviders().find((p) => p.id === account.provider);
      if (!provider) return "/sign-in?error=AccessDenied";
      const claims = ssoClaims(provider, (profile ?? {}) as Record<string, unknown>);
      if ("refuse" in claims) return `/sign-in?error=${claims.refuse}`;
      const outcome = await resolveSsoSignIn(claims, appBaseUrl());
      if ("redirect" in outcome) return outcome.redirect;
      user.id = outcome.userId;
      return true;
    },
    // Only paths on this origin, however the callbackUrl was written (`/\evil.example`, `%09`…).
    redirect: ({ url, baseUrl }) => `${baseUrl}${safeRedirectPath(url, "/", baseUrl)}`,
    // Each sign-in starts a server-side session (auth-sessions.ts); the cookie carries its id.
    jwt: async ({ token, user }) => {
      if (!user) return token;
      const agent = await userAgent();
      if (isEmployee(user)) Object.assign(token, { kind: "employee", employeeId: user.id, sessionVersion: user.sessionVersion, sid: await startSession({ employeeId: user.id }, agent) });
      else Object.assign(token, { uid: user.id, sid: await startSession({ userId: user.id }, agent) });
      return token;
    },
    session: async ({ session, token }) => {
      const sid = typeof token.sid === "string" ? token.sid : null;
      if (token.kind === "employee") {
        if (sid && typeof token.employeeId === "string" && typeof token.sessionVersion === "number") Object.assign(session, { employee: { id: token.employeeId, sessionVersion: token.sessionVersion, sid } });
        return session;
      }
      if (session.user && sid && typeof token.uid === "string") Object.assign(session.user, { id: token.uid, sid });
      return session;
    },
  },
  events: {
    // Sign-out ends the session on the server too: the cookie is worth nothing afterwards.
    signOut: async ({ token }) => {
      if (typeof token?.sid === "string") await revokeSession(token.sid);
    },
  },
});
