// DELETE /Users/{id}: nothing is destroyed. The employee is archived with its history and leaves
// every group; the SCIM resource is gone (its id is 404 from now on, and a later POST of the same
// userName brings the employee back under a new id).
import "server-only";
import { direct } from "@/lib/db/direct";
import { notFound, preconditionFailed } from "@/lib/scim/errors";
import { applyUserPlan } from "./apply-plan";
import { loadUser } from "./find-user";
import { planDelete } from "./plan-user";
import type { ProvisioningContext } from "./provision-user";

export const deleteUser = async (ctx: ProvisioningContext, scimId: string, ifMatch: number | undefined) =>
  direct.transaction(async (tx) => {
    const current = await loadUser(tx, ctx.workspaceId, scimId);
    if (!current) throw notFound(`User ${scimId} not found`);
    if (ifMatch !== undefined && ifMatch !== current.version) throw preconditionFailed(scimId, current.version);
    const plan = planDelete(current, new Date());
    await applyUserPlan(tx, ctx, current.id, plan, current.version);
    await ctx.journal.record(tx, { op: "delete", resourceType: "User", resourceId: scimId, employeeId: current.id, change: plan.change, summary: plan.summary });
    return { employeeId: current.id, summary: plan.summary };
  });
