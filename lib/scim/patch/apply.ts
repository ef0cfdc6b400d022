// RFC 7644 §3.5.2 PATCH: every operation is checked and applied, in order, to a deep copy of
// the resource; the first failure throws and the caller's resource is untouched. An operation on
// an attribute no schema declares is a no-op that is reported back in `ignored`, whatever its op:
// one unsupported attribute must not fail an IdP's whole PATCH, and must not be stored either.

import { badRequest } from "../errors";
import type { Filter } from "../filter/ast";
import { deleteCi, findKey, isPlainObject, type JsonObject } from "../schemas/json";
import { placeOfKey, placeOfPath, type Place } from "../schemas/place";
import { DEFAULT_SCHEMAS } from "../schemas/registry";
import { coerceValue } from "../schemas/coerce";
import { ignoredPaths } from "../schemas/ignored";
import type { ResourceType } from "../schemas/urns";
import { applySub, applyWhole } from "./attribute";
import { applyFiltered } from "./filtered";
import { applyMembers } from "./members";
import { atIndex, parseOperations } from "./parse";
import { labelOf, readOnly, type AttrPlace } from "./rules";
import type { PatchOptions, PatchResult, PatchState, PlannedOp, Step } from "./types";

const schemasOf = (s: PatchState): string[] => {
  const current = s.resource.schemas;
  const list = Array.isArray(current) ? current.filter((u): u is string => typeof u === "string") : [s.schemas.core[s.rt].id];
  s.resource.schemas = list;
  return list;
};

const extensionObject = (s: PatchState, urn: string, create: boolean): JsonObject | undefined => {
  const key = findKey(s.resource, urn);
  const existing = key === undefined ? undefined : s.resource[key];
  if (isPlainObject(existing)) return existing;
  if (!create) return undefined;
  const created: JsonObject = {};
  s.resource[urn] = created;
  const schemas = schemasOf(s);
  if (!schemas.some((u) => u.toLowerCase() === urn.toLowerCase())) schemas.push(urn);
  return created;
};

const dropExtension = (s: PatchState, urn: string) => {
  deleteCi(s.resource, urn);
  const lower = urn.toLowerCase();
  s.resource.schemas = schemasOf(s).filter((u) => u.toLowerCase() !== lower);
};

// The whole extension object as a path (`urn:…:enterprise:2.0:User`) or a path-less key.
const applySchema = (s: PatchState, step: Step, place: Extract<Place, { kind: "schema" }>, hasFilter: boolean) => {
  if (hasFilter) throw badRequest("invalidPath", `'${place.urn}' is a schema, not a multi-valued attribute`);
  if (step.op === "remove") {
    if (place.core) throw badRequest("invalidPath", "The core schema cannot be removed");
    dropExtension(s, place.urn);
    return;
  }
  if (step.value === null && !place.core) return dropExtension(s, place.urn);
  if (!isPlainObject(step.value)) throw badRequest("invalidValue", `The value for '${place.urn}' must be an object of its attributes`);
  for (const [key, value] of Object.entries(step.value)) {
    applyAt(s, { ...step, value, hasValue: true }, placeOfKey(s.schemas, s.rt, place.core ? key : `${place.urn}:${key}`));
  }
};

const isReadOnly = (place: AttrPlace) => place.def.mutability === "readOnly" || place.sub?.def.mutability === "readOnly";

const applyAt = (s: PatchState, step: Step, place: Place, filter?: Filter, elementSub?: string): void => {
  if (place.kind === "undeclared") {
    // `schemas` is no schema's attribute but every resource's (RFC 7643 §3); the server keeps it
    // in step with the extensions present, so writing it is silently a no-op.
    if (place.path.toLowerCase() !== "schemas") s.ignored.add(place.path);
    return;
  }
  if (place.kind === "schema") return applySchema(s, step, place, filter !== undefined || elementSub !== undefined);
  const { def } = place;
  const core = place.ext === undefined;
  if (s.rt === "Group" && core && def.name === "members") return applyMembers(s, step, place, filter, elementSub);

  if (isReadOnly(place)) {
    // Okta repeats the group's own id in rename PATCHes: setting id to itself is a no-op.
    const ownId = def.name === "id" && !place.sub && !filter && step.op !== "remove" && step.value === s.ownId;
    if (ownId) return;
    throw readOnly(labelOf(place));
  }
  if (core && def.name === "password") {
    // writeOnly: handed back to the caller to hash, never stored in the resource.
    if (step.op === "remove") return;
    const password = coerceValue(def, step.value, "password");
    if (typeof password === "string") s.password = password;
    return;
  }

  const target = place.ext === undefined ? s.resource : extensionObject(s, place.ext, step.op !== "remove");
  if (!target) return;
  if (filter) return applyFiltered(s, target, step, place, filter, elementSub);
  if (place.sub) return applySub(target, step, place);
  return applyWhole(target, step, place, s.ignored.add);
};

const applyOperation = (s: PatchState, op: PlannedOp) => {
  const step: Step = { op: op.op, value: op.value, hasValue: op.hasValue };
  if (op.path) return applyAt(s, step, placeOfPath(s.schemas, s.rt, op.path.path), op.path.filter, op.path.sub);
  // No path: the value is a set of attributes for the resource itself (RFC 7644 §3.5.2.1/.3);
  // keys may be dotted (`name.givenName`) or URN-qualified (Entra with aadOptscim062020).
  if (!isPlainObject(op.value)) throw badRequest("invalidValue", `'${op.op}' without a path needs an object of attributes as its value`);
  for (const [key, value] of Object.entries(op.value)) applyAt(s, { ...step, value, hasValue: true }, placeOfKey(s.schemas, s.rt, key));
};

// An extension whose attributes were all removed is no longer part of the resource.
const tidy = (s: PatchState) => {
  for (const { id } of s.schemas.extensions[s.rt]) {
    const key = findKey(s.resource, id);
    const ext = key === undefined ? undefined : s.resource[key];
    if (isPlainObject(ext) && Object.keys(ext).length === 0) dropExtension(s, id);
  }
  deleteCi(s.resource, "password");
};

export const applyPatch = (
  resourceType: ResourceType,
  resource: Record<string, unknown>,
  body: unknown,
  options: PatchOptions = {},
): PatchResult => {
  const operations = parseOperations(body);
  const ownId = options.id ?? resource.id;
  const schemas = options.schemas ?? DEFAULT_SCHEMAS;
  const s: PatchState = { rt: resourceType, schemas, resource: structuredClone(resource), ownId, memberOps: [], ignored: ignoredPaths() };
  for (const op of operations) atIndex(op.index, () => applyOperation(s, op));
  tidy(s);
  const ignored = s.ignored.list();
  return {
    resource: s.resource,
    ...(s.password === undefined ? {} : { password: s.password }),
    ...(s.memberOps.length === 0 ? {} : { memberOps: s.memberOps }),
    ...(ignored.length === 0 ? {} : { ignored }),
  };
};
