// Archiving and restoring by hand is for employees Muster owns (MANUAL, no SCIM resource);
// the IdP archives and restores the ones it provisioned.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
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

/** Archived like the IdP archives (plan-user.ts): every session and sign-in link of the employee ends. */
export const archiveEmployee = async (workspaceId: string, id: string) =>
  db.$transaction(async (tx) => {
    const e = await load(tx, workspaceId, id);
    if (e.status === "ARCHIVED") throw new UserError("This employee is already archived", "id", "conflict");
    const { count } = await tx.employee.updateMany({
      where: { id, workspaceId, status: "MANUAL", scimDoc: null },
      data: { status: "ARCHIVED", active: false, archivedAt: new Date(), sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    if (count === 0) throw new UserError("This employee changed in the meantime; reload the page", "id", "conflict");
    await expireLoginTokens(tx, workspaceId, id);
  });

export const restoreEmployee = async (workspaceId: string, id: string) => {
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
  });
};
