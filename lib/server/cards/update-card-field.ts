// An admin's changes to one card field. Editing a value makes it the card's own (neither the IdP
// nor the template overwrites it); unlocking lets the employee edit it and makes it the card's own
// too; relinking takes the IdP's current value again, resetting the template's.
import "server-only";
import { z } from "zod";
import { ATTRIBUTE_KEY_PATTERN, CARD_FIELD_PREFIX } from "@/lib/attributes/declaration";
import { ZCardFieldChange, type TCardFieldChange } from "@/lib/cards/editor";
import { db } from "@/lib/db/client";
import { FIELD_KEY_PATTERN, fieldLabel, isApplied, isIdpKey } from "@/lib/provisioning/card-fields";
import { parseFields } from "@/lib/provisioning/templates";
import { UserError } from "@/lib/server/errors";
import { cardAttributes } from "./card-attributes";
import { CARD_EMPLOYEE_SELECT, ensureCard, idpValuesOf, SETTINGS_SELECT } from "./card-source";

// A standard or template field ("title", "costCenter"), or a custom attribute's ("attr.badgeId").
export const ZFieldKey = z.string().refine((k) => FIELD_KEY_PATTERN.test(k) || (k.startsWith(CARD_FIELD_PREFIX) && ATTRIBUTE_KEY_PATTERN.test(k.slice(CARD_FIELD_PREFIX.length))), { error: "Not a card field name" });

const IMAGE_KEYS = new Set(["photoUrl", "companyLogoUrl"]);

export const updateCardField = async (workspaceId: string, employeeId: string, key: string, change: TCardFieldChange) => {
  ZFieldKey.parse(key);
  const data = ZCardFieldChange.parse(change);
  // A custom attribute's field exists while its attribute is declared and on cards (read before
  // the transaction: a read outside it would wait for it on SQLite's one connection).
  const attr = key.startsWith(CARD_FIELD_PREFIX) ? (await cardAttributes(workspaceId, employeeId)).find((a) => a.field === key) : undefined;
  if (key.startsWith(CARD_FIELD_PREFIX) && !attr) throw new UserError("No custom attribute on cards has that field name", "key", "not_found");
  return db.$transaction(async (tx) => {
    const [e, settings] = await Promise.all([
      tx.employee.findFirst({ where: { id: employeeId, workspaceId }, select: { ...CARD_EMPLOYEE_SELECT, templateId: true } }),
      tx.workspace.findUnique({ where: { id: workspaceId }, select: SETTINGS_SELECT }),
    ]);
    if (!e || !settings) throw new UserError("No employee with that id in this workspace", "employeeId", "not_found");
    await ensureCard(tx, workspaceId, e, settings);
    const where = { employeeId_key: { employeeId: e.id, key }, workspaceId };
    const label = attr?.label ?? fieldLabel(key);

    switch (data.action) {
      case "edit": {
        const value = data.value === "" ? null : data.value;
        if (value && IMAGE_KEYS.has(key) && !/^https:\/\/\S+$/i.test(value)) throw new UserError("Use an https:// address for images", "value");
        await tx.cardField.upsert({ where, create: { workspaceId, employeeId: e.id, key, value, source: "muster", locked: true }, update: { value, source: "muster" } });
        return { key, message: `${label} saved. It keeps this value: ${e.scimDoc ? "the identity provider and " : ""}the template no longer change it.` };
      }
      case "unlock":
        await tx.cardField.upsert({ where, create: { workspaceId, employeeId: e.id, key, value: attr?.value ?? null, source: "muster", locked: false }, update: { locked: false, source: "muster" } });
        return { key, message: `${label} unlocked: the employee can edit it. ${e.scimDoc ? "The identity provider and " : "The "}template no longer change it.` };
      case "lock":
        await tx.cardField.upsert({ where, create: { workspaceId, employeeId: e.id, key, value: attr?.value ?? null, source: "muster", locked: true }, update: { locked: true } });
        return { key, message: `${label} locked: the employee can no longer edit it.` };
      case "relink": {
        if (!e.scimDoc) throw new UserError("This employee was added in Muster: there is no identity provider value to relink to.", "key");
        if (attr) {
          await tx.cardField.upsert({ where, create: { workspaceId, employeeId: e.id, key, value: attr.value, source: "idp", locked: true }, update: { value: attr.value, source: "idp", locked: true } });
          return { key, message: `${label} relinked: it shows the identity provider's value again and follows its changes.` };
        }
        if (isIdpKey(key) && !isApplied(key, settings)) throw new UserError(`The workspace does not apply the identity provider's ${label.toLowerCase()} (Settings).`, "key");
        if (!isIdpKey(key)) throw new UserError(`${label} does not come from the identity provider.`, "key");
        const idp = (await idpValuesOf(tx, workspaceId, e, settings)) ?? {};
        const value = (idp as Record<string, string | null>)[key] ?? null;
        await tx.cardField.upsert({ where, create: { workspaceId, employeeId: e.id, key, value, source: "idp", locked: true }, update: { value, source: "idp", locked: true } });
        return { key, message: `${label} relinked: it shows the identity provider's value again and follows its changes.` };
      }
      case "inherit": {
        const template = e.templateId ? await tx.template.findFirst({ where: { id: e.templateId, workspaceId }, select: { name: true, fields: true } }) : null;
        const value = template ? parseFields(template.fields)[key] : undefined;
        if (!template || value === undefined) throw new UserError(`${label} does not come from ${template ? `the template “${template.name}”` : "a template: this card inherits none"}.`, "key");
        await tx.cardField.upsert({ where, create: { workspaceId, employeeId: e.id, key, value, source: "template", locked: true }, update: { value, source: "template", locked: true } });
        return { key, message: `${label} reset to the template “${template.name}”: it follows the template's changes again.` };
      }
    }
  });
};
