// Signs an admin in through next-auth's own endpoints, the way the browser does, and returns a
// fetch that carries the session cookie — for integration tests of /api/w/[slug]/… routes.
export type Jar = Map<string, string>;

export const storeCookies = (jar: Jar, res: Response) => {
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(";");
    const i = pair!.indexOf("=");
    jar.set(pair!.slice(0, i), pair!.slice(i + 1));
  }
};
export const cookieHeader = (jar: Jar) => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");

export type SessionFetch = (path: string, init?: RequestInit) => Promise<Response>;

export const signIn = async (baseUrl: string, email: string, password: string): Promise<SessionFetch> => {
  const jar: Jar = new Map();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  storeCookies(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  storeCookies(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return (path, init = {}) => fetch(`${baseUrl}${path}`, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), Cookie: cookieHeader(jar) } });
};

export type Attempt = { status: number; error: string | null; retryAfter: string | null; signedIn: boolean; fetch: SessionFetch; jar: Jar };

/** One sign-in attempt through next-auth's credentials endpoint, whatever its outcome. */
export const attemptSignIn = async (baseUrl: string, fields: Record<string, string>, opts: { provider?: string; headers?: Record<string, string> } = {}): Promise<Attempt> => {
  const jar: Jar = new Map();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  storeCookies(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/${opts.provider ?? "credentials"}`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar), ...opts.headers },
    body: new URLSearchParams({ csrfToken, ...fields, json: "true" }),
  });
  storeCookies(jar, res);
  const url = ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
  const signedIn = [...jar.keys()].some((k) => k.endsWith("next-auth.session-token"));
  return {
    status: res.status,
    error: url ? new URL(url, baseUrl).searchParams.get("error") : null,
    retryAfter: res.headers.get("retry-after"),
    signedIn,
    jar,
    fetch: (path, init = {}) => fetch(`${baseUrl}${path}`, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), Cookie: cookieHeader(jar) } }),
  };
};

/** Signs out the way the browser does (next-auth's POST /api/auth/signout with its CSRF token). */
export const signOutOf = async (baseUrl: string, jar: Jar) => {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { Cookie: cookieHeader(jar) } });
  storeCookies(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
  return res.status;
};
