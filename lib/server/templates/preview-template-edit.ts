// What saving a template will do, before the admin saves: how many cards inherit it and, per field
// the edit adds, changes or removes, how many of them take the new value and how many keep their
// own. One count and one grouped count over the inheriting cards' rows for those fields.
import "server-only";
import { db } from "@/lib/db/client";
import { fromPrisma, join, sql } from "@/lib/db/direct";
import { fieldLabel, templateFieldChanges } from "@/lib/provisioning/card-fields";
import { parseFields, ZTemplateFields } from "@/lib/provisioning/templates";
import { UserError } from "@/lib/server/errors";
import type { TTemplateEditPreview } from "@/lib/templates/dto";

export const previewTemplateEdit = async (workspaceId: string, templateId: string, fieldsInput: unknown): Promise<TTemplateEditPreview> => {
  const fields = ZTemplateFields.parse(fieldsInput);
  const template = await db.template.findFirst({ where: { id: templateId, workspaceId }, select: { fields: true } });
  if (!template) throw new UserError("No template with that id in this workspace", "id", "not_found");
  const changes = templateFieldChanges(parseFields(template.fields), fields);
  const cards = await db.employee.count({ where: { workspaceId, templateId } });
  if (!changes.length || cards === 0) return { cards, changes: changes.map((c) => ({ key: c.key, label: fieldLabel(c.key), kind: c.kind, update: 0, keep: 0 })) };

  // From the inheriting employees (the templateId index) to each one's field (the (employeeId,
  // key) index): 2.5× faster on SQLite than filtering the workspace's card rows by employee.
  const rows = await fromPrisma(db).query<{ key: string; source: string; n: unknown }>(sql`
    SELECT c."key", c."source", count(*) AS "n"
    FROM "Employee" e JOIN "CardField" c ON c."employeeId" = e."id" AND c."key" IN (${join(changes.map((c) => c.key))})
    WHERE e."workspaceId" = ${workspaceId} AND e."templateId" = ${templateId}
    GROUP BY c."key", c."source"`);
  const count = (key: string, source: string) => Number(rows.find((r) => r.key === key && r.source === source)?.n ?? 0);
  return {
    cards,
    changes: changes.map((c) => {
      const own = count(c.key, "muster");
      // A new field reaches every card but those with their own value (the IdP's gives way);
      // a changed or removed one, the cards that inherit it.
      if (c.kind === "added") return { key: c.key, label: fieldLabel(c.key), kind: c.kind, update: cards - own, keep: own };
      return { key: c.key, label: fieldLabel(c.key), kind: c.kind, update: count(c.key, "template"), keep: c.kind === "changed" ? own + count(c.key, "idp") : 0 };
    }),
  };
};
