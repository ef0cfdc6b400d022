// How cards follow their template. An employee's card inherits from the template the employee has
// (Employee.templateId): every field the template sets is a card field from the template, unless
// the card overrides it — an admin's or the employee's own value ("muster"), or the IdP's value an
// admin relinked ("idp"). A template edit, an assignment by hand and a deletion are a few set-based
// statements over the cards concerned, whatever their number: one or two per field that changes.
import "server-only";
import { IDP_FIELD_KEYS, isApplied, type TApplySettings, type TTemplateFieldChange } from "@/lib/provisioning/card-fields";
import { join, raw, sql, typed, type Queryable, type Sql } from "@/lib/db/direct";

/** The employees whose cards a statement touches, as a subquery of ids. */
export type CardScope = Sql;

export const inheritingCards = (workspaceId: string, templateId: string): CardScope =>
  sql`SELECT "id" FROM "Employee" WHERE "workspaceId" = ${workspaceId} AND "templateId" = ${templateId}`;

export const pickedCards = (workspaceId: string, employeeIds: string[]): CardScope =>
  sql`SELECT "id" FROM "Employee" WHERE "id" IN (${join(employeeIds)}) AND "workspaceId" = ${workspaceId}`;

// The profile column that holds what the IdP (or, for an employee added in Muster, the profile)
// says for each IdP card field; the manager is its manager's name. Our own identifiers only.
const COLUMN: Record<(typeof IDP_FIELD_KEYS)[number], string> = {
  displayName: `NULLIF(e."displayName", '')`,
  givenName: `e."givenName"`,
  familyName: `e."familyName"`,
  title: `e."title"`,
  department: `e."department"`,
  company: `e."organization"`,
  phone: `e."phone"`,
  mobile: `e."mobile"`,
  email: `e."email"`,
  location: `e."location"`,
  photoUrl: `e."photoUrl"`,
  manager: `(SELECT COALESCE(NULLIF(m."displayName", ''), m."email") FROM "Employee" m WHERE m."id" = e."managerId" AND m."workspaceId" = e."workspaceId")`,
};

/**
 * The template's value for one field on the cards in scope: cards that inherit it take the new
 * value; with `takeOver`, fields from the IdP give way too (a template's field wins over the IdP's
 * when it first reaches a card); a card with a row for every other field gets the field. Fields
 * an admin or the employee set keep their values. Returns the number of cards that changed.
 */
export const inheritField = async (tx: Queryable, workspaceId: string, scope: CardScope, key: string, value: string, takeOver: boolean, now: Date) => {
  const sources = takeOver ? sql`('template', 'idp')` : sql`('template')`;
  const updated = await tx.execute(sql`
    UPDATE "CardField" SET "value" = ${value}, "source" = 'template', "locked" = TRUE, "updatedAt" = ${now}
    WHERE "workspaceId" = ${workspaceId} AND "key" = ${key} AND "employeeId" IN (${scope}) AND "source" IN ${sources}
      AND ("value" IS DISTINCT FROM ${value} OR "source" <> 'template')`);
  if (!takeOver) return updated;
  // The id is the employee's and the key's: unique as (employeeId, key) is.
  const inserted = await tx.execute(sql`
    INSERT INTO "CardField" ("id", "workspaceId", "employeeId", "key", "value", "source", "locked", "updatedAt")
    SELECT e."id" || ':' || ${typed(key, "text")}, ${typed(workspaceId, "text")}, e."id", ${typed(key, "text")}, ${typed(value, "text")}, 'template', TRUE, ${typed(now, "timestamp(3)")}
    FROM "Employee" e
    WHERE e."id" IN (${scope}) AND e."workspaceId" = ${workspaceId}
      AND NOT EXISTS (SELECT 1 FROM "CardField" c WHERE c."employeeId" = e."id" AND c."key" = ${key})`);
  return updated + inserted;
};

/**
 * A field the template no longer sets: cards that inherited it show the IdP's value again (from
 * the IdP, as an untouched card would), or lose the field when the IdP has none for it.
 */
export const dropInheritedField = async (tx: Queryable, workspaceId: string, scope: CardScope, key: string, settings: TApplySettings, now: Date) => {
  const where = sql`"workspaceId" = ${workspaceId} AND "key" = ${key} AND "source" = 'template' AND "employeeId" IN (${scope})`;
  if (key in COLUMN && isApplied(key, settings)) {
    const column = raw(COLUMN[key as keyof typeof COLUMN]);
    return tx.execute(sql`
      UPDATE "CardField" SET "source" = 'idp', "updatedAt" = ${now},
        "value" = (SELECT ${column} FROM "Employee" e WHERE e."id" = "CardField"."employeeId")
      WHERE ${where}`);
  }
  return tx.execute(sql`DELETE FROM "CardField" WHERE ${where}`);
};

/** Applies a template edit's field changes to the cards in scope; the number of field writes. */
export const applyFieldChanges = async (tx: Queryable, workspaceId: string, scope: CardScope, changes: TTemplateFieldChange[], settings: TApplySettings, now: Date) => {
  let writes = 0;
  for (const c of changes) {
    if (c.kind === "removed") writes += await dropInheritedField(tx, workspaceId, scope, c.key, settings, now);
    else writes += await inheritField(tx, workspaceId, scope, c.key, c.value!, c.kind === "added", now);
  }
  return writes;
};

/** The keys the cards in scope inherit from whatever template they had. */
export const inheritedKeys = async (tx: Queryable, workspaceId: string, scope: CardScope) =>
  (await tx.query<{ key: string }>(sql`SELECT DISTINCT "key" FROM "CardField" WHERE "workspaceId" = ${workspaceId} AND "source" = 'template' AND "employeeId" IN (${scope})`)).map((r) => r.key);

/** A deleted template's cards keep the values it gave them, as their own. */
export const keepInheritedValues = (tx: Queryable, workspaceId: string, scope: CardScope, now: Date) =>
  tx.execute(sql`UPDATE "CardField" SET "source" = 'muster', "updatedAt" = ${now} WHERE "workspaceId" = ${workspaceId} AND "source" = 'template' AND "employeeId" IN (${scope})`);
