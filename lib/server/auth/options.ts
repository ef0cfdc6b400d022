import "server-only";
import type { NextAuthOptions } from "next-auth";
import AzureADProvider from "next-auth/providers/azure-ad";
import CredentialsProvider from "next-auth/providers/credentials";
import OktaProvider from "next-auth/providers/okta";
import type { Provider } from "next-auth/providers/index";
import { db } from "@/lib/db/client";
import { authorizeEmployee, type EmployeeUser } from "@/lib/server/employee-access/authorize-employee";
import { verifyPassword } from "./password";
import { ZSignIn } from "./schemas";
import { authSecret } from "./secret";
import { ssoProviders } from "./sso";

const credentials = CredentialsProvider({
  id: "credentials",
  name: "Email and password",
  credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
  authorize: async (raw) => {
    const parsed = ZSignIn.safeParse(raw);
    if (!parsed.success) return null;
    const user = await db.user.findUnique({ where: { email: parsed.data.email } });
    // Verify against a dummy hash when the user is unknown, so timing does not reveal accounts.
    const ok = await verifyPassword(user?.passwordHash ?? DUMMY_HASH, parsed.data.password);
    return user && ok ? { id: user.id, email: user.email, name: user.name } : null;
  },
});

// Employees sign in to their own card with a one-time link or their password; their sessions carry
// kind "employee" and never an admin's uid, so admin pages and routes do not accept them.
const employee = CredentialsProvider({
  id: "employee",
  name: "Employee",
  credentials: { mode: { type: "text" }, token: { type: "text" }, slug: { type: "text" }, email: { type: "email" }, password: { type: "password" } },
  authorize: (raw) => authorizeEmployee(raw),
});

const isEmployee = (user: unknown): user is EmployeeUser => (user as { kind?: string } | undefined)?.kind === "employee";

// argon2id of a random string; never matches a real password.
const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$3Ee1sUxOVh7V6rKAHxO1dvwQdmmqSyzaTtHN4XUnRKg";

const oidcProviders = (): Provider[] =>
  ssoProviders().map((p) =>
    p.id === "azure-ad"
      ? AzureADProvider({ clientId: p.clientId, clientSecret: p.clientSecret, tenantId: p.tenantId })
      : OktaProvider({ clientId: p.clientId, clientSecret: p.clientSecret, issuer: p.issuer }),
  );

export const authOptions = (): NextAuthOptions => ({
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: 60 * 60 * 12 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [credentials, employee, ...oidcProviders()],
  callbacks: {
    // Single sign-on admits only people who already have a Muster account with that verified email:
    // an IdP login never creates an admin by itself.
    signIn: async ({ user, account, profile }) => {
      if (!account || account.provider === "credentials" || account.provider === "employee") return true;
      const email = (profile?.email ?? user.email ?? "").toLowerCase();
      if (!email) return "/sign-in?error=SsoNoEmail";
      const existing = await db.user.findUnique({ where: { email } });
      if (!existing) return "/sign-in?error=SsoUnknownUser";
      await db.account.upsert({
        where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
        create: { provider: account.provider, providerAccountId: account.providerAccountId, userId: existing.id },
        update: {},
      });
      user.id = existing.id;
      return true;
    },
    jwt: async ({ token, user }) => {
      if (isEmployee(user)) Object.assign(token, { kind: "employee", employeeId: user.id, sessionVersion: user.sessionVersion });
      else if (user) token.uid = user.id;
      return token;
    },
    session: async ({ session, token }) => {
      if (token.kind === "employee") {
        if (typeof token.employeeId === "string" && typeof token.sessionVersion === "number") Object.assign(session, { employee: { id: token.employeeId, sessionVersion: token.sessionVersion } });
        return session;
      }
      if (session.user && typeof token.uid === "string") (session.user as { id?: string }).id = token.uid;
      return session;
    },
  },
});
