// add / replace / remove of a whole attribute or of one sub-attribute (no value filter).

import { badRequest } from "../errors";
import { coerceElement, coerceValue, fixPrimary, type IgnoreSink } from "../schemas/coerce";
import { deepEqual, deleteCi, getCi, isPlainObject, setCi, type JsonObject } from "../schemas/json";
import { findByName } from "../schemas/registry";
import type { AttributeDef } from "../schemas/types";
import { assertMutable, assertNotRequired, labelOf, type AttrPlace } from "./rules";
import type { Step } from "./types";

const hasContent = (v: unknown) => v !== undefined && v !== null && v !== "" && !(Array.isArray(v) && v.length === 0);

const sameText = (def: AttributeDef | undefined, a: unknown, b: unknown) =>
  typeof a === "string" && typeof b === "string" && !def?.caseExact ? a.toLowerCase() === b.toLowerCase() : deepEqual(a, b);

// Entra removes a member or a value by naming it: {"op":"Remove","path":"emails","value":[{"value":"x"}]}.
// An element goes when every sub-attribute the request names matches.
const removeNamed = (target: JsonObject, def: AttributeDef, value: unknown, label: string, ignore: IgnoreSink) => {
  const existing = getCi(target, def.name);
  if (!Array.isArray(existing)) return;
  const named = (Array.isArray(value) ? value : [value]).map((v) => coerceElement(def, v, label, ignore)).filter(isPlainObject);
  const matches = (el: unknown) =>
    isPlainObject(el) &&
    named.some((n) => Object.entries(n).every(([k, v]) => sameText(findByName(def.subAttributes, k), getCi(el, k), v)));
  const kept = existing.filter((el) => !matches(el));
  if (kept.length === 0) deleteCi(target, def.name);
  else setCi(target, def.name, kept);
};

/** `ignore` hears of sub-attributes in the value that the attribute does not declare (dropped). */
export const applyWhole = (target: JsonObject, step: Step, place: AttrPlace, ignore: IgnoreSink): void => {
  const { def } = place;
  const label = labelOf(place);
  const existing = getCi(target, def.name);

  if (step.op === "remove") {
    if (def.multiValued && step.hasValue && hasContent(step.value)) return removeNamed(target, def, step.value, label, ignore);
    if (existing === undefined) return;
    assertNotRequired(def, label);
    assertMutable(def, existing, undefined, label);
    deleteCi(target, def.name);
    return;
  }

  const coerced = coerceValue(def, step.value, label, ignore);
  const empty = coerced === undefined || (Array.isArray(coerced) && coerced.length === 0);
  if (empty) {
    // null, "" for a manager, or [] means unassigned (RFC 7643 §2.5); adding nothing changes nothing.
    if (step.op === "add" && coerced !== undefined) return;
    assertNotRequired(def, label);
    deleteCi(target, def.name);
    return;
  }
  if (def.required && coerced === "") throw badRequest("invalidValue", `Attribute '${label}' is required and cannot be empty`);

  if (def.multiValued && Array.isArray(coerced)) {
    const next = step.op === "add" && Array.isArray(existing) ? [...existing] : [];
    // RFC 7644 §3.5.2.1: adding a value that is already there changes nothing.
    for (const el of coerced) if (!next.some((e) => deepEqual(e, el))) next.push(el);
    fixPrimary(def, next, coerced);
    assertMutable(def, existing, next, label);
    setCi(target, def.name, next);
    return;
  }
  if (def.type === "complex" && isPlainObject(coerced)) {
    // RFC 7644 §3.5.2.3: sub-attributes not given are left unchanged. A new `value` (a new
    // manager) is a different referent, though, so its old $ref/displayName must not survive.
    const replacesReferent = findByName(def.subAttributes, "value") && "value" in coerced;
    const next = isPlainObject(existing) && !replacesReferent ? { ...existing, ...coerced } : coerced;
    setCi(target, def.name, next);
    return;
  }
  assertMutable(def, existing, coerced, label);
  setCi(target, def.name, coerced);
};

// `name.givenName`, `urn:…:manager.value`, or `emails.value` (every element; RFC 7644 leaves
// it open, and setting it on each is the only reading that loses nothing).
export const applySub = (target: JsonObject, step: Step, place: AttrPlace): void => {
  const { def, sub } = place;
  if (!sub) return;
  const label = labelOf(place);
  const existing = getCi(target, def.name);
  const clearsManager = def.name === "manager" && sub.name === "value" && (step.value === "" || step.value === null);
  const value = step.op === "remove" || clearsManager ? undefined : coerceValue(sub.def, step.value, label);

  if (def.multiValued) {
    const elements = Array.isArray(existing) ? existing.filter(isPlainObject) : [];
    if (value === undefined) {
      for (const el of elements) deleteCi(el, sub.name);
      const kept = elements.filter((el) => Object.keys(el).length > 0);
      if (kept.length === 0) deleteCi(target, def.name);
      else setCi(target, def.name, kept);
      return;
    }
    const next = elements.length === 0 ? [{}] : elements;
    for (const el of next) {
      assertMutable(sub.def, getCi(el, sub.name), value, label);
      setCi(el, sub.name, value);
    }
    fixPrimary(def, next);
    setCi(target, def.name, next);
    return;
  }

  if (clearsManager) {
    deleteCi(target, def.name);
    return;
  }
  const parent = isPlainObject(existing) ? existing : undefined;
  if (value === undefined) {
    if (!parent) return;
    assertNotRequired(sub.def, label);
    deleteCi(parent, sub.name);
    if (Object.keys(parent).length === 0) deleteCi(target, def.name);
    return;
  }
  assertMutable(sub.def, parent ? getCi(parent, sub.name) : undefined, value, label);
  const next = parent ?? {};
  setCi(next, sub.name, value);
  setCi(target, def.name, next);
};
