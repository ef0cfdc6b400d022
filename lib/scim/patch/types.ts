import type { Filter, PatchPath } from "../filter/ast";
import type { Ignored } from "../schemas/ignored";
import type { JsonObject } from "../schemas/json";
import type { SchemaRegistry } from "../schemas/registry";
import type { ResourceType } from "../schemas/urns";

/**
 * A change to a group's membership, for the store to apply with one query each: groups can
 * have 10,000+ members, so PATCH never loads or rewrites the member list.
 *   add     — add these member ids (already-present ids are not an error)
 *   remove  — remove these ids; or, when only `filter` is set, the members the filter selects
 *             (a filter on `value`, `display` or `type` of each member). When both are set,
 *             `values` is exactly what the filter selects.
 *   replace — the membership becomes exactly `values` (`[]` removes everyone)
 */
export type MemberOp = { op: "add" | "remove" | "replace"; values?: string[]; filter?: Filter };

/**
 * `ignored`: paths the operations named (or values carried) that no schema declares; those parts
 * were no-ops. Present only when there were some.
 */
export type PatchResult = { resource: JsonObject; password?: string; memberOps?: MemberOp[]; ignored?: string[] };

export type Op = "add" | "replace" | "remove";

export type PlannedOp = { index: number; op: Op; path?: PatchPath; value: unknown; hasValue: boolean };

/** What one operation (or one key of a path-less value) does. */
export type Step = { op: Op; value: unknown; hasValue: boolean };

/**
 * `id`: the resource's own id, when the stored document does not carry it, so that an
 * operation repeating it (Okta's rename PATCH) can be recognized as harmless.
 * `schemas`: what may be stored (the handler passes its configuration's); the built-in schemas
 * when absent.
 */
export type PatchOptions = { id?: string; schemas?: SchemaRegistry };

/** The working copy all operations of one request are applied to. */
export type PatchState = {
  rt: ResourceType;
  schemas: SchemaRegistry;
  resource: JsonObject;
  ownId: unknown;
  password?: string;
  memberOps: MemberOp[];
  ignored: Ignored;
};
