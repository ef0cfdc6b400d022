// Adapts an HTTP request to the SCIM core: bearer auth, rate limit, body limits, the store for
// the token's workspace, and one provisioning-log row per request.
import "server-only";
import { db } from "@/lib/db/client";
import { ScimError } from "@/lib/scim/errors";
import { errorResponse, handleScim } from "@/lib/scim/handler";
import { SCIM_CONTENT_TYPE, type ScimConfig, type ScimLogInfo, type ScimResponse } from "@/lib/scim/http";
import { verifyToken, type ScimPrincipal } from "@/lib/server/tokens/tokens";
import { groupStore } from "./group-store";
import { takeToken } from "./rate-limit";
import { redactBody, redactResponse } from "./redact";
import { userStore } from "./user-store";

export const SCIM_LIMITS = { maxOperations: 1000, maxPayloadSize: 1_048_576, maxResults: 1000 };

const baseUrlOf = (request: Request) => {
  const configured = process.env.MUSTER_BASE_URL || process.env.NEXTAUTH_URL;
  return `${(configured || new URL(request.url).origin).replace(/\/+$/, "")}/api/scim/v2`;
};

const unauthorized = (detail: string, error?: "invalid_token") =>
  new ScimError(401, undefined, detail, { "WWW-Authenticate": `Bearer realm="Muster SCIM"${error ? `, error="${error}"` : ""}` });

const authenticate = async (request: Request): Promise<ScimPrincipal> => {
  const header = request.headers.get("authorization");
  if (!header) throw unauthorized("Authentication required: send the workspace's SCIM token as 'Authorization: Bearer <token>'");
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw unauthorized("The Authorization header must be 'Bearer <token>'", "invalid_token");
  const principal = await verifyToken(m[1]!);
  if (!principal) throw unauthorized("The token is not valid: it is unknown, revoked, or its creator is no longer an admin of the workspace", "invalid_token");
  return principal;
};

const readBody = async (request: Request): Promise<string | null> => {
  if (request.method === "GET" || request.method === "DELETE" || request.method === "HEAD") return null;
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > SCIM_LIMITS.maxPayloadSize) throw new ScimError(413, undefined, `The request body exceeds the maximum of ${SCIM_LIMITS.maxPayloadSize} bytes`);
  if (!request.body) return null;
  // Without a Content-Length, read no more than the limit.
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > SCIM_LIMITS.maxPayloadSize) {
      await reader.cancel();
      throw new ScimError(413, undefined, `The request body exceeds the maximum of ${SCIM_LIMITS.maxPayloadSize} bytes`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
};

// A database too busy to answer in time is a temporary condition: 503 + Retry-After makes IdPs retry
// instead of counting a failure. Anything else unexpected is a 500 that reveals nothing.
const isBusy = (err: unknown) => {
  const e = err as { code?: string; message?: string };
  return e?.code === "P2028" || e?.code === "P1008" || /SQLITE_BUSY|database is locked|timed out/i.test(String(e?.message ?? ""));
};

export const toServiceError = (err: unknown): ScimError => {
  if (err instanceof ScimError) return err;
  if (isBusy(err)) return new ScimError(503, undefined, "Muster is busy; retry shortly", { "Retry-After": "5" });
  console.error("[scim] unexpected error", err);
  return new ScimError(500, undefined, "Internal server error");
};

const toHttp = (res: ScimResponse): Response => {
  const headers = new Headers({ "Content-Type": SCIM_CONTENT_TYPE, "Cache-Control": "no-store", ...res.headers });
  const empty = res.status === 204 || res.status === 304 || res.body === undefined;
  return new Response(empty ? null : JSON.stringify(res.body), { status: res.status, headers });
};

// Attributes the IdP sent that /Schemas does not declare were accepted but not kept: the admin
// sees which in the log, e.g. to fix a mapping in the IdP.
const summaryOf = (log: ScimLogInfo): string | undefined => {
  if (!log.ignored?.length) return log.summary;
  const note = `ignored attributes not in /Schemas: ${log.ignored.join(", ")}`;
  return log.summary ? `${log.summary}; ${note}` : note;
};

const record = async (principal: ScimPrincipal, request: Request, pathAndQuery: string, body: string | null, res: ScimResponse, started: number) => {
  try {
    await db.provisioningEvent.create({
      data: {
        workspaceId: principal.workspaceId,
        tokenId: principal.tokenId,
        method: request.method,
        path: pathAndQuery.slice(0, 2000),
        status: res.status,
        durationMs: Math.round(performance.now() - started),
        client: request.headers.get("user-agent")?.slice(0, 300) ?? null,
        resourceType: res.log.resourceType ?? null,
        resourceId: res.log.resourceId ?? null,
        summary: summaryOf(res.log)?.slice(0, 2000) ?? null,
        error: res.log.error?.slice(0, 2000) ?? null,
        requestBody: redactBody(body),
        responseBody: res.status >= 400 ? redactResponse(res.body) : null,
      },
    });
  } catch (err) {
    console.error("[scim] could not record the provisioning event", err);
  }
};

export const serveScim = async (request: Request, segments: string[] | undefined): Promise<Response> => {
  const started = performance.now();
  const url = new URL(request.url);
  const path = `/${(segments ?? []).map(encodeURIComponent).join("/")}`;
  let principal: ScimPrincipal | undefined;
  let body: string | null = null;
  let res: ScimResponse;
  try {
    principal = await authenticate(request);
    const limited = takeToken(principal.tokenId);
    if (!limited.ok) {
      throw new ScimError(429, undefined, `Too many requests for this token; retry after ${limited.retryAfter} s`, { "Retry-After": String(limited.retryAfter) });
    }
    body = await readBody(request);
    const baseUrl = baseUrlOf(request);
    const config: ScimConfig = { baseUrl, ...SCIM_LIMITS, mapError: toServiceError };
    const store = { User: userStore(db, principal.workspaceId, principal.settings, baseUrl), Group: groupStore(db, principal.workspaceId, baseUrl) };
    res = await handleScim({ method: request.method, path, query: url.searchParams, header: (n) => request.headers.get(n), body }, store, config);
  } catch (err) {
    res = errorResponse(toServiceError(err));
  }
  // Unauthenticated requests belong to no workspace, so they are not in any workspace's log.
  if (principal && res.status !== 429) await record(principal, request, `${path}${url.search}`, body, res, started);
  return toHttp(res);
};
