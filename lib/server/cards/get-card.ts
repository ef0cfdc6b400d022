// An employee's card for the admin's card editor: every standard field (on the card or not) with
// where its value comes from (IdP, template, Muster), whether it is locked, and what the IdP and
// the template currently say, scoped to the workspace.
import "server-only";
import type { TCardDto, TCardFieldDto } from "@/lib/cards/editor";
import { db } from "@/lib/db/client";
import { cardRecord, fieldLabel, isApplied, isCardSource, isIdpKey, STANDARD_FIELD_KEYS } from "@/lib/provisioning/card-fields";
import { parseFields } from "@/lib/provisioning/templates";
import { cardAttributes } from "./card-attributes";
import { baseCardRows, CARD_EMPLOYEE_SELECT, idpValuesOf, SETTINGS_SELECT } from "./card-source";

export const getCard = async (workspaceId: string, employeeId: string): Promise<TCardDto | null> => {
  const [e, settings] = await Promise.all([
    db.employee.findFirst({
      where: { id: employeeId, workspaceId },
      select: { ...CARD_EMPLOYEE_SELECT, status: true, template: { select: { id: true, name: true, fields: true } }, cardFields: { select: { key: true, value: true, source: true, locked: true, updatedAt: true } } },
    }),
    db.workspace.findUnique({ where: { id: workspaceId }, select: SETTINGS_SELECT }),
  ]);
  if (!e || !settings) return null;
  const idpOwned = e.scimDoc !== null;
  const idp = (await idpValuesOf(db, workspaceId, e, settings)) ?? {};
  const saved = e.cardFields.length > 0;
  const templateFields = e.template ? parseFields(e.template.fields) : {};
  const attrs = await cardAttributes(workspaceId, e.id);
  const labels = Object.fromEntries(attrs.map((a) => [a.field, a.label]));
  const base = saved ? e.cardFields : (await baseCardRows(db, workspaceId, e, settings)).map((r) => ({ ...r, updatedAt: null }));
  // An on-card attribute the card has no row for yet shows the employee's value, from the IdP and locked.
  const have = new Set(base.map((r) => r.key));
  const rows = [...base, ...attrs.filter((a) => !have.has(a.field) && a.value !== null).map((a) => ({ key: a.field, value: a.value, source: "idp" as const, locked: true, updatedAt: null }))];
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const attrKeys = attrs.map((a) => a.field);
  const keys = [...STANDARD_FIELD_KEYS, ...attrKeys, ...rows.map((r) => r.key).filter((k) => !STANDARD_FIELD_KEYS.includes(k) && !attrKeys.includes(k)).sort()];
  const attrValue = new Map(attrs.map((a) => [a.field, a.value]));
  const fields = keys.map((key): TCardFieldDto => {
    const row = byKey.get(key);
    const isAttr = attrValue.has(key);
    const fromIdp = idpOwned && (isApplied(key, settings) || isAttr);
    return {
      key,
      label: labels[key] ?? fieldLabel(key),
      value: row?.value ?? null,
      onCard: !!row,
      source: row ? (isCardSource(row.source) ? row.source : "muster") : null,
      templateValue: templateFields[key] ?? null,
      locked: row?.locked ?? true,
      idpValue: fromIdp ? (isAttr ? (attrValue.get(key) ?? null) : ((idp as Record<string, string | null>)[key] ?? null)) : null,
      fromIdp,
      switchedOff: idpOwned && isIdpKey(key) && !isApplied(key, settings),
      updatedAt: row?.updatedAt ? row.updatedAt.toISOString() : null,
    };
  });
  return {
    employee: { id: e.id, name: e.displayName || e.email || "Unnamed employee", status: e.status, idpOwned },
    template: e.template ? { id: e.template.id, name: e.template.name } : null,
    saved,
    fields,
    values: cardRecord(rows),
    labels,
  };
};

/** The card as a plain record (key → value), for the business card view; {} when it has no card. */
export const cardValues = async (workspaceId: string, employeeId: string): Promise<Record<string, string | null>> => {
  const rows = await db.cardField.findMany({ where: { workspaceId, employeeId }, select: { key: true, value: true } });
  return cardRecord(rows);
};
