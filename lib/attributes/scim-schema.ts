// What a workspace's declared custom attributes add to /Schemas and /ResourceTypes (RFC 7643 §6,
// §7): an attribute of a custom extension (`urn:…:extension:<name>:2.0:User:<attr>`, Entra's shape
// for directory extensions) makes that extension a schema of its own, listed in the User resource
// type's schemaExtensions; a core or enterprise attribute or sub-attribute Muster's schemas do not
// list yet (`addresses[type eq "work"].building`, `urn:…:enterprise:2.0:User:badgeId`) is added to
// its schema. The result is the registry the SCIM core validates, stores and publishes with, so a
// declared attribute is real schema: accepted, typed, returned, never "ignored".
// Pure: declarations come in as plain data.
import { attr, complex } from "@/lib/scim/schemas/attr";
import { DEFAULT_SCHEMAS, findByName, type SchemaRegistry } from "@/lib/scim/schemas/registry";
import type { AttributeDef, AttributeType, SchemaDef } from "@/lib/scim/schemas/types";
import { SCHEMA_URNS } from "@/lib/scim/schemas/urns";
import { COMMON_ATTRIBUTES } from "@/lib/scim/schemas/common";
import { ATTRIBUTE_TYPES, parseAttributePath, type TAttributeType } from "./values";

const ATTRIBUTE_TYPES_ALL: readonly TAttributeType[] = ATTRIBUTE_TYPES;

/** What a declaration needs to be published. */
export type TSchemaDeclaration = { label: string; type: TAttributeType; scimPath: string };

const SCIM_TYPE: Record<TAttributeType, AttributeType> = { string: "string", boolean: "boolean", date: "dateTime", number: "decimal", reference: "reference" };

// RFC 7643 §7 characteristics of a declared attribute: single-valued, optional, case-insensitive,
// read-write, returned by default, not unique (the defaults of attr()).
const declaredDef = (name: string, d: TSchemaDeclaration): AttributeDef =>
  attr(name, SCIM_TYPE[d.type], `${d.label} (a custom attribute declared by this workspace's administrators).`, d.type === "reference" ? { referenceTypes: ["User"] } : {});

/** `urn:ietf:params:scim:schemas:extension:acme:2.0:User` → "acme"; otherwise the URN's last part before the resource type. */
const extensionName = (urn: string) => {
  const m = /^urn:ietf:params:scim:schemas:extension:([^:]+):/i.exec(urn);
  if (m) return m[1]!;
  const parts = urn.split(":");
  return parts[parts.length - 2] || urn;
};

// A custom extension is a URN of its own; the core schemas and the SCIM message URNs are not.
const isCustomExtension = (urn: string) => {
  const lower = urn.toLowerCase();
  return lower !== SCHEMA_URNS.ENTERPRISE_USER.toLowerCase() && !lower.startsWith("urn:ietf:params:scim:schemas:core:") && !lower.startsWith("urn:ietf:params:scim:api:");
};

/** Adds `name` (or `name.sub`) to `attributes` unless a definition is there already; false when it cannot be placed. */
const addTo = (attributes: AttributeDef[], name: string, sub: string | undefined, d: TSchemaDeclaration): boolean => {
  const existing = findByName(attributes, name);
  if (sub === undefined) {
    if (!existing) attributes.push(declaredDef(name, d));
    return true;
  }
  if (!existing) {
    attributes.push(complex(name, `${d.label}: the attribute that holds a custom sub-attribute declared by this workspace's administrators.`, [declaredDef(sub, d)]));
    return true;
  }
  if (existing.type !== "complex") return false;
  if (!findByName(existing.subAttributes, sub)) existing.subAttributes = [...(existing.subAttributes ?? []), declaredDef(sub, d)];
  return true;
};

const copy = (s: SchemaDef): SchemaDef => ({ ...s, attributes: structuredClone(s.attributes) });

/**
 * The workspace's registry: Muster's schemas plus its declarations. Without declarations it is
 * DEFAULT_SCHEMAS itself. Declarations whose path is not a SCIM attribute path, or that would make
 * a simple attribute complex, are left out (the declaration form refuses them).
 */
export const workspaceSchemas = (declarations: readonly TSchemaDeclaration[]): SchemaRegistry => {
  if (declarations.length === 0) return DEFAULT_SCHEMAS;
  const core = copy(DEFAULT_SCHEMAS.core.User);
  const builtIn = DEFAULT_SCHEMAS.extensions.User.map(copy);
  const custom = new Map<string, SchemaDef>();
  const schemaFor = (uri: string | undefined): SchemaDef | undefined => {
    if (uri === undefined || uri.toLowerCase() === core.id.toLowerCase()) return core;
    const known = builtIn.find((s) => s.id.toLowerCase() === uri.toLowerCase());
    if (known) return known;
    if (!isCustomExtension(uri)) return undefined;
    const key = uri.toLowerCase();
    const existing = custom.get(key);
    if (existing) return existing;
    const name = extensionName(uri);
    const created: SchemaDef = { id: uri, name, description: `Custom attributes (${name}) declared by this workspace's administrators.`, attributes: [] };
    custom.set(key, created);
    return created;
  };
  for (const d of declarations) {
    const p = parseAttributePath(d.scimPath);
    if (!p) continue;
    const sub = p.sub ?? p.path.sub;
    // `addresses[type eq "work"].postalCode` declares the sub-attribute of every address; the
    // filter only says which element holds this attribute's value.
    if (p.filter && sub === undefined) continue;
    const target = schemaFor(p.path.uri);
    if (target) addTo(target.attributes, p.path.attr, sub, d);
  }
  return {
    core: { User: core, Group: DEFAULT_SCHEMAS.core.Group },
    extensions: { User: [...builtIn, ...custom.values()], Group: DEFAULT_SCHEMAS.extensions.Group },
  };
};

const DECLARABLE: Partial<Record<AttributeType, TAttributeType[]>> = {
  string: ["string"],
  boolean: ["boolean"],
  dateTime: ["date"],
  decimal: ["number"],
  integer: ["number"],
  // profileUrl, photos.value: URLs, not Users — text.
  reference: ["string"],
};

export type TDeclarable = { ok: true; types: readonly TAttributeType[]; existing: boolean } | { ok: false; reason: string };

/**
 * Whether a SCIM path can be declared, and with which types (for the declaration form): a path
 * Muster's schemas already define keeps its type (a number cannot be declared over RFC 7643's
 * string `postalCode`, the SCIM core would refuse every value); a new path takes any type.
 */
export const declarableAs = (scimPath: string): TDeclarable => {
  const p = parseAttributePath(scimPath);
  if (!p) return { ok: false, reason: "Not a SCIM attribute path" };
  const sub = p.sub ?? p.path.sub;
  if (p.filter && sub === undefined) return { ok: false, reason: 'Name the sub-attribute after the filter, as in addresses[type eq "work"].postalCode' };
  const uri = p.path.uri;
  const core = DEFAULT_SCHEMAS.core.User;
  const schema = uri === undefined || uri.toLowerCase() === core.id.toLowerCase() ? core : DEFAULT_SCHEMAS.extensions.User.find((s) => s.id.toLowerCase() === uri.toLowerCase());
  if (!schema) {
    if (uri !== undefined && !isCustomExtension(uri)) return { ok: false, reason: `${uri} is not a schema a User can be extended with` };
    return { ok: true, types: ATTRIBUTE_TYPES_ALL, existing: false };
  }
  const def = findByName(schema.id === core.id ? [...schema.attributes, ...COMMON_ATTRIBUTES] : schema.attributes, p.path.attr);
  if (!def) return { ok: true, types: ATTRIBUTE_TYPES_ALL, existing: false };
  if (sub === undefined && def.type === "complex") return { ok: false, reason: `'${def.name}' has sub-attributes: declare one of them, e.g. '${def.name}.${def.subAttributes?.[0]?.name ?? "value"}'` };
  if (sub !== undefined && def.type !== "complex") return { ok: false, reason: `'${def.name}' has no sub-attributes` };
  const target = sub === undefined ? def : findByName(def.subAttributes, sub);
  if (!target) return { ok: true, types: ATTRIBUTE_TYPES_ALL, existing: false };
  if (target.mutability === "readOnly" || def.mutability === "readOnly" || target.mutability === "writeOnly") return { ok: false, reason: `'${target.name}' is not written by identity providers` };
  const types = DECLARABLE[target.type];
  return types ? { ok: true, types, existing: true } : { ok: false, reason: `'${target.name}' cannot hold a custom attribute's value` };
};
