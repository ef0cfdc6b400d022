// One log line per API request: its id (the caller's X-Request-Id when sane, else a new one, and
// echoed on the response), the workspace, the route as a pattern, method, status and duration.
// Never the query string (a filter or a search may hold an email), a body or a header.
// Route handlers get it from the wrappers they already use (withAdmin, withUser, publicJsonRoute)
// or by wrapping themselves; the SCIM door logs through logRequest too (lib/server/scim/observe-scim.ts).
import "server-only";
import { REQUEST_ID_HEADER, requestIdOf } from "@/lib/http/request-id";
import { log } from "@/lib/log/logger";
import { runInRequest, type RequestContext } from "@/lib/log/request-context";

export type RequestLine = { requestId: string; workspaceId: string | null; method: string; route: string; status: number; durationMs: number; resource?: string };

export const logRequest = (line: RequestLine) => log.info(line, "request");

/** Whole milliseconds and a tenth: enough to see a slow request, short in the line. */
export const elapsedMs = (started: number) => Math.round((performance.now() - started) * 10) / 10;

type Params = Record<string, string | string[] | undefined>;

/**
 * The route as a pattern: each path segment that is a parameter's value becomes `:name`
 * (`/api/w/acme/employees/ck…` → `/api/w/:slug/employees/:id`), a catch-all `:name*`. Parameters
 * come in the order of the path, so a slug that reads like a fixed segment is still told apart.
 */
export const routeOf = (pathname: string, params: Params | undefined): string => {
  const segments = pathname.split("/");
  const queue = Object.entries(params ?? {}).filter(([, v]) => v !== undefined && v.length > 0);
  const out: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    const next = queue[0];
    const decoded = safeDecode(segments[i]!);
    if (next && typeof next[1] === "string" && decoded === next[1]) {
      out.push(`:${next[0]}`);
      queue.shift();
    } else if (next && Array.isArray(next[1]) && decoded === next[1][0]) {
      out.push(`:${next[0]}*`);
      queue.shift();
      i += next[1].length - 1;
    } else out.push(segments[i]!);
  }
  return out.join("/");
};

const safeDecode = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** The response with X-Request-Id set (a copy when its headers are immutable, as a redirect's are). */
export const withRequestId = (res: Response, requestId: string): Response => {
  try {
    res.headers.set(REQUEST_ID_HEADER, requestId);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    copy.headers.set(REQUEST_ID_HEADER, requestId);
    return copy;
  }
};

/** Wraps a route handler: a request context for every line logged inside it, then its own line. */
export const withRequestLog =
  <C>(handler: (req: Request, ctx: C) => Promise<Response>) =>
  async (req: Request, ctx: C): Promise<Response> => {
    const started = performance.now();
    const context: RequestContext = { requestId: requestIdOf(req.headers) };
    let status = 500;
    try {
      const res = await runInRequest(context, () => handler(req, ctx));
      status = res.status;
      return withRequestId(res, context.requestId);
    } catch (err) {
      log.error({ err, requestId: context.requestId }, "unhandled error in a route handler");
      throw err;
    } finally {
      const params = await (ctx as { params?: Promise<Params> } | undefined)?.params?.catch(() => undefined);
      logRequest({ requestId: context.requestId, workspaceId: context.workspaceId ?? null, method: req.method, route: routeOf(new URL(req.url).pathname, params), status, durationMs: elapsedMs(started) });
    }
  };
