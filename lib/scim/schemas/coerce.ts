import { badRequest } from "../errors";
import { isPlainObject, type JsonObject } from "./json";
import { findByName } from "./registry";
import type { AttributeDef } from "./types";

// Turns an incoming value into the canonical form for its attribute definition, or fails with
// 400 invalidValue naming the attribute. Shared by POST/PUT normalization and PATCH.
//   - null means unassigned (RFC 7643 §2.5) and comes back as undefined;
//   - booleans may arrive as "True"/"False" (Entra without aadOptscim062020);
//   - a single element where an array belongs is wrapped, a one-element array where a single
//     complex value belongs (Entra's manager `[{"value": …}]`) is unwrapped;
//   - sub-attribute names get their canonical spelling; sub-attributes the schema does not declare
//     are dropped and reported to `ignore` as `label.sub` (see ignored.ts);
//   - readOnly sub-attributes (manager.displayName) are dropped: the server computes them.

// Attributes whose bare string means { value: string }: Entra's manager id, group members as
// Microsoft's reference suite sends them, and roles as some Okta apps send them (["Sales Lead"]).
const VALUE_SHORTHAND = new Set(["manager", "members", "roles"]);

/** Told the path of each undeclared sub-attribute that was dropped. */
export type IgnoreSink = (path: string) => void;

const invalid = (label: string, expected: string, got: unknown) =>
  badRequest("invalidValue", `Attribute '${label}' must be ${expected}; got ${describe(got)}`);

const describe = (v: unknown): string => {
  if (Array.isArray(v)) return "an array";
  if (isPlainObject(v)) return "an object";
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
};

const coerceBoolean = (v: unknown, label: string): boolean => {
  if (typeof v === "boolean") return v;
  if (typeof v === "string") {
    const lower = v.trim().toLowerCase();
    if (lower === "true") return true;
    if (lower === "false") return false;
  }
  throw invalid(label, "a boolean", v);
};

const coerceScalar = (def: AttributeDef, v: unknown, label: string): unknown => {
  switch (def.type) {
    case "boolean":
      return coerceBoolean(v, label);
    case "integer":
      if (typeof v === "number" && Number.isInteger(v)) return v;
      throw invalid(label, "an integer", v);
    case "decimal":
      if (typeof v === "number" && Number.isFinite(v)) return v;
      throw invalid(label, "a number", v);
    case "dateTime":
      if (typeof v === "string" && !Number.isNaN(Date.parse(v))) return v;
      throw invalid(label, "an xsd:dateTime string", v);
    default:
      // string, reference, binary. Numbers are refused rather than converted: a number where a
      // string belongs is a mapping error the IdP admin should see.
      if (typeof v === "string") return v;
      throw invalid(label, "a string", v);
  }
};

const coerceComplex = (def: AttributeDef, v: unknown, label: string, ignore?: IgnoreSink): JsonObject | undefined => {
  const value = typeof v === "string" && VALUE_SHORTHAND.has(def.name) ? { value: v } : v;
  if (!isPlainObject(value)) throw invalid(label, "an object", v);
  const out: JsonObject = {};
  for (const [key, raw] of Object.entries(value)) {
    // Microsoft's reference suite writes a member's `display` as `displayName`.
    const name = def.name === "members" && key.toLowerCase() === "displayname" && !findByName(def.subAttributes, key) ? "display" : key;
    const subDef = findByName(def.subAttributes, name);
    if (!subDef) {
      ignore?.(`${label}.${key}`);
      continue;
    }
    if (subDef.mutability === "readOnly") continue;
    const coerced = coerceValue(subDef, raw, `${label}.${subDef.name}`);
    if (coerced !== undefined) out[subDef.name] = coerced;
  }
  // Entra clears a manager with an empty id.
  if (def.name === "manager" && out.value === "") delete out.value;
  return Object.keys(out).length === 0 ? undefined : out;
};

const coerceOne = (def: AttributeDef, v: unknown, label: string, ignore?: IgnoreSink): unknown =>
  def.type === "complex" ? coerceComplex(def, v, label, ignore) : coerceScalar(def, v, label);

/** One element of a multi-valued attribute (or the value of a single-valued one). */
export const coerceElement = (def: AttributeDef, v: unknown, label: string, ignore?: IgnoreSink): unknown => {
  if (v === null || v === undefined) return undefined;
  if (Array.isArray(v) && def.type === "complex") {
    if (v.length > 1) throw invalid(label, "a single value", v);
    return v.length === 0 ? undefined : coerceElement(def, v[0], label, ignore);
  }
  return coerceOne(def, v, label, ignore);
};

/** At most one element may be primary (RFC 7643 §2.4); the server may fix it, so it does. */
// `preferred` are the elements the current operation wrote: the value just set primary wins.
export const fixPrimary = (def: AttributeDef, values: unknown[], preferred: readonly unknown[] = []): void => {
  if (!findByName(def.subAttributes, "primary")) return;
  const primaries = values.filter((el) => isPlainObject(el) && el.primary === true);
  if (primaries.length < 2) return;
  const keep = primaries.find((el) => preferred.includes(el)) ?? primaries[0];
  for (const el of primaries) if (el !== keep && isPlainObject(el)) el.primary = false;
};

export const coerceValue = (def: AttributeDef, v: unknown, label: string, ignore?: IgnoreSink): unknown => {
  if (v === null || v === undefined) return undefined;
  if (!def.multiValued) return coerceElement(def, v, label, ignore);
  const list = Array.isArray(v) ? v : [v];
  const out = list
    .filter((el) => el !== null && el !== undefined)
    .map((el) => coerceOne(def, el, label, ignore))
    .filter((el) => el !== undefined);
  fixPrimary(def, out);
  return out;
};
