// fetch for the dashboard's JSON routes: parses the body and turns an error answer into an
// ApiError whose message a person can read (the routes already word their errors for people).
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

export const requestJson = async <T>(url: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
  let res: Response;
  try {
    res = await fetch(url, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "Content-Type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      cache: "no-store",
    });
  } catch {
    throw new ApiError("Muster could not be reached. Check your connection and try again.", 0);
  }
  const body = (await res.json().catch(() => null)) as { error?: string; field?: string; fieldErrors?: Record<string, string> } | null;
  if (!res.ok) {
    if (res.status === 401) throw new ApiError("Your session has ended. Sign in again.", 401);
    const message = body?.error ?? `The request failed (${res.status}). Please try again.`;
    throw new ApiError(message, res.status, body?.fieldErrors ?? (body?.field ? { [body.field]: message } : {}));
  }
  return body as T;
};
