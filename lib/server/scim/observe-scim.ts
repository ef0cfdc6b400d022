// What the SCIM door tells an operator about each request: its log line and X-Request-Id, the
// request counter and the duration histogram. All of it synchronous and in memory, after the
// answer is ready: the hot path pays a counter, a histogram bucket and one pino line.
import "server-only";
import { scimEndpointOf } from "@/lib/scim/endpoint";
import { logRequest, withRequestId } from "@/lib/server/http/with-request-log";
import { requestIdOf } from "@/lib/http/request-id";
import { runInRequest, type RequestContext } from "@/lib/log/request-context";
import { metrics } from "@/lib/server/metrics/registry";

export const observeScim = async (request: Request, segments: string[] | undefined, serve: () => Promise<Response>): Promise<Response> => {
  const started = performance.now();
  const context: RequestContext = { requestId: requestIdOf(request.headers) };
  const res = await runInRequest(context, serve);
  const ms = performance.now() - started;
  const durationMs = Math.round(ms * 10) / 10;
  const { resource, route } = scimEndpointOf(segments);
  const m = metrics();
  m.scimRequests.labels(request.method, resource, String(res.status)).inc();
  m.scimDuration.labels(request.method, resource).observe(ms / 1000);
  logRequest({ requestId: context.requestId, workspaceId: context.workspaceId ?? null, method: request.method, route: `/api/scim/v2${route}`, status: res.status, durationMs, resource });
  return withRequestId(res, context.requestId);
};
