// fetch for the dashboard's JSON routes: a non-2xx answer becomes an ApiError carrying the server's
// message (the routes word their errors for people) and field errors, for forms.
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const fetchJson = async <T>(url: string, init?: RequestInit): Promise<T> => {
  let res: Response;
  try {
    const headers = new Headers(init?.headers);
    if (!headers.has("Accept")) headers.set("Accept", "application/json");
    // The routes take JSON bodies only (anything else is 415, a CSRF defence), so no caller can send another type.
    if (init?.body) headers.set("Content-Type", "application/json");
    res = await fetch(url, { cache: "no-store", ...init, headers });
  } catch {
    throw new ApiError("Muster could not be reached. Check your connection and try again.", 0);
  }
  const body = (await res.json().catch(() => null)) as (T & { error?: string; field?: string; fieldErrors?: Record<string, string> }) | null;
  if (!res.ok) {
    if (res.status === 401) throw new ApiError("Your session has ended. Sign in again.", 401);
    const message = body?.error ?? `The server answered ${res.status}. Please try again.`;
    throw new ApiError(message, res.status, body?.fieldErrors ?? (body?.field ? { [body.field]: message } : {}));
  }
  return body as T;
};

/** fetchJson with a JSON body: `requestJson(url, { method: "POST", body: { … } })`. */
export const requestJson = <T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> =>
  fetchJson<T>(url, { method: init.method ?? "GET", body: init.body === undefined ? undefined : JSON.stringify(init.body) });
