// An admin assigns a template to one employee's card, or takes it away: the card inherits the new
// template's fields (fields the card sets itself keep their values); without a template, the
// fields the old one gave show the IdP's values again.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { parseFields } from "@/lib/provisioning/templates";
import { UserError } from "@/lib/server/errors";
import { assignTo } from "@/lib/server/templates/apply-template";
import { CARD_EMPLOYEE_SELECT, SETTINGS_SELECT } from "./card-source";

export const ZAssignCardTemplate = z.object({ templateId: z.string().min(1).max(64).nullable() });

export const assignCardTemplate = async (workspaceId: string, employeeId: string, templateId: string | null) =>
  db.$transaction(async (tx) => {
    const [e, settings, template] = await Promise.all([
      tx.employee.findFirst({ where: { id: employeeId, workspaceId }, select: { ...CARD_EMPLOYEE_SELECT, templateId: true } }),
      tx.workspace.findUnique({ where: { id: workspaceId }, select: SETTINGS_SELECT }),
      templateId ? tx.template.findFirst({ where: { id: templateId, workspaceId }, select: { id: true, name: true, fields: true } }) : null,
    ]);
    if (!e || !settings) throw new UserError("No employee with that id in this workspace", "employeeId", "not_found");
    if (templateId && !template) throw new UserError("No template with that id in this workspace", "templateId", "not_found");
    await assignTo(tx, workspaceId, template ? { id: template.id, fields: parseFields(template.fields) } : null, [e], settings);
    return {
      message: template
        ? `The card now inherits “${template.name}”: its fields are on the card, and later edits of the template reach it. Fields set on this card keep their values.`
        : "The card no longer inherits a template: the fields it gave show the identity provider's values again. Fields set on this card keep their values.",
    };
  });
