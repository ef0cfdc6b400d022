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
