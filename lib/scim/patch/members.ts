// Group membership changes become MemberOps for the store instead of edits of a member array.

import { badRequest } from "../errors";
import type { Filter } from "../filter/ast";
import { getCi, isPlainObject } from "../schemas/json";
import type { AttrPlace } from "./rules";
import type { PatchState, Step } from "./types";

// Members as the RFC sends them ({ value }), as bare ids (Microsoft's suite), one or many.
const memberIds = (value: unknown): string[] => {
  const ids: string[] = [];
  for (const m of Array.isArray(value) ? value : [value]) {
    if (m === null || m === undefined) continue;
    const id = isPlainObject(m) ? getCi(m, "value") : m;
    if (typeof id !== "string" || id.trim() === "") {
      throw badRequest("invalidValue", "Each member must be an object with a 'value' holding the member's id");
    }
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
};

/** `members[value eq "a"]`, or an `or` of those → ["a", …]; anything else stays a filter. */
const idsOf = (filter: Filter): string[] | undefined => {
  if (filter.op === "or") {
    const parts = filter.filters.map(idsOf);
    return parts.every((p) => p !== undefined) ? [...new Set(parts.flat())] : undefined;
  }
  const isValueEq =
    filter.op === "eq" && filter.path.attr.toLowerCase() === "value" && filter.path.sub === undefined && typeof filter.value === "string";
  return isValueEq ? [filter.value as string] : undefined;
};

export const applyMembers = (s: PatchState, step: Step, place: AttrPlace, filter: Filter | undefined, elementSub: string | undefined): void => {
  if (place.sub || elementSub !== undefined) {
    throw badRequest("invalidPath", "A member's sub-attributes cannot be patched; add or remove the member by its value");
  }
  if (filter) {
    if (step.op !== "remove") throw badRequest("invalidPath", "A filter on 'members' is only supported with 'remove'");
    const values = idsOf(filter);
    s.memberOps.push(values ? { op: "remove", filter, values } : { op: "remove", filter });
    return;
  }
  if (step.op === "remove") {
    // No value: every member goes (RFC 7644 §3.5.2.2). A value names the ones to remove (Entra).
    if (!step.hasValue || step.value === null) {
      s.memberOps.push({ op: "replace", values: [] });
      return;
    }
    const values = memberIds(step.value);
    if (values.length > 0) s.memberOps.push({ op: "remove", values });
    return;
  }
  const values = memberIds(step.value);
  if (step.op === "replace") s.memberOps.push({ op: "replace", values });
  else if (values.length > 0) s.memberOps.push({ op: "add", values });
};
