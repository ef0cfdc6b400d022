// Card templates of a workspace: list, create, update (the cards that inherit follow), delete and
// order. Templates are few (at most MAX_TEMPLATES), so ordering rewrites the positions of the whole
// list in one transaction.
import "server-only";
import { db } from "@/lib/db/client";
import { fromPrisma } from "@/lib/db/direct";
import { templateFieldChanges } from "@/lib/provisioning/card-fields";
import { parseFields, parseRules, ZTemplateInput, type TTemplateInput } from "@/lib/provisioning/templates";
import { UserError } from "@/lib/server/errors";
import { SETTINGS_SELECT } from "@/lib/server/cards/card-source";
import { bumpPolicy } from "@/lib/server/provisioning/policy";
import type { TTemplateDto } from "@/lib/templates/dto";
import { applyFieldChanges, inheritingCards, keepInheritedValues } from "./inherit-template";

export const MAX_TEMPLATES = 100;

export { ZTemplateInput };

type Row = { id: string; name: string; position: number; fields: string; rules: string; createdAt: Date; updatedAt: Date };
const toDto = (t: Row): TTemplateDto => ({
  id: t.id,
  name: t.name,
  position: t.position,
  fields: parseFields(t.fields),
  rules: parseRules(t.rules),
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

const ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

export const listTemplates = async (workspaceId: string): Promise<TTemplateDto[]> =>
  (await db.template.findMany({ where: { workspaceId }, orderBy: ORDER, take: MAX_TEMPLATES })).map(toDto);

export const getTemplate = async (workspaceId: string, id: string): Promise<TTemplateDto | null> => {
  const t = await db.template.findFirst({ where: { id, workspaceId } });
  return t ? toDto(t) : null;
};

/** A new template goes last: it only catches employees the templates above it do not. */
export const createTemplate = async (workspaceId: string, input: TTemplateInput): Promise<TTemplateDto> => {
  const data = ZTemplateInput.parse(input);
  return db.$transaction(async (tx) => {
    const count = await tx.template.count({ where: { workspaceId } });
    if (count >= MAX_TEMPLATES) throw new UserError(`A workspace has at most ${MAX_TEMPLATES} templates`, "name", "conflict");
    const last = await tx.template.findFirst({ where: { workspaceId }, orderBy: { position: "desc" }, select: { position: true } });
    const t = await tx.template.create({
      data: { workspaceId, name: data.name, fields: JSON.stringify(data.fields), rules: JSON.stringify(data.rules), position: (last?.position ?? -1) + 1 },
    });
    await bumpPolicy(tx, workspaceId);
    return toDto(t);
  });
};

/**
 * Saves the template and, in the same transaction, brings every card that inherits it up to date:
 * the fields it adds, changes or removes reach each such card except where the card overrides them.
 */
export const updateTemplate = async (workspaceId: string, id: string, input: TTemplateInput): Promise<TTemplateDto & { cardsUpdated: number }> => {
  const data = ZTemplateInput.parse(input);
  const cardsUpdated = await db.$transaction(
    async (tx) => {
      const [before, settings] = await Promise.all([
        tx.template.findFirst({ where: { id, workspaceId }, select: { fields: true } }),
        tx.workspace.findUnique({ where: { id: workspaceId }, select: SETTINGS_SELECT }),
      ]);
      if (!before || !settings) throw new UserError("No template with that id in this workspace", "id", "not_found");
      await tx.template.updateMany({ where: { id, workspaceId }, data: { name: data.name, fields: JSON.stringify(data.fields), rules: JSON.stringify(data.rules) } });
      await bumpPolicy(tx, workspaceId);
      const changes = templateFieldChanges(parseFields(before.fields), data.fields);
      return changes.length ? applyFieldChanges(fromPrisma(tx), workspaceId, inheritingCards(workspaceId, id), changes, settings, new Date()) : 0;
    },
    { timeout: 60_000 },
  );
  return { ...(await getTemplate(workspaceId, id))!, cardsUpdated };
};

/** Cards keep the fields a deleted template gave them, as their own values; only the reference goes. */
export const deleteTemplate = async (workspaceId: string, id: string) =>
  db.$transaction(async (tx) => {
    await keepInheritedValues(fromPrisma(tx), workspaceId, inheritingCards(workspaceId, id), new Date());
    const { count } = await tx.template.deleteMany({ where: { id, workspaceId } });
    if (count === 0) throw new UserError("No template with that id in this workspace", "id", "not_found");
    await bumpPolicy(tx, workspaceId);
  });

export const moveTemplate = async (workspaceId: string, id: string, direction: "up" | "down"): Promise<TTemplateDto[]> =>
  db.$transaction(async (tx) => {
    const rows = await tx.template.findMany({ where: { workspaceId }, orderBy: ORDER, select: { id: true, position: true } });
    const i = rows.findIndex((r) => r.id === id);
    if (i < 0) throw new UserError("No template with that id in this workspace", "id", "not_found");
    const j = direction === "up" ? i - 1 : i + 1;
    if (j >= 0 && j < rows.length) [rows[i], rows[j]] = [rows[j]!, rows[i]!];
    for (const [position, r] of rows.entries()) {
      if (r.position !== position) await tx.template.updateMany({ where: { id: r.id, workspaceId }, data: { position } });
    }
    await bumpPolicy(tx, workspaceId);
    return (await tx.template.findMany({ where: { workspaceId }, orderBy: ORDER })).map(toDto);
  });
