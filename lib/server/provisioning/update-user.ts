// PUT and PATCH /Users/{id}: the new document over the stored one — what changes, what it means
// (a deactivation archives, a re-activation restores) — written with its log row in one
// transaction. A concurrent change to the same employee is detected, and the request re-runs on
// the fresh state instead of overwriting it.
import "server-only";
import { direct } from "@/lib/db/direct";
import { managerRef } from "@/lib/provisioning/user-columns";
import { notFound, preconditionFailed } from "@/lib/scim/errors";
import type { JsonObject } from "@/lib/scim/schemas/json";
import { documentAttributeValues } from "@/lib/attributes/values";
import { applyUserPlan, StaleEmployee } from "./apply-plan";
import { checkAttributes, checkReferences, referencedIds, referencesChanged } from "./check-attributes";
import { checkSeats } from "./check-seats";
import { findManager, findUsersByScimId, groupNamesFor, loadUser } from "./find-user";
import { planUpdate } from "./plan-user";
import type { ProvisioningContext, UserWritten } from "./provision-user";

const ATTEMPTS = 3;

const parse = (json: string | null): JsonObject => {
  try {
    return json ? (JSON.parse(json) as JsonObject) : {};
  } catch {
    return {};
  }
};

type Next = (current: JsonObject) => { doc: JsonObject; ignored?: readonly string[] };

/** `next` turns the stored document into the new one (a PUT ignores it; a PATCH applies its operations). */
export const updateUser = async (ctx: ProvisioningContext, op: "replace" | "patch", scimId: string, next: Next, ifMatch: number | undefined): Promise<UserWritten> => {
  const { workspaceId, policy } = ctx;
  for (let attempt = 1; ; attempt++) {
    try {
      return await direct.transaction(async (tx) => {
        const now = new Date();
        const current = await loadUser(tx, workspaceId, scimId);
        if (!current) throw notFound(`User ${scimId} not found`);
        if (ifMatch !== undefined && ifMatch !== current.version) throw preconditionFailed(scimId, current.version);
        const previous = parse(current.scimDoc);
        const { doc: sent, ignored } = next(previous);
        const { doc, values } = checkAttributes(sent, policy);
        // References are looked up when they changed, or when the card follows the policy in full.
        const full = current.cardPolicyVersion !== policy.version;
        const refs = referencedIds(values, policy);
        const lookUpRefs = refs.length > 0 && (full || referencesChanged(values, documentAttributeValues(previous, policy.attributes).values, policy));
        const names = lookUpRefs ? await findUsersByScimId(tx, workspaceId, refs) : new Map<string, string | null>();
        if (lookUpRefs) checkReferences(values, policy, names, scimId);
        // The manager is looked up only when the reference changed (or was not found before).
        const ref = managerRef(doc);
        const lookUp = ref !== managerRef(previous) || (ref !== null && current.managerId === null);
        const manager = lookUp ? await findManager(tx, workspaceId, ref, current.id) : undefined;
        const groups = await groupNamesFor(tx, policy, workspaceId, current.id);
        const plan = planUpdate({ current, doc, policy, manager, hasCard: true, mode: "update", groups, now, custom: { values, names } });
        // An archived employee the IdP re-activates takes a seat again.
        if (plan.change === "reactivated") await checkSeats(tx, workspaceId, policy.seatLimit);
        await applyUserPlan(tx, ctx, current.id, plan, current.version);
        await ctx.journal.record(tx, { op, resourceType: "User", resourceId: scimId, employeeId: current.id, change: plan.change, summary: plan.summary, ignored });
        return { employeeId: current.id, scimId, doc, createdAt: current.createdAt, updatedAt: now, version: current.version + 1, plan };
      });
    } catch (err) {
      if (!(err instanceof StaleEmployee) || attempt >= ATTEMPTS) throw err;
    }
  }
};
