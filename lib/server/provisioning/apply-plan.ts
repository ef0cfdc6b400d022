// Writes a plan (plan-user.ts) in the caller's transaction, with a fixed handful of statements
// whatever the card holds: the employee row (a version-checked update for an existing one), one
// multi-row insert or one upsert for the card, the email index, one upsert and one delete for
// custom attribute values, the links that end, the outbox row. The caller adds the
// provisioning-log row to the same transaction (journal.ts). Plain SQL on the driver adapter: this
// is the hot path (lib/db/direct.ts says why).
import "server-only";
import { join, sql, type Queryable } from "@/lib/db/direct";
import { newId } from "@/lib/db/ids";
import { insertRows, updateRows } from "@/lib/db/rows";
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

// Fields from the IdP take its value; the template's and Muster's (an admin's or the employee's)
// keep theirs; a field the card lacks (a setting switched on later) is added, from the IdP. One statement.
const syncCard = (tx: Queryable, workspaceId: string, employeeId: string, rows: { key: string; value: string | null }[], now: Date) =>
  tx.execute(sql`
    INSERT INTO "CardField" ("id", "workspaceId", "employeeId", "key", "value", "source", "locked", "updatedAt")
    VALUES ${join(rows.map((r) => sql`(${newId()}, ${workspaceId}, ${employeeId}, ${r.key}, ${r.value}, 'idp', TRUE, ${now})`))}
    ON CONFLICT ("employeeId", "key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt"
    WHERE "CardField"."source" = 'idp' AND "CardField"."value" IS DISTINCT FROM excluded."value"`);

// Custom attribute values: one statement for every value that is new or changed.
const upsertAttributes = (tx: Queryable, workspaceId: string, employeeId: string, rows: UserPlan["attributes"]["set"]) =>
  tx.execute(sql`
    INSERT INTO "EmployeeAttribute" ("employeeId", "attributeId", "workspaceId", "value", "valueKey")
    VALUES ${join(rows.map((r) => sql`(${employeeId}, ${r.attributeId}, ${workspaceId}, ${r.value}, ${r.valueKey})`))}
    ON CONFLICT ("employeeId", "attributeId") DO UPDATE SET "value" = excluded."value", "valueKey" = excluded."valueKey"
    WHERE "EmployeeAttribute"."value" IS DISTINCT FROM excluded."value"`);

/**
 * Writes `plan` for the employee `employeeId` (a new one when `expectedVersion` is undefined).
 * Throws StaleEmployee when the employee is no longer at `expectedVersion`.
 */
export const applyUserPlan = async (tx: Queryable, target: Target, employeeId: string, plan: UserPlan, expectedVersion?: number) => {
  const { workspaceId } = target;
  const now = (plan.data.updatedAt as Date | undefined) ?? new Date();
  if (expectedVersion === undefined) {
    await insertRows(tx, "Employee", [{ id: employeeId, workspaceId, ...plan.data }]);
  } else {
    // The workspace and the version in the same statement: another workspace's id matches nothing,
    // and a concurrent change (PostgreSQL runs them side by side) is caught, not overwritten.
    if ((await updateRows(tx, "Employee", plan.data, { id: employeeId, workspaceId, version: expectedVersion })) !== 1) throw new StaleEmployee();
  }

  if (plan.card.create.length) await insertRows(tx, "CardField", plan.card.create.map((r) => ({ id: newId(), workspaceId, employeeId, ...r, updatedAt: now })));
  if (plan.card.sync.length) await syncCard(tx, workspaceId, employeeId, plan.card.sync, now);

  if (plan.emails) {
    if (expectedVersion !== undefined) await tx.execute(sql`DELETE FROM "EmployeeEmail" WHERE "workspaceId" = ${workspaceId} AND "employeeId" = ${employeeId}`);
    await insertRows(tx, "EmployeeEmail", plan.emails.map((e) => ({ employeeId, workspaceId, value: e.value, type: e.type })));
  }

  if (plan.attributes.set.length) {
    // A new employee has no values yet: a plain insert.
    if (expectedVersion === undefined) await insertRows(tx, "EmployeeAttribute", plan.attributes.set.map((r) => ({ employeeId, workspaceId, ...r })));
    else await upsertAttributes(tx, workspaceId, employeeId, plan.attributes.set);
  }
  if (plan.attributes.remove.length) {
    await tx.execute(sql`DELETE FROM "EmployeeAttribute" WHERE "workspaceId" = ${workspaceId} AND "employeeId" = ${employeeId} AND "attributeId" IN (${join(plan.attributes.remove)})`);
  }

  if (plan.change === "deleted") await tx.execute(sql`DELETE FROM "GroupMember" WHERE "workspaceId" = ${workspaceId} AND "employeeId" = ${employeeId}`);
  // Every sign-in link of the employee stops working (sessions end through sessionVersion).
  if (plan.revokeAccess) await tx.execute(sql`UPDATE "EmployeeLoginToken" SET "expiresAt" = ${now} WHERE "workspaceId" = ${workspaceId} AND "employeeId" = ${employeeId} AND "usedAt" IS NULL AND "expiresAt" > ${now}`);

  if (plan.activation) {
    // A new employee's key cannot exist yet: no lookup. A linked one may have had an email before.
    await queueActivation(tx, { id: employeeId, workspaceId, ...plan.activation }, { name: target.policy.workspaceName, slug: target.policy.workspaceSlug }, target.origin, `activation:provision:${employeeId}`, expectedVersion === undefined);
  }
};
