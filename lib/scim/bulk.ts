// Bulk operations (RFC 7644 §3.7): each operation runs through the same handler as a single
// request, in order; `bulkId:` references are resolved from earlier operations' results.
import { parseJsonBody } from "./body";
import { ScimError, badRequest } from "./errors";
import type { ScimConfig, ScimRequest, ScimResponse } from "./http";
import { ignoredPaths } from "./schemas/ignored";
import { isPlainObject, type JsonObject } from "./schemas/json";
import { SCHEMA_URNS } from "./schemas/urns";

type Dispatch = (req: ScimRequest) => Promise<ScimResponse>;

const METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// Replaces "bulkId:<id>" strings anywhere in a value; reports references not resolved yet.
const resolveRefs = (value: unknown, ids: Map<string, string>, missing: Set<string>): unknown => {
  if (typeof value === "string") {
    const m = /^bulkId:(.+)$/.exec(value);
    if (!m) return value;
    const id = ids.get(m[1]!);
    if (id === undefined) missing.add(m[1]!);
    return id ?? value;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, ids, missing));
  if (isPlainObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, ids, missing)]));
  return value;
};

export const handleBulk = async (req: ScimRequest, config: ScimConfig, dispatch: Dispatch): Promise<ScimResponse> => {
  const body = parseJsonBody(req.body);
  if (!isPlainObject(body)) throw badRequest("invalidSyntax", "A BulkRequest must be a JSON object");
  const operations = body.Operations ?? body.operations;
  if (!Array.isArray(operations)) throw badRequest("invalidSyntax", "A BulkRequest needs an 'Operations' array");
  if (operations.length > config.maxOperations) {
    throw new ScimError(413, undefined, `A bulk request may hold at most ${config.maxOperations} operations; this one has ${operations.length}`);
  }
  const failOnErrors = body.failOnErrors === undefined ? Infinity : Number(body.failOnErrors);
  if (!Number.isInteger(failOnErrors) && failOnErrors !== Infinity) throw badRequest("invalidValue", "'failOnErrors' must be an integer");

  const ids = new Map<string, string>();
  const results: JsonObject[] = [];
  // One log row for the whole request: every operation's ignored attributes, once each.
  const ignored = ignoredPaths();
  let errors = 0;
  for (const [i, raw] of operations.entries()) {
    if (errors >= failOnErrors) break;
    const op = isPlainObject(raw) ? raw : {};
    const method = String(op.method ?? "").toUpperCase();
    const bulkId = op.bulkId === undefined ? undefined : String(op.bulkId);
    const fail = (e: ScimError) => {
      errors++;
      results.push({ method: method || undefined, bulkId, status: String(e.status), response: e.toBody() });
    };
    if (!METHODS.has(method)) {
      fail(badRequest("invalidSyntax", `Operations[${i}]: 'method' must be POST, PUT, PATCH or DELETE`));
      continue;
    }
    if (method === "POST" && !bulkId) {
      fail(badRequest("invalidSyntax", `Operations[${i}]: a POST needs a 'bulkId'`));
      continue;
    }
    const missing = new Set<string>();
    const path = resolveRefs(String(op.path ?? ""), ids, missing) as string;
    const data = op.data === undefined ? undefined : resolveRefs(op.data, ids, missing);
    if (missing.size) {
      fail(new ScimError(409, undefined, `Operations[${i}]: unresolved bulkId reference ${[...missing].join(", ")}`));
      continue;
    }
    if (!/^\/(Users|Groups)(\/[^/]+)?$/i.test(path)) {
      fail(badRequest("invalidPath", `Operations[${i}]: 'path' must be /Users, /Groups or one of their resources`));
      continue;
    }
    const version = op.version === undefined ? null : String(op.version);
    const res = await dispatch({
      method,
      path,
      query: new URLSearchParams(),
      header: (name) => (name.toLowerCase() === "if-match" ? version : req.header(name)),
      body: data === undefined ? null : JSON.stringify(data),
    });
    const location = res.headers.Location ?? (res.log.resourceId && res.log.resourceType ? `${config.baseUrl}/${res.log.resourceType}s/${res.log.resourceId}` : undefined);
    if (res.status >= 400) {
      errors++;
      results.push({ method, bulkId, status: String(res.status), response: res.body });
      continue;
    }
    if (bulkId && res.log.resourceId) ids.set(bulkId, res.log.resourceId);
    for (const p of res.log.ignored ?? []) ignored.add(p);
    results.push({ method, bulkId, version: res.headers.ETag, location: method === "DELETE" ? undefined : location, status: String(res.status) });
  }
  const dropped = ignored.list();
  return {
    status: 200,
    headers: {},
    body: { schemas: [SCHEMA_URNS.BULK_RESPONSE], Operations: results.map((r) => JSON.parse(JSON.stringify(r)) as JsonObject) },
    log: {
      summary: `Bulk: ${results.length} of ${operations.length} operations run, ${errors} failed`,
      ...(dropped.length === 0 ? {} : { ignored: dropped }),
    },
  };
};
