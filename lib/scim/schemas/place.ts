import type { AttrPath } from "../filter/ast";
import { CORE_SCHEMA, findByName, knownSchemaUrn, resolveAttribute } from "./registry";
import type { AttributeDef } from "./types";
import type { ResourceType } from "./urns";

/**
 * Where a key of a request body, a PATCH path or an `attributes=` entry lands in a stored
 * resource. Known names get their canonical spelling and definition; unknown ones keep the
 * name exactly as sent.
 */
export type Place =
  /** The whole extension object (`urn:…:enterprise:2.0:User`), or the core URN meaning the root. */
  | { kind: "schema"; urn: string; core: boolean }
  | {
      kind: "attr";
      /** Extension URN whose object holds the attribute; undefined for core and common ones. */
      ext?: string;
      name: string;
      def?: AttributeDef;
      sub?: { name: string; def?: AttributeDef };
    };

const withExt = (ext: string | undefined) => (ext === undefined ? {} : { ext });

// `rest` is what follows the URN (or the whole key): `attr` or `attr.sub`.
const placeOfName = (rt: ResourceType, rest: string, urn: string | undefined): Place => {
  const dot = rest.indexOf(".");
  const attrName = dot < 0 ? rest : rest.slice(0, dot);
  const subName = dot < 0 ? undefined : rest.slice(dot + 1);
  const found = resolveAttribute(rt, urn === undefined ? { attr: attrName } : { uri: urn, attr: attrName });
  const ext = found && found.schema !== CORE_SCHEMA[rt].id ? found.schema : urn === CORE_SCHEMA[rt].id ? undefined : urn;
  if (!found) return { kind: "attr", ...withExt(ext), name: rest };
  const { def } = found;
  if (subName === undefined) return { kind: "attr", ...withExt(ext), name: def.name, def };
  // `userName.x` is not a sub-attribute of anything we know: keep the whole key as sent.
  if (def.type !== "complex") return { kind: "attr", ...withExt(ext), name: rest };
  const subDef = findByName(def.subAttributes, subName);
  const sub = subDef ? { name: subDef.name, def: subDef } : { name: subName };
  return { kind: "attr", ...withExt(ext), name: def.name, def, sub };
};

export const placeOfKey = (rt: ResourceType, key: string): Place => {
  if (!/^urn:/i.test(key)) return placeOfName(rt, key, undefined);
  const whole = knownSchemaUrn(rt, key);
  if (whole) return { kind: "schema", urn: whole, core: whole === CORE_SCHEMA[rt].id };
  // A schema URN contains colons and dots, so the attribute starts after the last colon.
  const colon = key.lastIndexOf(":");
  const urn = knownSchemaUrn(rt, key.slice(0, colon));
  // An unknown extension URN: nothing to canonicalize, the key is stored as sent.
  if (!urn) return { kind: "attr", name: key };
  return placeOfName(rt, key.slice(colon + 1), urn);
};

/** A parsed attribute path (filter AST) → its place; same rules as a body key. */
export const placeOfPath = (rt: ResourceType, p: AttrPath): Place => {
  const name = p.sub === undefined ? p.attr : `${p.attr}.${p.sub}`;
  return placeOfKey(rt, p.uri === undefined ? name : `${p.uri}:${name}`);
};
