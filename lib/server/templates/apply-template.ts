// Assigning a template by hand to employees who already exist (templates otherwise apply at first
// provisioning only): their cards inherit it from then on — its fields replace what the previous
// template gave and what the IdP sends, fields an admin or the employee set keep their values —
// and later edits of the template reach them. "Every match" goes one chunk of the workspace per
// request (the client loops, showing progress), so no request runs for long however many employees.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import { fromPrisma } from "@/lib/db/direct";
import type { TApplySettings } from "@/lib/provisioning/card-fields";
import { parseFields, parseRules, type TTemplateFields } from "@/lib/provisioning/templates";
import { CARD_EMPLOYEE_SELECT, SETTINGS_SELECT, untouchedCard, type TCardEmployee } from "@/lib/server/cards/card-source";
import { UserError } from "@/lib/server/errors";
import type { TApplyResult } from "@/lib/templates/dto";
import { dropInheritedField, inheritedKeys, inheritField, pickedCards } from "./inherit-template";
import { countEmployees, matchChunk } from "./match-employees";

const BATCH = 1000;

export const ZApplyTemplate = z.union([
  z.object({ all: z.literal(true), after: z.iso.datetime({ error: "after is the cursor a previous answer gave" }).optional() }),
  z.object({ employeeIds: z.array(z.string().min(1).max(64)).min(1, { error: "Pick at least one employee" }).max(1000, { error: "Apply to at most 1,000 picked employees at once" }) }),
]);
export type TApplyTemplate = z.infer<typeof ZApplyTemplate>;

/**
 * These employees' cards inherit `template` (none: they stop inheriting, and the fields the old
 * one gave show the IdP's values again). An employee without a card gets its untouched card first.
 */
export const assignTo = async (tx: Tx, workspaceId: string, template: { id: string; fields: TTemplateFields } | null, employees: TCardEmployee[], settings: TApplySettings) => {
  if (!employees.length) return 0;
  const ids = employees.map((e) => e.id);
  const fields = template?.fields ?? {};
  const now = new Date();
  const q = fromPrisma(tx);

  const withCard = new Set((await tx.cardField.groupBy({ by: ["employeeId"], where: { workspaceId, employeeId: { in: ids } } })).map((r) => r.employeeId));
  const fresh = employees.filter((e) => !withCard.has(e.id));
  if (fresh.length) {
    const managerIds = [...new Set(fresh.map((e) => e.managerId).filter((m): m is string => !!m))];
    const managers = managerIds.length ? await tx.employee.findMany({ where: { workspaceId, id: { in: managerIds } }, select: { id: true, displayName: true, email: true } }) : [];
    const nameOf = new Map(managers.map((m) => [m.id, m.displayName || m.email || null]));
    await tx.cardField.createMany({ data: fresh.flatMap((e) => untouchedCard(e, settings, e.managerId ? (nameOf.get(e.managerId) ?? null) : null).map((r) => ({ ...r, workspaceId, employeeId: e.id }))) });
  }

  const scope = pickedCards(workspaceId, ids);
  for (const key of await inheritedKeys(q, workspaceId, scope)) if (!(key in fields)) await dropInheritedField(q, workspaceId, scope, key, settings, now);
  for (const [key, value] of Object.entries(fields)) await inheritField(q, workspaceId, scope, key, value, true, now);
  // `ids` come from a workspace-scoped read; the workspace is checked too (the primary key leads:
  // SQLite, which plans without statistics, must not walk the workspace index instead).
  const { count } = await tx.employee.updateMany({ where: { id: { in: ids }, workspaceId: { equals: workspaceId } }, data: { templateId: template?.id ?? null } });
  return count;
};

export const applyTemplate = async (workspaceId: string, templateId: string, input: TApplyTemplate): Promise<TApplyResult> => {
  const target = ZApplyTemplate.parse(input);
  const [template, settings] = await Promise.all([
    db.template.findFirst({ where: { id: templateId, workspaceId } }),
    db.workspace.findUnique({ where: { id: workspaceId }, select: SETTINGS_SELECT }),
  ]);
  if (!template || !settings) throw new UserError("No template with that id in this workspace", "id", "not_found");
  const fields = parseFields(template.fields);
  const run = async (employees: TCardEmployee[]) => {
    let applied = 0;
    for (let i = 0; i < employees.length; i += BATCH) {
      const batch = employees.slice(i, i + BATCH);
      applied += await db.$transaction((tx) => assignTo(tx, workspaceId, { id: template.id, fields }, batch, settings));
    }
    return applied;
  };

  if ("employeeIds" in target) {
    const employees = await db.employee.findMany({ where: { workspaceId, id: { in: [...new Set(target.employeeIds)] }, status: { not: "ARCHIVED" } }, select: CARD_EMPLOYEE_SELECT });
    const applied = await run(employees);
    return { applied, template: template.name, done: true, after: null, scanned: employees.length, total: employees.length };
  }

  const [chunk, total] = await Promise.all([matchChunk(workspaceId, parseRules(template.rules), target.after ? new Date(target.after) : null), countEmployees(workspaceId)]);
  const applied = await run(chunk.matches);
  return { applied, template: template.name, done: chunk.done, after: chunk.last ? chunk.last.toISOString() : null, scanned: chunk.scanned, total };
};
