// The card side of SCIM provisioning, in the request's transaction: a first provisioning creates
// the card (IdP fields linked and locked, then the first matching template, whose fields win and
// stay unlinked); every later sync only moves linked fields to the IdP's values.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { planCardSync, initialCardFields, type TApplySettings } from "@/lib/provisioning/card-fields";
import { firstMatch, parseFields, parseRules, subjectOf } from "@/lib/provisioning/templates";
import { idpValuesOf, type TCardEmployee } from "./card-source";

type Input = { workspaceId: string; employee: TCardEmployee; settings: TApplySettings };

const existingFields = (tx: Tx, employeeId: string) => tx.cardField.findMany({ where: { employeeId }, select: { key: true, value: true, linked: true } });

const sync = async (tx: Tx, { workspaceId, employee, settings }: Input, existing: { key: string; value: string | null; linked: boolean }[]) => {
  const idp = await idpValuesOf(tx, workspaceId, employee, settings);
  if (!idp) return;
  const plan = planCardSync(existing, idp);
  if (plan.create.length) await tx.cardField.createMany({ data: plan.create.map((r) => ({ ...r, employeeId: employee.id })) });
  // `linked: true` in the filter: an edit that unlinked the field in the meantime wins.
  for (const u of plan.update) await tx.cardField.updateMany({ where: { employeeId: employee.id, key: u.key, linked: true }, data: { value: u.value } });
};

/** A later IdP change (PUT/PATCH): linked fields follow the IdP; templates never re-apply. */
export const syncCard = async (tx: Tx, input: Input) => sync(tx, input, await existingFields(tx, input.employee.id));

/**
 * First provisioning (created, linked to an existing employee, or restored without a card). An
 * employee that already has a card only syncs.
 */
export const initCard = async (tx: Tx, input: Input) => {
  const { workspaceId, employee, settings } = input;
  const existing = await existingFields(tx, employee.id);
  if (existing.length) return sync(tx, input, existing);
  const idp = (await idpValuesOf(tx, workspaceId, employee, settings)) ?? {};
  const templates = await tx.template.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { id: true, rules: true, fields: true } });
  let template: { id: string; fields: string } | null = null;
  if (templates.length) {
    const memberships = await tx.groupMember.findMany({ where: { workspaceId, employeeId: employee.id }, select: { group: { select: { displayName: true } } } });
    const subject = subjectOf(employee, memberships.map((m) => m.group.displayName));
    template = firstMatch(templates.map((t) => ({ ...t, rules: parseRules(t.rules) })), subject);
  }
  const rows = initialCardFields(idp, template ? parseFields(template.fields) : {});
  await tx.cardField.createMany({ data: rows.map((r) => ({ ...r, employeeId: employee.id })) });
  if (template) await tx.employee.updateMany({ where: { id: employee.id, workspaceId }, data: { templateId: template.id } });
};
