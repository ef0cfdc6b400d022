// An employee's own card: the fields as rows (value, source, locked), and the edits an employee
// may make — unlocked fields only; an edited field is the employee's own, which neither IdP syncs
// nor template edits overwrite.
import { ZFieldKey } from "@/lib/server/cards/update-card-field";
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { isCardSource, STANDARD_FIELD_KEYS, type TCardFieldRow } from "@/lib/provisioning/card-fields";
import { baseCardRows, CARD_EMPLOYEE_SELECT, SETTINGS_SELECT } from "@/lib/server/cards/card-source";
import { UserError } from "@/lib/server/errors";

const order = (key: string) => {
  const i = STANDARD_FIELD_KEYS.indexOf(key);
  return i === -1 ? STANDARD_FIELD_KEYS.length : i;
};

/**
 * The card's fields in the card editor's order (standard keys first, then a template's own). A card
 * nobody has saved yet shows the untouched profile, all locked.
 */
export const myCardFields = async (workspaceId: string, employeeId: string): Promise<TCardFieldRow[]> => {
  const [e, settings] = await Promise.all([
    db.employee.findFirst({ where: { id: employeeId, workspaceId }, select: { ...CARD_EMPLOYEE_SELECT, cardFields: { select: { key: true, value: true, source: true, locked: true } } } }),
    db.workspace.findUnique({ where: { id: workspaceId }, select: SETTINGS_SELECT }),
  ]);
  if (!e || !settings) return [];
  const rows = e.cardFields.length ? e.cardFields.map((f) => ({ ...f, source: isCardSource(f.source) ? f.source : "muster" })) : await baseCardRows(db, workspaceId, e, settings);
  return rows.sort((a, b) => order(a.key) - order(b.key) || a.key.localeCompare(b.key));
};

const httpsUrl = z.url({ protocol: /^https$/, error: "Use an https:// address" });
const phone = z.string().regex(/^[+()\d\s./-]{3,40}$/, { error: "Use digits, spaces and + ( ) - . / only" });

// What each kind of field accepts; an empty value clears the field.
const RULES: Record<string, z.ZodType<string>> = {
  email: z.email({ error: "Enter a valid email address" }),
  photoUrl: httpsUrl,
  companyLogoUrl: httpsUrl,
  website: z.string().regex(/^\S{3,200}$/, { error: "Enter a web address without spaces" }),
  phone,
  mobile: phone,
  address: z.string().max(300, { error: "Keep it under 300 characters" }),
};
const ANY = z.string().max(200, { error: "Keep it under 200 characters" });

// The keys a card has: the built-in fields and custom attributes' `attr.<key>` (the same rule the admin's editor uses).
export const ZMyCardEdit = z.object({ fields: z.record(ZFieldKey, z.string().max(1000)) });

/** Validates each edited value; field errors are keyed by the field. */
export const checkMyCardEdit = (fields: Record<string, string>) => {
  const values: Record<string, string | null> = {};
  const errors: Record<string, string> = {};
  for (const [key, raw] of Object.entries(fields)) {
    const value = raw.trim();
    if (value === "") {
      values[key] = null;
      continue;
    }
    const parsed = (RULES[key] ?? ANY).safeParse(value);
    if (parsed.success) values[key] = parsed.data;
    else errors[key] = parsed.error.issues[0]?.message ?? "Check this value";
  }
  return { values, errors };
};

/**
 * Saves an employee's edits, all or nothing. Only unlocked fields of this employee's own card
 * change (scoped by employeeId and locked: false); each edited field becomes the employee's own.
 */
export const updateMyCard = async (me: { id: string; workspaceId: string }, values: Record<string, string | null>) =>
  db.$transaction(async (tx) => {
    for (const [key, value] of Object.entries(values)) {
      const { count } = await tx.cardField.updateMany({ where: { workspaceId: me.workspaceId, employeeId: me.id, key, locked: false }, data: { value, source: "muster" } });
      if (count === 0) throw new UserError("Your company manages this field; it cannot be changed here.", key, "forbidden");
    }
  });
