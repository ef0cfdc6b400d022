import type { AttrPath } from "../filter/ast";
import { COMMON_ATTRIBUTES } from "./common";
import { ENTERPRISE_USER_SCHEMA } from "./enterprise";
import { GROUP_SCHEMA } from "./group";
import type { AttributeDef, SchemaDef } from "./types";
import { USER_SCHEMA } from "./user";
import type { ResourceType } from "./urns";

export const CORE_SCHEMA: Record<ResourceType, SchemaDef> = { User: USER_SCHEMA, Group: GROUP_SCHEMA };
export const EXTENSION_SCHEMAS: Record<ResourceType, SchemaDef[]> = { User: [ENTERPRISE_USER_SCHEMA], Group: [] };

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

// RFC 7643 §2.1: attribute names and schema URNs are case-insensitive.
export const findByName = (defs: readonly AttributeDef[] | undefined, name: string): AttributeDef | undefined =>
  defs?.find((d) => same(d.name, name));

/** Core first, so an unqualified name resolves to the core attribute before an extension's. */
const lookupOrder = (rt: ResourceType): { urn: string; attributes: AttributeDef[] }[] => [
  { urn: CORE_SCHEMA[rt].id, attributes: [...CORE_SCHEMA[rt].attributes, ...COMMON_ATTRIBUTES] },
  ...EXTENSION_SCHEMAS[rt].map((s) => ({ urn: s.id, attributes: s.attributes })),
];

export const knownSchemaUrn = (rt: ResourceType, urn: string): string | undefined =>
  lookupOrder(rt).find((s) => same(s.urn, urn))?.urn;

export type ResolvedAttribute = { schema: string; def: AttributeDef; sub?: AttributeDef };

export const resolveAttribute = (rt: ResourceType, path: AttrPath): ResolvedAttribute | undefined => {
  const candidates = path.uri === undefined ? lookupOrder(rt) : lookupOrder(rt).filter((s) => same(s.urn, path.uri ?? ""));
  for (const { urn, attributes } of candidates) {
    const def = findByName(attributes, path.attr);
    if (!def) continue;
    if (path.sub === undefined) return { schema: urn, def };
    const sub = findByName(def.subAttributes, path.sub);
    return sub ? { schema: urn, def, sub } : undefined;
  }
  return undefined;
};
