// Writes a plan (plan-user.ts) in the caller's transaction, with a fixed handful of statements
// whatever the card holds: the employee row (a version-checked update for an existing one), one
// multi-row insert or one upsert for the card, the email index, the links that end, the outbox
// row. The caller adds the provisioning-log row to the same transaction (journal.ts).
import "server-only";
import { Prisma } from "@/lib/db/generated/sqlite/client";
import type { Tx } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { expireLoginTokens } from "@/lib/server/auth/login-tokens";
import type { Policy } from "./policy";
import type { UserPlan } from "./plan-user";
import { queueActivation } from "./queue-activation";

/** Another request changed the employee between our read and our write: read again and retry. */
export class StaleEmployee extends Error {
  constructor() {
    super("the employee changed during the request");
    this.name = "StaleEmployee";
  }
}

type Target = { workspaceId: string; policy: Policy; origin: string };

// Linked fields take the IdP's value; a field an admin or the employee unlinked keeps its own;
// a field the card lacks (a setting switched on later) is added, linked. One statement.
const syncCard = (tx: Tx, workspaceId: string, employeeId: string, rows: { key: string; value: string | null }[], now: Date) =>
  tx.$executeRaw(Prisma.sql`
    INSERT INTO "CardField" ("id", "workspaceId", "employeeId", "key", "value", "linked", "locked", "updatedAt")
    VALUES ${Prisma.join(rows.map((r) => Prisma.sql`(${newId()}, ${workspaceId}, ${employeeId}, ${r.key}, ${r.value}, TRUE, TRUE, ${now})`))}
    ON CONFLICT ("employeeId", "key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"
    WHERE "CardField"."linked" = TRUE AND "CardField"."value" IS DISTINCT FROM excluded."value"`);

/**
 * Writes `plan` for the employee `employeeId` (a new one when `expectedVersion` is undefined).
 * Returns the employee's id and creation time.
 */
export const applyUserPlan = async (tx: Tx, target: Target, employeeId: string, plan: UserPlan, expectedVersion?: number) => {
  const { workspaceId } = target;
  const now = (plan.data.updatedAt as Date | undefined) ?? new Date();
  let createdAt: Date | undefined;
  if (expectedVersion === undefined) {
    const row = await tx.employee.create({ data: { id: employeeId, workspaceId, ...plan.data } as Prisma.EmployeeUncheckedCreateInput, select: { createdAt: true } });
    createdAt = row.createdAt;
  } else {
    // The workspace and the version in the same statement: another workspace's id matches nothing,
    // and a concurrent change (PostgreSQL runs them side by side) is caught, not overwritten.
    const { count } = await tx.employee.updateMany({ where: { id: employeeId, workspaceId, version: expectedVersion }, data: plan.data as Prisma.EmployeeUncheckedUpdateManyInput });
    if (count !== 1) throw new StaleEmployee();
  }

  if (plan.card.create.length) await tx.cardField.createMany({ data: plan.card.create.map((r) => ({ ...r, workspaceId, employeeId })) });
  if (plan.card.sync.length) await syncCard(tx, workspaceId, employeeId, plan.card.sync, now);

  if (plan.emails) {
    if (expectedVersion !== undefined) await tx.employeeEmail.deleteMany({ where: { workspaceId, employeeId } });
    if (plan.emails.length) await tx.employeeEmail.createMany({ data: plan.emails.map((e) => ({ ...e, workspaceId, employeeId })) });
  }

  if (plan.change === "deleted") await tx.groupMember.deleteMany({ where: { workspaceId, employeeId } });
  if (plan.revokeAccess) await expireLoginTokens(tx, workspaceId, employeeId);

  if (plan.activation) {
    // A new employee's key cannot exist yet: no lookup. A linked one may have had an email before.
    await queueActivation(tx, { id: employeeId, workspaceId, ...plan.activation }, target.policy.workspaceName, target.origin, `activation:provision:${employeeId}`, expectedVersion === undefined);
  }
  return { employeeId, createdAt };
};
