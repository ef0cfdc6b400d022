// Adapts an HTTP request to the SCIM core: bearer auth, rate limit, body limits, the stores for
// the token's workspace and policy, and the provisioning log. A change is logged in its own
// transaction (the stores call the journal); reads and refused requests get their row afterwards.
import "server-only";
import { db } from "@/lib/db/client";
import { direct, type Queryable } from "@/lib/db/direct";
import { newId } from "@/lib/db/ids";
import { insertRows } from "@/lib/db/rows";
import { withStatementCount } from "@/lib/db/statement-count";
import { ScimError } from "@/lib/scim/errors";
import { errorResponse, handleScim } from "@/lib/scim/handler";
import { SCIM_CONTENT_TYPE, type ScimConfig, type ScimResponse } from "@/lib/scim/http";
import type { Journal, JournalEntry } from "@/lib/server/provisioning/journal";
import { policyOf } from "@/lib/server/provisioning/policy";
import { adapterErrorKind } from "@/lib/server/errors";
import { originOfRequest } from "@/lib/server/public-origin";
import { verifyToken, type ScimPrincipal } from "@/lib/server/tokens/tokens";
import { groupStore } from "./group-store";
import { takeToken } from "./rate-limit";
import { redactBody, redactResponse } from "./redact";
import { userStore } from "./user-store";

export const SCIM_LIMITS = { maxOperations: 1000, maxPayloadSize: 1_048_576, maxResults: 1000 };

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
  const kind = adapterErrorKind(err);
  return e?.code === "P2028" || e?.code === "P1008" || kind === "SocketTimeout" || kind === "TransactionWriteConflict" || /SQLITE_BUSY|database is locked|timed out/i.test(String(e?.message ?? ""));
};

export const toServiceError = (err: unknown): ScimError => {
  if (err instanceof ScimError) return err;
  if (isBusy(err)) return new ScimError(503, undefined, "Muster is busy; retry shortly", { "Retry-After": "5" });
  console.error("[scim] unexpected error", err);
  return new ScimError(500, undefined, "Internal server error");
};

const toHttp = (res: ScimResponse): Response => {
  // no-transform: Next.js does not gzip SCIM answers (small, and CPU the write path needs; a
  // reverse proxy may compress them).
  const headers = new Headers({ "Content-Type": SCIM_CONTENT_TYPE, "Cache-Control": "no-store, no-transform", ...res.headers });
  const empty = res.status === 204 || res.status === 304 || res.body === undefined;
  return new Response(empty ? null : JSON.stringify(res.body), { status: res.status, headers });
};

// Attributes the IdP sent that /Schemas does not declare were accepted but not kept: the admin
// sees which in the log, e.g. to fix a mapping in the IdP.
const withIgnored = (summary: string | undefined, ignored: readonly string[] | undefined): string | undefined => {
  if (!ignored?.length) return summary;
  const note = `ignored attributes not in /Schemas: ${ignored.join(", ")}`;
  return summary ? `${summary}; ${note}` : note;
};

type RequestFacts = { principal: ScimPrincipal; request: Request; pathAndQuery: string; body: string | null; started: number; bulk: boolean };

type Row = { status: number; method: string; resourceType: string | null; resourceId: string | null; employeeId: string | null; change: string | null; summary: string | undefined; error: string | null; requestBody: string | null; responseBody: string | null };

// One plain INSERT per log row, on the driver adapter: it is part of every SCIM request
// (lib/db/direct.ts says why).
const insertRow = (client: Queryable, f: RequestFacts, row: Row) =>
  insertRows(client, "ProvisioningEvent", [
    {
      id: newId(),
      workspaceId: f.principal.workspaceId,
      tokenId: f.principal.tokenId,
      at: new Date(),
      path: f.pathAndQuery.slice(0, 2000),
      durationMs: Math.round(performance.now() - f.started),
      client: f.request.headers.get("user-agent")?.slice(0, 300) ?? null,
      ...row,
      summary: row.summary?.slice(0, 2000) ?? null,
      error: row.error?.slice(0, 2000) ?? null,
    },
  ]);

const STATUS_OF = { create: 201, replace: 200, patch: 200, delete: 204 } as const;
const METHOD_OF = { create: "POST", replace: "PUT", patch: "PATCH", delete: "DELETE" } as const;

/**
 * The journal of one request: each change's log row goes into the change's own transaction. In a
 * Bulk request each operation is its own change with its own row (the request gets one more).
 */
const journalOf = (f: RequestFacts): Journal & { changes: number } => {
  const journal = {
    changes: 0,
    record: async (tx: Queryable, e: JournalEntry) => {
      const groupAnswers = e.op === "patch" && e.resourceType === "Group" && !new URL(f.request.url).searchParams.has("attributes");
      await insertRow(tx, f, {
        status: groupAnswers ? 204 : STATUS_OF[e.op],
        method: METHOD_OF[e.op],
        resourceType: e.resourceType,
        resourceId: e.resourceId,
        employeeId: e.employeeId,
        change: e.change,
        summary: withIgnored(f.bulk ? `Bulk: ${e.summary}` : e.summary, e.ignored),
        error: null,
        requestBody: f.bulk ? null : redactBody(f.body),
        responseBody: null,
      });
      journal.changes++;
    },
  };
  return journal;
};

/** The row of a request no change recorded: a read, a refusal, a failure, or a Bulk request itself. */
const record = async (f: RequestFacts, res: ScimResponse) => {
  try {
    await insertRow(direct, f, {
      status: res.status,
      method: f.request.method,
      resourceType: res.log.resourceType ?? null,
      resourceId: res.log.resourceId ?? null,
      employeeId: null,
      change: null,
      summary: withIgnored(res.log.summary, res.log.ignored),
      error: res.log.error ?? null,
      requestBody: redactBody(f.body),
      responseBody: res.status >= 400 ? redactResponse(res.body) : null,
    });
  } catch (err) {
    console.error("[scim] could not record the provisioning event", err);
  }
};

export const serveScim = async (request: Request, segments: string[] | undefined): Promise<Response> => {
  const { value, count } = await withStatementCount(() => serve(request, segments));
  if (count) {
    value.headers.set("X-Muster-Statements", String(count.n));
    value.headers.set("X-Muster-Statement-Log", encodeURIComponent(count.statements.join("\n")).slice(0, 6000));
  }
  return value;
};

const serve = async (request: Request, segments: string[] | undefined): Promise<Response> => {
  const started = performance.now();
  const url = new URL(request.url);
  const path = `/${(segments ?? []).map(encodeURIComponent).join("/")}`;
  let principal: ScimPrincipal | undefined;
  let journal: (Journal & { changes: number }) | undefined;
  let body: string | null = null;
  let res: ScimResponse;
  try {
    principal = await authenticate(request);
    const limited = takeToken(principal.tokenId);
    if (!limited.ok) {
      throw new ScimError(429, undefined, `Too many requests for this token; retry after ${limited.retryAfter} s`, { "Retry-After": String(limited.retryAfter) });
    }
    body = await readBody(request);
    const origin = originOfRequest(request);
    const baseUrl = `${origin}/api/scim/v2`;
    const config: ScimConfig = { baseUrl, ...SCIM_LIMITS, mapError: toServiceError };
    journal = journalOf({ principal, request, pathAndQuery: `${path}${url.search}`, body, started, bulk: /^\/bulk$/i.test(path) });
    const ctx = { db, workspaceId: principal.workspaceId, policy: await policyOf(principal.workspaceId, principal.policyVersion), origin, journal };
    const store = { User: userStore(ctx, baseUrl), Group: groupStore(ctx, baseUrl) };
    res = await handleScim({ method: request.method, path, query: url.searchParams, header: (n) => request.headers.get(n), body }, store, config);
  } catch (err) {
    res = errorResponse(toServiceError(err));
  }
  // Unauthenticated requests belong to no workspace, so they are not in any workspace's log; a
  // change that succeeded was logged in its own transaction.
  const logged = journal !== undefined && journal.changes > 0 && res.status < 400 && !/^\/bulk$/i.test(path);
  if (principal && res.status !== 429 && !logged) await record({ principal, request, pathAndQuery: `${path}${url.search}`, body, started, bulk: false }, res);
  return toHttp(res);
};
