import type { AttrPath } from "../filter/ast";
import { findByName, knownSchemaUrn, resolveAttribute, type SchemaRegistry } from "./registry";
import type { AttributeDef } from "./types";
import type { ResourceType } from "./urns";

/**
 * Where a key of a request body, a PATCH path or an `attributes=` entry lands in a stored
 * resource, by the registry's schemas: declared names get their canonical spelling and
 * definition; anything else is `undeclared` and is not stored.
 */
export type Place =
  /** The whole extension object (`urn:…:enterprise:2.0:User`), or the core URN meaning the root. */
  | { kind: "schema"; urn: string; core: boolean }
  | {
      kind: "attr";
      /** Extension URN whose object holds the attribute; undefined for core and common ones. */
      ext?: string;
      name: string;
      def: AttributeDef;
      sub?: { name: string; def: AttributeDef };
    }
  /**
   * No schema declares it. `path` names it for the provisioning log: declared parts spelled
   * canonically, the rest as sent (`name.nickname`, `urn:…:enterprise:2.0:User:worksiteId`).
   */
  | { kind: "undeclared"; path: string };

const undeclared = (path: string): Place => ({ kind: "undeclared", path });

// `rest` is what follows the URN (or the whole key): `attr` or `attr.sub`.
const placeOfName = (reg: SchemaRegistry, rt: ResourceType, rest: string, urn: string | undefined): Place => {
  const dot = rest.indexOf(".");
  const attrName = dot < 0 ? rest : rest.slice(0, dot);
  const subName = dot < 0 ? undefined : rest.slice(dot + 1);
  const found = resolveAttribute(reg, rt, urn === undefined ? { attr: attrName } : { uri: urn, attr: attrName });
  if (!found) return undeclared(urn === undefined ? rest : `${urn}:${rest}`);
  const { def } = found;
  const ext = found.schema === reg.core[rt].id ? undefined : found.schema;
  const prefix = ext === undefined ? "" : `${ext}:`;
  const withExt = ext === undefined ? {} : { ext };
  if (subName === undefined) return { kind: "attr", ...withExt, name: def.name, def };
  const subDef = def.type === "complex" ? findByName(def.subAttributes, subName) : undefined;
  if (!subDef) return undeclared(`${prefix}${def.name}.${subName}`);
  return { kind: "attr", ...withExt, name: def.name, def, sub: { name: subDef.name, def: subDef } };
};

export const placeOfKey = (reg: SchemaRegistry, rt: ResourceType, key: string): Place => {
  if (!/^urn:/i.test(key)) return placeOfName(reg, rt, key, undefined);
  const whole = knownSchemaUrn(reg, rt, key);
  if (whole) return { kind: "schema", urn: whole, core: whole === reg.core[rt].id };
  // A schema URN contains colons and dots, so the attribute starts after the last colon.
  const colon = key.lastIndexOf(":");
  const urn = knownSchemaUrn(reg, rt, key.slice(0, colon));
  // A URN /Schemas does not list (an app's own extension): nothing of it is declared.
  if (!urn) return undeclared(key);
  return placeOfName(reg, rt, key.slice(colon + 1), urn);
};

/** A parsed attribute path (filter AST) → its place; same rules as a body key. */
export const placeOfPath = (reg: SchemaRegistry, rt: ResourceType, p: AttrPath): Place => {
  const name = p.sub === undefined ? p.attr : `${p.attr}.${p.sub}`;
  return placeOfKey(reg, rt, p.uri === undefined ? name : `${p.uri}:${name}`);
};
