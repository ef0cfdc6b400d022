// Applying a template by hand to employees who already exist: its fields are written onto their
// cards (unlinked, so the IdP does not overwrite them) and the card remembers the template.
// "Every match" goes one chunk of the workspace per request (the client loops, showing progress),
// so no request runs for long however many employees there are.
import "server-only";
import { z } from "zod";
import { db, type Tx } from "@/lib/db/client";
import type { TApplySettings } from "@/lib/provisioning/card-fields";
import { parseFields, parseRules, type TTemplateFields } from "@/lib/provisioning/templates";
import { CARD_EMPLOYEE_SELECT, SETTINGS_SELECT, untouchedCard, type TCardEmployee } from "@/lib/server/cards/card-source";
import { UserError } from "@/lib/server/errors";
import type { TApplyResult } from "@/lib/templates/dto";
import { countEmployees, matchChunk } from "./match-employees";

const BATCH = 1000;

export const ZApplyTemplate = z.union([
  z.object({ all: z.literal(true), after: z.iso.datetime({ error: "after is the cursor a previous answer gave" }).optional() }),
  z.object({ employeeIds: z.array(z.string().min(1).max(64)).min(1, { error: "Pick at least one employee" }).max(1000, { error: "Apply to at most 1,000 picked employees at once" }) }),
]);
export type TApplyTemplate = z.infer<typeof ZApplyTemplate>;

/** Writes the template's fields onto these employees' cards; an employee without a card gets its untouched card first. */
const applyTo = async (tx: Tx, workspaceId: string, templateId: string, fields: TTemplateFields, employees: TCardEmployee[], settings: TApplySettings) => {
  const ids = employees.map((e) => e.id);
  const keys = Object.keys(fields);
  const [withCard, has] = await Promise.all([
    tx.cardField.groupBy({ by: ["employeeId"], where: { workspaceId, employeeId: { in: ids } } }),
    keys.length ? tx.cardField.findMany({ where: { workspaceId, employeeId: { in: ids }, key: { in: keys } }, select: { employeeId: true, key: true } }) : Promise.resolve([]),
  ]);
  const carded = new Set(withCard.map((r) => r.employeeId));
  const present = new Set(has.map((f) => `${f.employeeId}\n${f.key}`));

  const fresh = employees.filter((e) => !carded.has(e.id));
  const managerIds = [...new Set(fresh.map((e) => e.managerId).filter((m): m is string => !!m))];
  const managers = managerIds.length ? await tx.employee.findMany({ where: { workspaceId, id: { in: managerIds } }, select: { id: true, displayName: true, email: true } }) : [];
  const nameOf = new Map(managers.map((m) => [m.id, m.displayName || m.email || null]));

  const create = fresh.flatMap((e) =>
    untouchedCard(e, settings, e.managerId ? (nameOf.get(e.managerId) ?? null) : null)
      .filter((r) => !(r.key in fields))
      .map((r) => ({ ...r, workspaceId, employeeId: e.id })),
  );
  for (const e of employees) for (const key of keys) if (!present.has(`${e.id}\n${key}`)) create.push({ workspaceId, employeeId: e.id, key, value: fields[key]!, linked: false, locked: true });
  for (const key of keys) if (has.some((f) => f.key === key)) await tx.cardField.updateMany({ where: { workspaceId, employeeId: { in: ids }, key }, data: { value: fields[key]!, linked: false } });
  if (create.length) await tx.cardField.createMany({ data: create });
  // `ids` come from a workspace-scoped read; the workspace is checked too (the primary key leads:
  // SQLite, which plans without statistics, must not walk the workspace index instead).
  const { count } = await tx.employee.updateMany({ where: { id: { in: ids }, workspaceId: { equals: workspaceId } }, data: { templateId } });
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
      applied += await db.$transaction((tx) => applyTo(tx, workspaceId, template.id, fields, batch, settings));
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
