// Adapts an HTTP request to the SCIM core: bearer auth, rate limit, body limits, the stores for
// the token's workspace and policy, and the provisioning log. A change is logged in its own
// transaction (the stores call the journal); reads and refused requests get their row afterwards.
import "server-only";
import { db } from "@/lib/db/client";
import { direct, type Queryable } from "@/lib/db/direct";
import { newId } from "@/lib/db/ids";
import { insertRowIf, insertRows } from "@/lib/db/rows";
import { withStatementCount } from "@/lib/db/statement-count";
import { ScimError } from "@/lib/scim/errors";
import { errorResponse, handleScim } from "@/lib/scim/handler";
import { SCIM_CONTENT_TYPE, type ScimConfig, type ScimResponse } from "@/lib/scim/http";
import type { Journal, JournalEntry } from "@/lib/server/provisioning/journal";
import { policyOf } from "@/lib/server/provisioning/policy";
import { adapterErrorKind, isDatabaseUnavailable } from "@/lib/server/errors";
import { log, maskText } from "@/lib/log/logger";
import { noteWorkspace } from "@/lib/log/request-context";
import { metrics } from "@/lib/server/metrics/registry";
import { originOfRequest } from "@/lib/server/public-origin";
import { cachedToken, forgetToken, stillValid, verifyToken, type ScimPrincipal } from "@/lib/server/tokens/tokens";
import { groupStore } from "./group-store";
import { observeScim } from "./observe-scim";
import { takeToken } from "./rate-limit";
import { redactBody, redactResponse } from "./redact";
import { userStore } from "./user-store";

export const SCIM_LIMITS = { maxOperations: 1000, maxPayloadSize: 1_048_576, maxResults: 1000 };

const unauthorized = (detail: string, error?: "invalid_token") =>
  new ScimError(401, undefined, detail, { "WWW-Authenticate": `Bearer realm="Muster SCIM"${error ? `, error="${error}"` : ""}` });

const INVALID_TOKEN = "The token is not valid: it is unknown, revoked, or its creator is no longer an admin of the workspace";

const bearerOf = (request: Request): string => {
  const header = request.headers.get("authorization");
  if (!header) throw unauthorized("Authentication required: send the workspace's SCIM token as 'Authorization: Bearer <token>'");
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw unauthorized("The Authorization header must be 'Bearer <token>'", "invalid_token");
  return m[1]!;
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

// A database too busy to answer in time, or not answering at all (restarting, unreachable), is a
// temporary condition: 503 + Retry-After makes IdPs retry instead of counting a failure. Anything
// else unexpected is a 500 that reveals nothing.
const isBusy = (err: unknown) => {
  const e = err as { code?: string; message?: string };
  const kind = adapterErrorKind(err);
  return e?.code === "P2028" || kind === "TransactionWriteConflict" || isDatabaseUnavailable(err) || /SQLITE_BUSY|database is locked|timed out/i.test(String(e?.message ?? ""));
};

// An operator should see why requests were refused: one line per ten seconds at most.
let busySince = 0;
const noteBusy = (err: unknown) => {
  const now = Date.now();
  if (now - busySince < 10_000) return;
  busySince = now;
  const e = err as { code?: string; message?: string; cause?: unknown };
  const cause = e?.cause ? ` ${JSON.stringify(e.cause).slice(0, 300)}` : "";
  log.warn({ code: e?.code ?? adapterErrorKind(err) ?? "busy", reason: maskText(`${String(e?.message ?? err).split("\n").filter(Boolean).pop()}${cause}`) }, "scim: the database was busy or unavailable, answered 503");
};

/** The token was found changed (revoked, its creator demoted, the policy edited) mid-request. */
class StaleToken extends Error {}

export const toServiceError = (err: unknown): ScimError => {
  if (err instanceof ScimError) return err;
  if (err instanceof StaleToken) return new ScimError(503, undefined, "The token changed during the request; retry", { "Retry-After": "1" });
  if (isBusy(err)) {
    noteBusy(err);
    const detail = isDatabaseUnavailable(err) ? "Muster's database is not available right now; retry shortly" : "Muster is busy; retry shortly";
    return new ScimError(503, undefined, detail, { "Retry-After": "5" });
  }
  log.error({ err }, "scim: unexpected error, answered 500");
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

// `confirm`: the principal came from the token cache and is confirmed by the log row's statement.
type RequestFacts = { principal: ScimPrincipal; confirm: boolean; request: Request; pathAndQuery: string; body: string | null; started: number; bulk: boolean };

type Row = { status: number; method: string; resourceType: string | null; resourceId: string | null; employeeId: string | null; change: string | null; summary: string | undefined; error: string | null; requestBody: string | null; responseBody: string | null };

const PG_TYPES = { at: "timestamp(3)", durationMs: "integer", status: "integer" };

/**
 * One plain INSERT per log row, on the driver adapter: it is part of every SCIM request (lib/db/
 * direct.ts says why). A principal taken from the token cache is confirmed by this very statement:
 * the row is written only while the token is still valid (tokens.ts, stillValid), and false comes
 * back when it was not.
 */
const insertRow = async (client: Queryable, f: RequestFacts, row: Row): Promise<{ id: string; at: Date } | null> => {
  const values = {
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
  };
  const written = { id: values.id, at: values.at };
  if (!f.confirm) {
    await insertRows(client, "ProvisioningEvent", [values]);
    return written;
  }
  return (await insertRowIf(client, "ProvisioningEvent", values, stillValid(f.principal), PG_TYPES)) > 0 ? written : null;
};

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
      const written = await insertRow(tx, f, {
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
      // Throwing rolls the change back: it is made again once the token is verified in full.
      if (!written) throw new StaleToken();
      journal.changes++;
      return written;
    },
  };
  return journal;
};

/**
 * The row of a request no change recorded: a read, a refusal, a failure, or a Bulk request itself.
 * False when the cached principal it confirms no longer holds.
 */
const record = async (f: RequestFacts, res: ScimResponse): Promise<boolean> => {
  try {
    return (await insertRow(direct, f, {
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
    })) !== null;
  } catch (err) {
    // The request was answered; only its log row is lost (e.g. the database went away meanwhile).
    if (isDatabaseUnavailable(err)) noteBusy(err);
    else log.error({ err }, "scim: could not record the provisioning event");
    return true;
  }
};

export const serveScim = (request: Request, segments: string[] | undefined): Promise<Response> =>
  observeScim(request, segments, async () => {
    const { value, count } = await withStatementCount(() => serve(request, segments));
    if (count) {
      value.headers.set("X-Muster-Statements", String(count.n));
      value.headers.set("X-Muster-Statement-Log", encodeURIComponent(count.statements.join("\n")).slice(0, 6000));
    }
    return value;
  });

type Prepared = { request: Request; path: string; query: URLSearchParams; pathAndQuery: string; bulk: boolean; started: number; body: string | null; refused: ScimError | null };

/**
 * One pass of the request with a principal: the SCIM core's answer, logged. Null when the principal
 * came from the cache and its confirmation failed; whatever the pass changed was rolled back.
 */
const attempt = async (p: Prepared, principal: ScimPrincipal, confirm: boolean): Promise<ScimResponse | null> => {
  const facts: RequestFacts = { principal, confirm, request: p.request, pathAndQuery: p.pathAndQuery, body: p.body, started: p.started, bulk: p.bulk };
  const journal = journalOf(facts);
  let res: ScimResponse;
  let stale = false;
  try {
    if (p.refused) throw p.refused;
    const origin = originOfRequest(p.request);
    const baseUrl = `${origin}/api/scim/v2`;
    const policy = await policyOf(principal.workspaceId, principal.policyVersion);
    const config: ScimConfig = {
      baseUrl,
      ...SCIM_LIMITS,
      // The workspace's custom attributes are schema: /Schemas publishes them, writes keep them.
      schemas: policy.scimSchemas,
      mapError: (err) => {
        stale ||= err instanceof StaleToken;
        return toServiceError(err);
      },
    };
    const ctx = { db, workspaceId: principal.workspaceId, policy, origin, journal };
    const store = { User: userStore(ctx, baseUrl), Group: groupStore(ctx, baseUrl) };
    res = await handleScim({ method: p.request.method, path: p.path, query: p.query, header: (n) => p.request.headers.get(n), body: p.body }, store, config);
  } catch (err) {
    stale ||= err instanceof StaleToken;
    res = errorResponse(toServiceError(err));
  }
  if (stale) return null;
  // A change that succeeded was logged in its own transaction.
  const logged = journal.changes > 0 && res.status < 400 && !p.bulk;
  if (!logged && !(await record(facts, res))) return null;
  return res;
};

/**
 * The token is looked up in this instance's cache first: the request then costs no statement to
 * authenticate, and its log row confirms the token (attempt). A Bulk request's operations are
 * transactions of their own, so it is verified in full before it starts. When the confirmation
 * fails, the token is verified in full and the request runs once more: a revoked token gets its
 * 401, an edited policy is applied.
 */
const serve = async (request: Request, segments: string[] | undefined): Promise<Response> => {
  const started = performance.now();
  const url = new URL(request.url);
  const path = `/${(segments ?? []).map(encodeURIComponent).join("/")}`;
  const bulk = /^\/bulk$/i.test(path);
  try {
    const token = bearerOf(request);
    const cached = bulk ? null : cachedToken(token);
    const principal = cached ?? (await verifyToken(token));
    // Unauthenticated requests belong to no workspace, so they are not in any workspace's log.
    if (!principal) throw unauthorized(INVALID_TOKEN, "invalid_token");
    noteWorkspace(principal.workspaceId);
    const limited = await takeToken(principal.tokenId);
    if (!limited.ok) {
      metrics().rateLimitRefusals.labels("scim").inc();
      throw new ScimError(429, undefined, `Too many requests for this token; retry after ${limited.retryAfter} s`, { "Retry-After": String(limited.retryAfter) });
    }
    const prepared: Prepared = { request, path, query: url.searchParams, pathAndQuery: `${path}${url.search}`, bulk, started, body: null, refused: null };
    try {
      prepared.body = await readBody(request);
    } catch (err) {
      prepared.refused = toServiceError(err);
    }
    const res = await attempt(prepared, principal, cached !== null);
    if (res) return toHttp(res);
    forgetToken(token);
    const verified = await verifyToken(token);
    if (!verified) throw unauthorized(INVALID_TOKEN, "invalid_token");
    return toHttp((await attempt(prepared, verified, false))!);
  } catch (err) {
    return toHttp(errorResponse(toServiceError(err)));
  }
};
