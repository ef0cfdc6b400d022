// Value-path operations: `emails[type eq "work"]`, `emails[type eq "work"].value`.

import { badRequest } from "../errors";
import type { AttrPath, Filter } from "../filter/ast";
import { matchesElement } from "../filter";
import { coerceElement, coerceValue, fixPrimary, type IgnoreSink } from "../schemas/coerce";
import { deleteCi, getCi, isPlainObject, setCi, type JsonObject } from "../schemas/json";
import { findByName, resolveAttribute } from "../schemas/registry";
import type { AttributeDef } from "../schemas/types";
import { labelOf, readOnly, type AttrPlace } from "./rules";
import type { PatchState, Step } from "./types";

/**
 * The element a filter describes, when it can be built: `type eq "work"` (optionally and-ed
 * with more `eq`s) → { type: "work" }. Entra targets `emails[type eq "work"].value` before the
 * user has a work email, and expects it to be created. A filter on a sub-attribute the schema does
 * not declare describes nothing that could be stored.
 */
const elementOf = (filter: Filter, place: AttrPlace): JsonObject | undefined => {
  const parts = filter.op === "and" ? filter.filters : [filter];
  const out: JsonObject = {};
  for (const f of parts) {
    if (f.op !== "eq" || f.path.uri !== undefined || f.path.sub !== undefined || f.value === null) return undefined;
    const sub = findByName(place.def.subAttributes, f.path.attr);
    if (!sub) return undefined;
    out[sub.name] = f.value;
  }
  return out;
};

// What add/replace writes: a whole element, or one sub-attribute of each matching element.
const incoming = (raw: unknown, place: AttrPlace, subDef: AttributeDef | undefined, label: string, ignore: IgnoreSink) =>
  subDef ? coerceValue(subDef, raw, label) : coerceElement(place.def, raw, label, ignore);

// A complex element is an object; a bare value stands for { value }.
const asObject = (value: unknown): JsonObject => (isPlainObject(value) ? value : { value });

const noTarget = (place: AttrPlace) =>
  badRequest("noTarget", `No value of '${labelOf(place)}' matches the filter, and the filter does not describe one to create`);

export const applyFiltered = (
  s: PatchState,
  target: JsonObject,
  step: Step,
  place: AttrPlace,
  filter: Filter,
  elementSub: string | undefined,
): void => {
  const { def } = place;
  if (place.sub || !def.multiValued) {
    throw badRequest("invalidPath", `A value filter needs a multi-valued attribute; '${labelOf(place)}' is not one`);
  }
  const name = def.name;
  const subDef = elementSub === undefined ? undefined : findByName(def.subAttributes, elementSub);
  // `emails[type eq "work"].nickname`: nothing of the kind can be stored, so nothing to do.
  if (elementSub !== undefined && !subDef) return s.ignored.add(`${labelOf(place)}.${elementSub}`);
  const subName = subDef?.name;
  const label = labelOf(place, subName);
  if (subDef?.mutability === "readOnly") throw readOnly(label);

  const existing = getCi(target, name);
  const elements: unknown[] = Array.isArray(existing) ? [...existing] : existing === undefined || existing === null ? [] : [existing];
  const parent: AttrPath = place.ext ? { uri: place.ext, attr: name } : { attr: name };
  const isCaseExact = (p: AttrPath) => resolveAttribute(s.schemas, s.rt, p)?.sub?.caseExact ?? false;
  const matched = elements.filter((el) => matchesElement(filter, el, { isCaseExact, parent }));

  const write = (next: unknown[]) => {
    if (next.length === 0) deleteCi(target, name);
    else setCi(target, name, next);
  };

  const value = step.op === "remove" ? undefined : incoming(step.value, place, subDef, label, s.ignored.add);

  // remove, or add/replace with null: RFC 7643 §2.5 makes both "unassigned".
  if (value === undefined || value === null) {
    if (subName === undefined) return write(elements.filter((el) => !matched.includes(el)));
    for (const el of matched) if (isPlainObject(el)) deleteCi(el, subName);
    return write(elements.filter((el) => !isPlainObject(el) || Object.keys(el).length > 0));
  }

  const touched: unknown[] = [];
  if (matched.length === 0) {
    const base = elementOf(filter, place);
    if (!base) throw noTarget(place);
    const created = subName === undefined ? { ...base, ...asObject(value) } : { ...base, [subName]: value };
    elements.push(created);
    touched.push(created);
  } else if (subName !== undefined) {
    for (const el of matched) {
      if (!isPlainObject(el)) continue;
      setCi(el, subName, value);
      touched.push(el);
    }
  } else {
    const base = elementOf(filter, place) ?? {};
    for (const el of matched) {
      const i = elements.indexOf(el);
      // replace swaps the element (keeping what the filter said about it); add merges into it.
      const next = step.op === "add" && isPlainObject(el) ? { ...el, ...asObject(value) } : isPlainObject(value) ? { ...base, ...value } : value;
      elements[i] = next;
      touched.push(next);
    }
  }
  fixPrimary(def, elements, touched);
  write(elements);
};
