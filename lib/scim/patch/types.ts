import type { Filter, PatchPath } from "../filter/ast";
import type { JsonObject } from "../schemas/json";
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

export type PatchResult = { resource: JsonObject; password?: string; memberOps?: MemberOp[] };

export type Op = "add" | "replace" | "remove";

export type PlannedOp = { index: number; op: Op; path?: PatchPath; value: unknown; hasValue: boolean };

/** What one operation (or one key of a path-less value) does. */
export type Step = { op: Op; value: unknown; hasValue: boolean };

/**
 * `id`: the resource's own id, when the stored document does not carry it, so that an
 * operation repeating it (Okta's rename PATCH) can be recognized as harmless.
 */
export type PatchOptions = { id?: string };

/** The working copy all operations of one request are applied to. */
export type PatchState = { rt: ResourceType; resource: JsonObject; ownId: unknown; password?: string; memberOps: MemberOp[] };
