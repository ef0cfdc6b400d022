// Validates and canonicalizes a POST or PUT body (RFC 7644 §3.3, §3.5.1) into the shape the
// store keeps and GET returns. Lenient where IdPs are sloppy (IDP-DIALECTS.md), strict about
// types of declared attributes, and it keeps only what /Schemas declares: anything else is
// dropped and listed in `ignored` for the provisioning log (see schemas/ignored.ts).

import { badRequest } from "./errors";
import { coerceValue } from "./schemas/coerce";
import { ignoredPaths } from "./schemas/ignored";
import { deleteCi, findKey, isPlainObject, setCi, type JsonObject } from "./schemas/json";
import { placeOfKey, type Place } from "./schemas/place";
import { DEFAULT_SCHEMAS, knownSchemaUrn, type SchemaRegistry } from "./schemas/registry";
import type { ResourceType } from "./schemas/urns";

/** `ignored`: paths of attributes no schema declares, present only when there were some. */
export type NormalizedResource = { resource: JsonObject; password?: string; ignored?: string[] };

const REQUIRED: Record<ResourceType, string> = { User: "userName", Group: "displayName" };

const labelOf = (place: Extract<Place, { kind: "attr" }>) => {
  const name = place.sub ? `${place.name}.${place.sub.name}` : place.name;
  return place.ext ? `${place.ext}:${name}` : name;
};

const container = (out: JsonObject, ext: string | undefined): JsonObject => {
  if (ext === undefined) return out;
  const existing = out[ext];
  if (isPlainObject(existing)) return existing;
  const created: JsonObject = {};
  out[ext] = created;
  return created;
};

// Two spellings of one complex attribute (`name` and `name.givenName`) add up.
const assign = (target: JsonObject, name: string, value: unknown) => {
  const key = findKey(target, name);
  const existing = key === undefined ? undefined : target[key];
  setCi(target, name, isPlainObject(existing) && isPlainObject(value) ? { ...existing, ...value } : value);
};

// RFC 7643 §3: `schemas` "MUST only contain values defined as 'schema' and 'schemaExtensions'
// for the resource's defined 'resourceType'". A URN /Schemas does not list (Entra's ADSCIM Group
// schema) is tolerated in the request but not kept, so the resource never claims a schema that
// /Schemas cannot describe.
const schemasOf = (reg: SchemaRegistry, rt: ResourceType, raw: unknown, out: JsonObject): string[] => {
  const list = raw === undefined || raw === null ? [] : Array.isArray(raw) ? raw : [raw];
  const result: string[] = [];
  for (const urn of list) {
    if (typeof urn !== "string") throw badRequest("invalidValue", "Attribute 'schemas' must be an array of schema URNs");
    const known = knownSchemaUrn(reg, rt, urn);
    if (known && !result.includes(known)) result.push(known);
  }
  // Tolerated rather than refused: the core schema is implied by the endpoint.
  const core = reg.core[rt].id;
  if (!result.includes(core)) result.unshift(core);
  for (const { id } of reg.extensions[rt]) if (isPlainObject(out[id]) && !result.includes(id)) result.push(id);
  return result;
};

const checkMembers = (out: JsonObject) => {
  const members = out.members;
  if (!Array.isArray(members)) return;
  members.forEach((m, i) => {
    if (!isPlainObject(m) || typeof m.value !== "string" || m.value === "") {
      throw badRequest("invalidValue", `Attribute 'members[${i}].value' is required and must be a member id`);
    }
  });
};

export const normalizeResource = (
  resourceType: ResourceType,
  body: unknown,
  mode: "create" | "replace",
  schemas: SchemaRegistry = DEFAULT_SCHEMAS,
): NormalizedResource => {
  if (!isPlainObject(body)) throw badRequest("invalidSyntax", "The request body must be a JSON object");
  const out: JsonObject = {};
  const ignored = ignoredPaths();
  let password: string | undefined;
  let schemaList: unknown;

  const put = (place: Place, value: unknown): void => {
    if (place.kind === "undeclared") return ignored.add(place.path);
    if (place.kind === "schema") {
      if (value === null) return;
      if (!isPlainObject(value)) throw badRequest("invalidValue", `'${place.urn}' must be an object of attributes`);
      for (const [k, v] of Object.entries(value)) put(placeOfKey(schemas, resourceType, place.core ? k : `${place.urn}:${k}`), v);
      return;
    }
    const { def, sub } = place;
    // RFC 7644 §3.5.1: readOnly values in a request SHALL be ignored (Okta echoes id, meta, groups).
    if (def.mutability === "readOnly" || sub?.def.mutability === "readOnly") return;
    const label = labelOf(place);
    if (def.mutability === "writeOnly" && def.name === "password" && !sub) {
      const pw = coerceValue(def, value, label);
      if (typeof pw === "string") password = pw;
      return;
    }
    const target = container(out, place.ext);
    if (!sub) {
      const coerced = coerceValue(def, value, label, ignored.add);
      if (coerced === undefined) deleteCi(target, def.name);
      else assign(target, def.name, coerced);
      return;
    }
    if (def.multiValued) throw badRequest("invalidValue", `'${label}' names a sub-attribute of every '${def.name}' value; send '${def.name}' instead`);
    const coerced = coerceValue(sub.def, value, label);
    if (coerced === undefined || coerced === null) return;
    assign(target, def.name, { [sub.name]: coerced });
  };

  for (const [key, value] of Object.entries(body)) {
    if (key.toLowerCase() === "schemas") schemaList = value;
    else put(placeOfKey(schemas, resourceType, key), value);
  }

  for (const [key, value] of Object.entries(out)) {
    if (/^urn:/i.test(key) && isPlainObject(value) && Object.keys(value).length === 0) delete out[key];
  }
  const required = REQUIRED[resourceType];
  const requiredValue = out[required];
  if (typeof requiredValue !== "string" || requiredValue.trim() === "") {
    const verb = mode === "create" ? "create" : "replace";
    throw badRequest("invalidValue", `Attribute '${required}' is required to ${verb} a ${resourceType}`);
  }
  if (resourceType === "Group") checkMembers(out);

  const resource: JsonObject = { schemas: schemasOf(schemas, resourceType, schemaList, out), ...out };
  const dropped = ignored.list();
  return {
    resource,
    ...(password === undefined ? {} : { password }),
    ...(dropped.length === 0 ? {} : { ignored: dropped }),
  };
};
