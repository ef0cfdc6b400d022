import type { AttrPath } from "../filter/ast";
import { COMMON_ATTRIBUTES } from "./common";
import { ENTERPRISE_USER_SCHEMA } from "./enterprise";
import { GROUP_SCHEMA } from "./group";
import type { AttributeDef, SchemaDef } from "./types";
import { USER_SCHEMA } from "./user";
import type { ResourceType } from "./urns";

/**
 * The schemas /Schemas publishes, per resource type, and so the truth about what a resource can
 * hold: an attribute none of them declares is not stored or returned. Data, not module state, so
 * that a workspace can have its own (custom attributes as one more extension schema) by building
 * another registry and handing it to the handler (ScimConfig.schemas).
 */
export type SchemaRegistry = {
  core: Readonly<Record<ResourceType, SchemaDef>>;
  extensions: Readonly<Record<ResourceType, readonly SchemaDef[]>>;
};

/** Core User and Group with the enterprise extension, plus any further extensions. */
export const schemaRegistry = (more: Partial<Record<ResourceType, readonly SchemaDef[]>> = {}): SchemaRegistry => ({
  core: { User: USER_SCHEMA, Group: GROUP_SCHEMA },
  extensions: { User: [ENTERPRISE_USER_SCHEMA, ...(more.User ?? [])], Group: [...(more.Group ?? [])] },
});

/** What every workspace has today. */
export const DEFAULT_SCHEMAS: SchemaRegistry = schemaRegistry();

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

// RFC 7643 §2.1: attribute names and schema URNs are case-insensitive.
export const findByName = (defs: readonly AttributeDef[] | undefined, name: string): AttributeDef | undefined =>
  defs?.find((d) => same(d.name, name));

/** Core first, so an unqualified name resolves to the core attribute before an extension's. */
const lookupOrder = (reg: SchemaRegistry, rt: ResourceType): { urn: string; attributes: readonly AttributeDef[] }[] => [
  { urn: reg.core[rt].id, attributes: [...reg.core[rt].attributes, ...COMMON_ATTRIBUTES] },
  ...reg.extensions[rt].map((s) => ({ urn: s.id, attributes: s.attributes })),
];

/** The canonical spelling of a schema URN the registry has for this resource type. */
export const knownSchemaUrn = (reg: SchemaRegistry, rt: ResourceType, urn: string): string | undefined =>
  lookupOrder(reg, rt).find((s) => same(s.urn, urn))?.urn;

export type ResolvedAttribute = { schema: string; def: AttributeDef; sub?: AttributeDef };

export const resolveAttribute = (reg: SchemaRegistry, rt: ResourceType, path: AttrPath): ResolvedAttribute | undefined => {
  const order = lookupOrder(reg, rt);
  const candidates = path.uri === undefined ? order : order.filter((s) => same(s.urn, path.uri ?? ""));
  for (const { urn, attributes } of candidates) {
    const def = findByName(attributes, path.attr);
    if (!def) continue;
    if (path.sub === undefined) return { schema: urn, def };
    const sub = findByName(def.subAttributes, path.sub);
    return sub ? { schema: urn, def, sub } : undefined;
  }
  return undefined;
};
