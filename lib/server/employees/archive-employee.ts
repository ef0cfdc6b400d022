// Archiving and restoring by hand is for employees Muster owns (MANUAL, no SCIM resource);
// the IdP archives and restores the ones it provisioned. Each is recorded on the employee's timeline
// (and in the provisioning log) in its own transaction, as the dashboard's change: no SCIM token,
// the dashboard as client, the dashboard's request as method and path (as set-employee-role.ts).
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { DASHBOARD_CLIENT } from "@/lib/events/format";
import { expireLoginTokens } from "@/lib/server/auth/login-tokens";
import { UserError } from "@/lib/server/errors";
import { policyOf } from "@/lib/server/provisioning/policy";
import { checkSeatsFor, findActiveByEmail } from "./create-employee";

const IDP_OWNED = "Managed by your identity provider: archive or restore this employee there.";

const load = async (client: Tx | typeof db, workspaceId: string, id: string) => {
  const e = await client.employee.findFirst({ where: { id, workspaceId }, select: { id: true, status: true, scimDoc: true, email: true } });
  if (!e) throw new UserError("No employee with that id in this workspace", "id", "not_found");
  if (e.scimDoc !== null) throw new UserError(IDP_OWNED, "id", "forbidden");
  return e;
};

/** The admin acting, from the route (withAdmin's user) and the workspace's slug for the logged path. */
export type ArchiveActor = { email: string; slug: string };

const recordEvent = (tx: Tx, workspaceId: string, id: string, actor: ArchiveActor, action: "archive" | "restore", started: number) =>
  tx.provisioningEvent.create({
    data: {
      id: newId(),
      workspaceId,
      tokenId: null,
      method: "POST",
      path: `/api/w/${actor.slug}/employees/${id}/${action}`,
      status: 200,
      durationMs: Math.round(performance.now() - started),
      client: `${DASHBOARD_CLIENT} (${actor.email})`.slice(0, 300),
      resourceType: "User",
      resourceId: null,
      employeeId: id,
      change: action === "archive" ? "deactivated" : "reactivated",
      summary: `${action === "archive" ? "Archived" : "Restored"} by ${actor.email}`.slice(0, 2000),
    },
  });

/** Archived like the IdP archives (plan-user.ts): every session and sign-in link of the employee ends. */
export const archiveEmployee = async (workspaceId: string, id: string, actor: ArchiveActor) => {
  const started = performance.now();
  return db.$transaction(async (tx) => {
    const e = await load(tx, workspaceId, id);
    if (e.status === "ARCHIVED") throw new UserError("This employee is already archived", "id", "conflict");
    const { count } = await tx.employee.updateMany({
      where: { id, workspaceId, status: "MANUAL", scimDoc: null },
      data: { status: "ARCHIVED", active: false, archivedAt: new Date(), sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    if (count === 0) throw new UserError("This employee changed in the meantime; reload the page", "id", "conflict");
    await expireLoginTokens(tx, workspaceId, id);
    await recordEvent(tx, workspaceId, id, actor, "archive", started);
  });
};

export const restoreEmployee = async (workspaceId: string, id: string, actor: ArchiveActor) => {
  const started = performance.now();
  const { seatLimit } = await policyOf(workspaceId);
  return db.$transaction(async (tx) => {
    const e = await load(tx, workspaceId, id);
    if (e.status !== "ARCHIVED") throw new UserError("This employee is not archived", "id", "conflict");
    await checkSeatsFor(tx, workspaceId, seatLimit);
    if (e.email) {
      const taken = await findActiveByEmail(tx, workspaceId, e.email);
      if (taken) throw new UserError(`${taken.displayName ?? "Another employee"} now has the email ${e.email}; archive or change them first.`, "id", "conflict");
    }
    const { count } = await tx.employee.updateMany({
      where: { id, workspaceId, status: "ARCHIVED", scimDoc: null },
      data: { status: "MANUAL", active: true, archivedAt: null, version: { increment: 1 } },
    });
    if (count === 0) throw new UserError("This employee changed in the meantime; reload the page", "id", "conflict");
    await recordEvent(tx, workspaceId, id, actor, "restore", started);
  });
};
