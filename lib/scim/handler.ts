// The SCIM 2.0 protocol core: a request shape and a store in, a status, headers and body out.
// Knows nothing of Next.js or Prisma; app/api/scim/v2 adapts HTTP to it.
import { ScimError, badRequest, notFound, toScimError } from "./errors";
import { listResponse, parseListParams, type ListParams } from "./list";
import { applyPatch } from "./patch";
import { parseAttributeList, project } from "./projection";
import { normalizeResource } from "./resource";
import { resourceTypes, schemaDocuments, serviceProviderConfig } from "./schemas";
import { isPlainObject, type JsonObject } from "./schemas/json";
import { COMMON_ATTRIBUTES } from "./schemas/common";
import { DEFAULT_SCHEMAS, findByName, knownSchemaUrn, type SchemaRegistry } from "./schemas/registry";
import type { ResourceType } from "./schemas/urns";
import type { ScimStore, StoredResource } from "./store";
import { parseJsonBody } from "./body";
import { handleBulk } from "./bulk";
import type { ScimConfig, ScimLogInfo, ScimRequest, ScimResponse } from "./http";

const RESOURCE_SEGMENTS: Record<string, ResourceType> = { users: "User", groups: "Group" };
const ENDPOINT: Record<ResourceType, string> = { User: "Users", Group: "Groups" };

export const etagOf = (version: number) => `W/"${version}"`;

/** `W/"3"`, `"3"` → 3; `*` or absent → undefined (any version). */
const parseIfMatch = (value: string | null): number | undefined => {
  if (!value || value.trim() === "*") return undefined;
  const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(value);
  // An ETag we never issued cannot match the current version.
  return m ? Number(m[1]) : -1;
};

const registryOf = (config: ScimConfig): SchemaRegistry => config.schemas ?? DEFAULT_SCHEMAS;

// RFC 7643 §3: `schemas` names only schemas /Schemas lists for the type. Documents stored before
// unknown URNs were dropped on write (Entra's ADSCIM Group) may still carry one.
const declaredSchemas = (rt: ResourceType, stored: unknown, config: ScimConfig): string[] => {
  const reg = registryOf(config);
  const known = Array.isArray(stored) ? stored.filter((u): u is string => typeof u === "string" && knownSchemaUrn(reg, rt, u) !== undefined) : [];
  return known.length ? known : [reg.core[rt].id];
};

// A stored document may hold what the registry no longer declares — a workspace's custom attribute
// whose declaration an admin removed. It is not returned: /Schemas stays the truth about a resource.
const declaredOnly = (rt: ResourceType, doc: JsonObject, reg: SchemaRegistry): JsonObject => {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(doc)) {
    if (!/^urn:/i.test(key)) {
      if (findByName(reg.core[rt].attributes, key) || findByName(COMMON_ATTRIBUTES, key)) out[key] = value;
      continue;
    }
    const ext = reg.extensions[rt].find((s) => s.id.toLowerCase() === key.toLowerCase());
    if (!ext) continue;
    const kept = isPlainObject(value) ? Object.fromEntries(Object.entries(value).filter(([k]) => findByName(ext.attributes, k))) : value;
    if (!isPlainObject(kept) || Object.keys(kept).length > 0) out[key] = kept;
  }
  return out;
};

const render = (rt: ResourceType, r: StoredResource, config: ScimConfig): JsonObject => {
  const { schemas, ...rest } = r.doc;
  return {
    schemas: declaredSchemas(rt, schemas, config),
    id: r.id,
    ...declaredOnly(rt, rest, registryOf(config)),
    meta: {
      resourceType: rt,
      created: r.created.toISOString(),
      lastModified: r.lastModified.toISOString(),
      location: `${config.baseUrl}/${ENDPOINT[rt]}/${r.id}`,
      version: etagOf(r.version),
    },
  };
};

const ok = (status: number, body: unknown, log: ScimLogInfo = {}, headers: Record<string, string> = {}): ScimResponse => ({ status, headers, body, log });

const withIgnored = (log: ScimLogInfo, ignored: readonly string[] | undefined): ScimLogInfo =>
  ignored?.length ? { ...log, ignored: [...ignored] } : log;

const wantsMembers = (params: Pick<ListParams, "attributes" | "excludedAttributes">) =>
  !params.excludedAttributes.some((a) => a.toLowerCase() === "members") &&
  (params.attributes.length === 0 || params.attributes.some((a) => /^(urn:.*:)?members(\.|\[|$)/i.test(a)));

const projection = (query: URLSearchParams) => ({
  attributes: query.getAll("attributes").flatMap(parseAttributeList),
  excludedAttributes: query.getAll("excludedAttributes").flatMap(parseAttributeList),
});

const resourceResponse = (rt: ResourceType, r: StoredResource, status: number, req: ScimRequest, config: ScimConfig, log: ScimLogInfo): ScimResponse => {
  const body = project(rt, render(rt, r, config), projection(req.query), registryOf(config));
  const headers: Record<string, string> = { ETag: etagOf(r.version) };
  if (status === 201) headers.Location = `${config.baseUrl}/${ENDPOINT[rt]}/${r.id}`;
  return ok(status, body, { resourceType: rt, resourceId: r.id, ...log }, headers);
};

const search = async (rt: ResourceType, params: ListParams, store: ScimStore, config: ScimConfig) => {
  const { total, resources } = await store[rt].list(params, { withMembers: wantsMembers(params) });
  const body = listResponse(
    resources.map((r) => project(rt, render(rt, r, config), params, registryOf(config))),
    total,
    params.startIndex,
  );
  return { total, body };
};

// Root-level search (RFC 7644 §3.4.3): one filter over both resource types, Users first.
const searchAll = async (params: ListParams, store: ScimStore, config: ScimConfig) => {
  // A filter on an attribute only one type has (userName) matches nothing of the other type.
  const countOf = async (rt: ResourceType) => {
    try {
      return { ok: true as const, total: (await search(rt, { ...params, count: 0 }, store, config)).total };
    } catch (err) {
      if (err instanceof ScimError && err.scimType === "invalidFilter") return { ok: false as const, err };
      throw err;
    }
  };
  const [u, g] = [await countOf("User"), await countOf("Group")];
  if (!u.ok && !g.ok) throw u.err;
  const users = { total: u.ok ? u.total : 0 };
  const groups = { total: g.ok ? g.total : 0 };
  const total = users.total + groups.total;
  const out: unknown[] = [];
  const offset = params.startIndex - 1;
  if (u.ok && offset < users.total && params.count > 0) {
    const page = await search("User", params, store, config);
    out.push(...page.body.Resources);
  }
  const remaining = params.count - out.length;
  if (g.ok && remaining > 0) {
    const startIndex = Math.max(1, params.startIndex - users.total);
    const page = await search("Group", { ...params, startIndex, count: remaining }, store, config);
    out.push(...page.body.Resources);
  }
  return ok(200, listResponse(out, total, params.startIndex), { summary: `Searched all resources: ${total} found` });
};

const listParamsOf = (req: ScimRequest, config: ScimConfig, fromBody: boolean): ListParams => {
  if (!fromBody) {
    const q = req.query;
    const get = (k: string) => q.get(k) ?? undefined;
    return parseListParams(
      { filter: get("filter"), startIndex: get("startIndex"), count: get("count"), sortBy: get("sortBy"), sortOrder: get("sortOrder"), attributes: q.getAll("attributes"), excludedAttributes: q.getAll("excludedAttributes") },
      config.maxResults,
      parseAttributeList,
    );
  }
  const body = parseJsonBody(req.body);
  if (!isPlainObject(body)) throw badRequest("invalidSyntax", "A SearchRequest must be a JSON object");
  const listOrString = (v: unknown) => (Array.isArray(v) ? v.map(String) : v === undefined ? undefined : String(v));
  return parseListParams({ ...body, attributes: listOrString(body.attributes), excludedAttributes: listOrString(body.excludedAttributes) }, config.maxResults, parseAttributeList);
};

const methodNotAllowed = (method: string, allowed: string) => new ScimError(405, undefined, `${method} is not supported here; use ${allowed}`, { Allow: allowed });

const handleResource = async (rt: ResourceType, id: string | undefined, req: ScimRequest, store: ScimStore, config: ScimConfig): Promise<ScimResponse> => {
  const method = req.method.toUpperCase();
  const resources = store[rt];
  if (id === undefined) {
    if (method === "GET") {
      const params = listParamsOf(req, config, false);
      const { total, body } = await search(rt, params, store, config);
      return ok(200, body, { resourceType: rt, summary: `Listed ${ENDPOINT[rt]}: ${total} found` });
    }
    if (method === "POST") {
      const { resource, password, ignored = [] } = normalizeResource(rt, parseJsonBody(req.body), "create", registryOf(config));
      const result = await resources.create(resource, password, { ignored });
      return resourceResponse(rt, result.resource, 201, req, config, withIgnored({ summary: result.summary }, ignored));
    }
    throw methodNotAllowed(method, "GET, POST");
  }
  if (id === ".search") {
    if (method !== "POST") throw methodNotAllowed(method, "POST");
    const params = listParamsOf(req, config, true);
    const { total, body } = await search(rt, params, store, config);
    return ok(200, body, { resourceType: rt, summary: `Searched ${ENDPOINT[rt]}: ${total} found` });
  }
  const ifMatch = parseIfMatch(req.header("if-match"));
  switch (method) {
    case "GET": {
      const p = projection(req.query);
      const r = await resources.get(id, { withMembers: wantsMembers(p) });
      if (!r) throw notFound(`${rt} ${id} not found`);
      const inm = req.header("if-none-match");
      if (inm && inm.split(",").some((t) => parseIfMatch(t) === r.version)) {
        return ok(304, undefined, { resourceType: rt, resourceId: id }, { ETag: etagOf(r.version) });
      }
      return resourceResponse(rt, r, 200, req, config, { summary: `Read ${rt.toLowerCase()}` });
    }
    case "PUT": {
      const { resource, password, ignored = [] } = normalizeResource(rt, parseJsonBody(req.body), "replace", registryOf(config));
      const result = await resources.replace(id, resource, password, ifMatch, { ignored });
      return resourceResponse(rt, result.resource, 200, req, config, withIgnored({ summary: result.summary }, ignored));
    }
    case "PATCH": {
      const body = parseJsonBody(req.body);
      // Validate the whole request before touching the store (applyPatch throws on the first bad op).
      if (!isPlainObject(body)) throw badRequest("invalidSyntax", "A PatchOp request must be a JSON object");
      // The store runs the patch inside its transaction; what it ignored is kept for the log.
      let ignored: string[] | undefined;
      const patch = (current: JsonObject) => {
        const patched = applyPatch(rt, current, body, { id, schemas: registryOf(config) });
        ignored = patched.ignored;
        return patched;
      };
      const result = await resources.patch(id, patch, ifMatch);
      const log = withIgnored({ summary: result.summary }, ignored);
      // Entra ID and Okta both expect 204 for group PATCH; users come back whole (RFC 7644 §3.5.2 allows both).
      if (rt === "Group") {
        if (!req.query.has("attributes")) return ok(204, undefined, { resourceType: rt, resourceId: id, ...log }, { ETag: etagOf(result.resource.version) });
        const fresh = (await resources.get(id, { withMembers: wantsMembers(projection(req.query)) })) ?? result.resource;
        return resourceResponse(rt, fresh, 200, req, config, log);
      }
      return resourceResponse(rt, result.resource, 200, req, config, log);
    }
    case "DELETE": {
      const { summary } = await resources.remove(id, ifMatch);
      return ok(204, undefined, { resourceType: rt, resourceId: id, summary });
    }
    default:
      throw methodNotAllowed(method, "GET, PUT, PATCH, DELETE");
  }
};

const listOf = (resources: JsonObject[]) => listResponse(resources, resources.length, 1);

const route = async (req: ScimRequest, store: ScimStore, config: ScimConfig): Promise<ScimResponse> => {
  const segments = req.path.split("/").filter(Boolean).map(decodeURIComponent);
  const [first = "", second, ...rest] = segments;
  const head = first.toLowerCase();
  const method = req.method.toUpperCase();
  const rt = RESOURCE_SEGMENTS[head];
  if (rt && rest.length === 0) return handleResource(rt, second, req, store, config);
  if (rest.length > 0 || (second !== undefined && !["resourcetypes", "schemas"].includes(head))) throw notFound(`No SCIM endpoint at ${req.path}`);

  const readOnly = () => {
    if (method !== "GET") throw methodNotAllowed(method, "GET");
  };
  switch (head) {
    case "serviceproviderconfig":
    case "serviceproviderconfigs":
      readOnly();
      return ok(200, serviceProviderConfig(config.baseUrl, config));
    case "resourcetypes": {
      readOnly();
      const all = resourceTypes(config.baseUrl, registryOf(config)) as JsonObject[];
      if (second === undefined) return ok(200, listOf(all));
      const one = all.find((r) => String(r.id).toLowerCase() === second.toLowerCase());
      if (!one) throw notFound(`No resource type ${second}`);
      return ok(200, one);
    }
    case "schemas": {
      readOnly();
      const all = schemaDocuments(config.baseUrl, registryOf(config)) as JsonObject[];
      if (second === undefined) return ok(200, listOf(all));
      const one = all.find((s) => String(s.id).toLowerCase() === second.toLowerCase());
      if (!one) throw notFound(`No schema ${second}`);
      return ok(200, one);
    }
    case "bulk":
      if (method !== "POST") throw methodNotAllowed(method, "POST");
      return handleBulk(req, config, (sub) => handleScim(sub, store, config));
    case ".search":
      if (method !== "POST") throw methodNotAllowed(method, "POST");
      return searchAll(listParamsOf(req, config, true), store, config);
    default:
      throw notFound(`No SCIM endpoint at ${req.path || "/"}`);
  }
};

/** What a request was about, from its path alone, so that failed requests are logged against it too. */
const targetOf = (path: string): ScimLogInfo => {
  const [first = "", second] = path.split("/").filter(Boolean);
  const rt = RESOURCE_SEGMENTS[first.toLowerCase()];
  if (!rt) return {};
  return second && second !== ".search" ? { resourceType: rt, resourceId: decodeURIComponent(second) } : { resourceType: rt };
};

export const errorResponse = (err: ScimError, log: ScimLogInfo = {}): ScimResponse => ({
  status: err.status,
  headers: err.headers,
  body: err.toBody(),
  log: { ...log, error: err.message },
});

export const handleScim = async (req: ScimRequest, store: ScimStore, config: ScimConfig): Promise<ScimResponse> => {
  try {
    if (req.body !== null && new TextEncoder().encode(req.body).length > config.maxPayloadSize) {
      throw new ScimError(413, undefined, `The request body exceeds the maximum of ${config.maxPayloadSize} bytes`);
    }
    return await route(req, store, config);
  } catch (err) {
    return errorResponse(err instanceof ScimError ? err : (config.mapError ?? toScimError)(err), targetOf(req.path));
  }
};
