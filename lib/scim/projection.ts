// `attributes` / `excludedAttributes` (RFC 7644 §3.4.2.5) and the `returned` characteristic
// (RFC 7643 §2.2): what of a stored resource goes into a response. Only what the registry
// declares is ever returned, so a document stored before undeclared attributes were dropped on
// write does not echo them either.

import { isPlainObject, type JsonObject } from "./schemas/json";
import { placeOfKey } from "./schemas/place";
import { DEFAULT_SCHEMAS, resolveAttribute, type SchemaRegistry } from "./schemas/registry";
import type { AttributeDef } from "./schemas/types";
import type { ResourceType } from "./schemas/urns";

export type ProjectionParams = { attributes?: string[]; excludedAttributes?: string[] };

/** Splits `attributes=a,b.c` on commas outside brackets and quotes; null or blank → []. */
export const parseAttributeList = (param: string | null): string[] => {
  if (param === null) return [];
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let current = "";
  for (const c of param) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && c === "[") depth++;
    else if (!quoted && c === "]") depth = Math.max(0, depth - 1);
    if (c === "," && depth === 0 && !quoted) {
      out.push(current);
      current = "";
    } else current += c;
  }
  out.push(current);
  return out.map((s) => s.trim()).filter((s) => s !== "");
};

// Selections are keyed by container ("" for core, else the lower-cased extension URN) and
// lower-cased attribute name, so matching is case-insensitive (RFC 7643 §2.1).
type Entry = { all: boolean; subs: Set<string> };
type Selection = { containers: Set<string>; attrs: Map<string, Entry> };

const keyOf = (container: string, attr: string) => `${container.toLowerCase()}|${attr.toLowerCase()}`;

const selectionOf = (reg: SchemaRegistry, rt: ResourceType, list: string[] | undefined): Selection | undefined => {
  if (!list || list.length === 0) return undefined;
  const selection: Selection = { containers: new Set(), attrs: new Map() };
  for (const raw of list) {
    // Microsoft's suite puts filters in `attributes=`; the attribute they name still counts.
    const name = raw.replace(/\[[^\]]*\]/g, "").trim();
    if (name === "") continue;
    const place = placeOfKey(reg, rt, name);
    // An undeclared name selects nothing: nothing undeclared is returned.
    if (place.kind === "undeclared") continue;
    if (place.kind === "schema") {
      selection.containers.add(place.core ? "" : place.urn.toLowerCase());
      continue;
    }
    const key = keyOf(place.ext ?? "", place.name);
    const entry = selection.attrs.get(key) ?? { all: false, subs: new Set<string>() };
    if (place.sub) entry.subs.add(place.sub.name.toLowerCase());
    else entry.all = true;
    selection.attrs.set(key, entry);
  }
  return selection;
};

const isEmpty = (v: unknown) => v === undefined || (isPlainObject(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0);

// Applies `keep(subName, subDef)` to a complex value or to each element of a multi-valued one;
// sub-attributes the definition does not declare never pass.
const filterSubs = (value: unknown, def: AttributeDef, keep: (name: string, sub: AttributeDef) => boolean): unknown => {
  const one = (el: unknown): unknown => {
    if (!isPlainObject(el)) return el;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(el)) {
      const sub = def.subAttributes?.find((d) => d.name.toLowerCase() === k.toLowerCase());
      if (sub && keep(k, sub)) out[k] = v;
    }
    return out;
  };
  if (!Array.isArray(value)) return one(value);
  return value.map(one).filter((el) => !isEmpty(el));
};

const pick = (
  container: string,
  key: string,
  def: AttributeDef | undefined,
  value: unknown,
  only: Selection | undefined,
  without: Selection | undefined,
): unknown => {
  if (!def || def.returned === "never") return undefined;
  if (def.returned === "always") return value;
  const k = keyOf(container, key);
  let v = filterSubs(value, def, (_name, sub) => sub.returned !== "never");
  if (only) {
    const entry = only.attrs.get(k);
    if (!entry && !only.containers.has(container)) return undefined;
    if (def.returned === "request" && !entry) return undefined;
    if (entry && !entry.all) {
      v = filterSubs(v, def, (name, sub) => entry.subs.has(name.toLowerCase()) || sub.returned === "always");
    }
  } else if (def.returned === "request") return undefined;
  if (without) {
    if (without.containers.has(container)) return undefined;
    const entry = without.attrs.get(k);
    if (entry?.all) return undefined;
    if (entry) v = filterSubs(v, def, (name, sub) => !entry.subs.has(name.toLowerCase()) || sub.returned === "always");
  }
  return isEmpty(v) && !isEmpty(value) ? undefined : v;
};

export const project = (
  resourceType: ResourceType,
  resource: Record<string, unknown>,
  params: ProjectionParams = {},
  schemas: SchemaRegistry = DEFAULT_SCHEMAS,
): JsonObject => {
  const only = selectionOf(schemas, resourceType, params.attributes);
  const without = selectionOf(schemas, resourceType, params.excludedAttributes);
  const core = schemas.core[resourceType].id;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(resource)) {
    if (key.toLowerCase() === "schemas") {
      out[key] = value;
      continue;
    }
    const place = /^urn:/i.test(key) ? placeOfKey(schemas, resourceType, key) : undefined;
    if (place?.kind === "schema" && !place.core && isPlainObject(value)) {
      const urn = place.urn;
      const inner: JsonObject = {};
      for (const [k, v] of Object.entries(value)) {
        const picked = pick(urn.toLowerCase(), k, resolveAttribute(schemas, resourceType, { uri: urn, attr: k })?.def, v, only, without);
        if (picked !== undefined) inner[k] = picked;
      }
      if (Object.keys(inner).length > 0) out[key] = inner;
      continue;
    }
    // Stored resources keep core and common attributes at the top level, under their own names;
    // any other key (an unknown URN, a name no schema declares) is not returned.
    if (place) continue;
    const def = resolveAttribute(schemas, resourceType, { uri: core, attr: key })?.def;
    const picked = pick("", key, def, value, only, without);
    if (picked !== undefined) out[key] = picked;
  }
  return out;
};
