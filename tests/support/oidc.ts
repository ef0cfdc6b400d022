// A real OpenID Connect provider on loopback (the `oidc-provider` package) standing in for Okta,
// and a browser-like walk through Muster's single sign-on: authorization code flow, cookies per
// host, redirects followed by hand so each hop can be seen.
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type KoaContextWithOIDC } from "oidc-provider";
import { cookieHeader, storeCookies, type Jar } from "./session";

export type IdpUser = { sub: string; email?: string; email_verified?: boolean; name?: string };

export type OidcProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who signs in next: the login step answers as this user. */
  signInAs: (user: IdpUser) => void;
  /** Starts the provider for an app that now has its callback URL. */
  register: (appBaseUrl: string) => void;
  stop: () => Promise<void>;
};

export const startOidcProvider = async (): Promise<OidcProvider> => {
  const users = new Map<string, IdpUser>();
  let next: IdpUser | null = null;
  let provider: Provider | null = null;
  const clientId = "muster-test";
  const clientSecret = "muster-test-secret-0123456789abcdef";

  // The IdP's own login and consent pages, answered at once for `next`.
  const interaction = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const p = provider!;
    const details = await p.interactionDetails(req, res);
    if (process.env.DEBUG_SSO) console.log("interaction", details.prompt.name, JSON.stringify(details.prompt.details));
    if (details.prompt.name === "login") {
      if (!next) throw new Error("signInAs() first");
      users.set(next.sub, next);
      await p.interactionFinished(req, res, { login: { accountId: next.sub } }, { mergeWithLastSubmission: false });
      return;
    }
    const grant = new p.Grant({ accountId: details.session!.accountId, clientId });
    grant.addOIDCScope("openid email profile");
    await p.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
  };

  const server = http.createServer((req, res) => {
    if (!provider) return void res.writeHead(503).end();
    if (req.url?.startsWith("/interaction/")) {
      interaction(req, res).catch((err: Error) => res.writeHead(500).end(err.message));
      return;
    }
    provider.callback()(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    signInAs: (user) => {
      next = user;
      users.set(user.sub, user);
    },
    register: (appBaseUrl) => {
      provider = new Provider(issuer, {
        clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [`${appBaseUrl}/api/auth/callback/okta`], grant_types: ["authorization_code"], response_types: ["code"] }],
        findAccount: async (_ctx: KoaContextWithOIDC, sub: string) => ({
          accountId: sub,
          claims: async () => {
            const u = users.get(sub) ?? { sub };
            return { sub, ...(u.email !== undefined ? { email: u.email } : {}), ...(u.email_verified !== undefined ? { email_verified: u.email_verified } : {}), name: u.name ?? sub };
          },
        }),
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
        interactions: { url: (_ctx: KoaContextWithOIDC, i: { uid: string }) => `/interaction/${i.uid}` },
        features: { devInteractions: { enabled: false } },
        pkce: { required: () => false },
        // Like Okta: the ID token itself carries the email claims (next-auth reads the ID token).
        conformIdTokenClaims: false,
        cookies: { keys: ["oidc-test-cookie-key"] },
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export type SsoWalk = { landedOn: string; app: Jar; fetch: (path: string, init?: RequestInit) => Promise<Response> };

/** Clicks "Continue with Okta" and follows every redirect, as a browser with fresh cookies would. */
export const signInWithOkta = async (appBaseUrl: string): Promise<SsoWalk> => {
  const jars = new Map<string, Jar>();
  const jarFor = (url: string) => {
    const origin = new URL(url).origin;
    if (!jars.has(origin)) jars.set(origin, new Map());
    return jars.get(origin)!;
  };
  const app = jarFor(appBaseUrl);
  const csrf = await fetch(`${appBaseUrl}/api/auth/csrf`);
  storeCookies(app, csrf);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = await fetch(`${appBaseUrl}/api/auth/signin/okta`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(app) },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/", json: "true" }),
  });
  storeCookies(app, start);
  let url = ((await start.json()) as { url: string }).url;
  for (let hop = 0; hop < 20; hop++) {
    const jar = jarFor(url);
    const res = await fetch(url, { redirect: "manual", headers: { Cookie: cookieHeader(jar) } });
    storeCookies(jar, res);
    const location = res.headers.get("location");
    if (!location || res.status < 300 || res.status >= 400) throw new Error(`sign-in stopped at ${url} with ${res.status}: ${(await res.text()).slice(0, 300)}`);
    const nextUrl = new URL(location, url).toString();
    if (process.env.DEBUG_SSO) console.log(res.status, url, "->", nextUrl);
    if (nextUrl.startsWith(appBaseUrl) && !nextUrl.includes("/api/auth/")) {
      return {
        landedOn: nextUrl.slice(appBaseUrl.length),
        app,
        fetch: (path, init = {}) => fetch(`${appBaseUrl}${path}`, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), Cookie: cookieHeader(app) } }),
      };
    }
    url = nextUrl;
  }
  throw new Error("too many redirects");
};
