// Signs an employee in through next-auth's "employee" provider, the way the activation and
// sign-in pages do, and returns a fetch carrying the session cookie (or the refusal).
import { cookieHeader, storeCookies as store, type Jar } from "./session";

export type EmployeeFetch = (path: string, init?: RequestInit) => Promise<Response>;
export type EmployeeSignIn = { ok: true; fetch: EmployeeFetch } | { ok: false; error: string };

export const employeeSignIn = async (baseUrl: string, credentials: Record<string, string>): Promise<EmployeeSignIn> => {
  const jar: Jar = new Map();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  store(jar, csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/employee`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, ...credentials, json: "true" }),
  });
  store(jar, res);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token"))) {
    // With json=true next-auth answers { url } instead of a redirect; the refusal is its ?error=.
    const location = res.headers.get("location") ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
    return { ok: false, error: new URL(location, baseUrl).searchParams.get("error") ?? `status ${res.status}` };
  }
  return { ok: true, fetch: (path, init = {}) => fetch(`${baseUrl}${path}`, { ...init, redirect: "manual", headers: { ...(init.headers as Record<string, string>), Cookie: cookieHeader(jar) } }) };
};
