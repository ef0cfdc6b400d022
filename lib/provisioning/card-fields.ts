// What an IdP's SCIM user means for an employee's card, and which card fields a sync may touch.
// Pure: lib/server/cards decides when to read and write the rows.
import type { UserColumns } from "./user-columns";

/** Fields the IdP fills. Created linked (kept in sync) and locked (the employee cannot edit them). */
export const IDP_FIELD_KEYS = ["displayName", "givenName", "familyName", "title", "department", "company", "phone", "mobile", "email", "location", "manager", "photoUrl"] as const;
export type TIdpFieldKey = (typeof IDP_FIELD_KEYS)[number];

/** Fields only a template (or an admin) sets. */
export const TEMPLATE_ONLY_KEYS = ["companyLogoUrl", "website", "address"] as const;

export const FIELD_LABELS: Record<string, string> = {
  displayName: "Display name",
  givenName: "First name",
  familyName: "Last name",
  title: "Job title",
  department: "Department",
  company: "Company",
  phone: "Office phone",
  mobile: "Mobile phone",
  email: "Email",
  location: "Location",
  manager: "Manager",
  photoUrl: "Photo URL",
  companyLogoUrl: "Company logo URL",
  website: "Website",
  address: "Address",
};

/** Every field a card lays out, in the order the card editor lists them. */
export const STANDARD_FIELD_KEYS: string[] = [...IDP_FIELD_KEYS, ...TEMPLATE_ONLY_KEYS];

/** Keys a template or an admin may add besides the standard ones: "costCenter", "pronouns", … */
export const FIELD_KEY_PATTERN = /^[a-z][a-zA-Z0-9]{0,39}$/;

export const fieldLabel = (key: string) => FIELD_LABELS[key] ?? key.replace(/([a-z])([A-Z])/g, "$1 $2").replace(/^./, (c) => c.toUpperCase());

export const isIdpKey = (key: string): key is TIdpFieldKey => (IDP_FIELD_KEYS as readonly string[]).includes(key);

export type TApplySettings = { applyLocation: boolean; applyDepartment: boolean; applyManager: boolean };

/** The IdP attributes the workspace toggles switch off never reach a card. */
export const appliedIdpKeys = (settings: TApplySettings): TIdpFieldKey[] =>
  IDP_FIELD_KEYS.filter((k) => (k !== "location" || settings.applyLocation) && (k !== "department" || settings.applyDepartment) && (k !== "manager" || settings.applyManager));

export const isApplied = (key: string, settings: TApplySettings) => isIdpKey(key) && appliedIdpKeys(settings).includes(key);

/**
 * The values the IdP currently sends for each applied card field (null when it sends none).
 * `managerName` is the display name of the employee the IdP names as manager.
 */
export const idpCardValues = (cols: UserColumns, managerName: string | null, settings: TApplySettings): Partial<Record<TIdpFieldKey, string | null>> => {
  const all: Record<TIdpFieldKey, string | null> = {
    displayName: cols.displayName || null,
    givenName: cols.givenName,
    familyName: cols.familyName,
    title: cols.title,
    department: cols.department,
    company: cols.organization,
    phone: cols.phone,
    mobile: cols.mobile,
    email: cols.email,
    location: cols.location,
    manager: managerName,
    photoUrl: cols.photoUrl,
  };
  return Object.fromEntries(appliedIdpKeys(settings).map((k) => [k, all[k]])) as Partial<Record<TIdpFieldKey, string | null>>;
};

/**
 * Where a card field's value comes from: the identity provider (kept in sync), the employee's
 * template (inherited: a template edit reaches it) or Muster (an admin's or the employee's own
 * value, which neither the IdP nor the template overwrites).
 */
export const CARD_SOURCES = ["idp", "template", "muster"] as const;
export type TCardSource = (typeof CARD_SOURCES)[number];
export const isCardSource = (s: string): s is TCardSource => (CARD_SOURCES as readonly string[]).includes(s);

export type TCardFieldRow = { key: string; value: string | null; source: TCardSource; locked: boolean };

/**
 * A new card: every applied IdP field from the IdP and locked; the template's fields win over the
 * IdP and are inherited from it, so later IdP changes never overwrite them but template edits do.
 */
export const initialCardFields = (idp: Partial<Record<string, string | null>>, templateFields: Record<string, string> = {}): TCardFieldRow[] => {
  const rows = new Map<string, TCardFieldRow>();
  for (const [key, value] of Object.entries(idp)) rows.set(key, { key, value: value ?? null, source: "idp", locked: true });
  for (const [key, value] of Object.entries(templateFields)) rows.set(key, { key, value, source: "template", locked: true });
  return [...rows.values()];
};

export type TSyncPlan = { create: TCardFieldRow[]; update: { key: string; value: string | null }[] };

/**
 * A later IdP change: fields from the IdP take its value; the template's and Muster's keep theirs.
 * A field the card lacks is added, from the IdP.
 */
export const planCardSync = (existing: Pick<TCardFieldRow, "key" | "value" | "source">[], idp: Partial<Record<string, string | null>>): TSyncPlan => {
  const byKey = new Map(existing.map((f) => [f.key, f]));
  const plan: TSyncPlan = { create: [], update: [] };
  for (const [key, raw] of Object.entries(idp)) {
    const value = raw ?? null;
    const field = byKey.get(key);
    if (!field) plan.create.push({ key, value, source: "idp", locked: true });
    else if (field.source === "idp" && field.value !== value) plan.update.push({ key, value });
  }
  return plan;
};

/** What a template edit does to one field of the cards that inherit it. */
export type TTemplateFieldChange = { key: string; kind: "added" | "changed" | "removed"; value: string | null };

/** The fields a template edit adds, changes or removes (in the template's order, then removals). */
export const templateFieldChanges = (before: Record<string, string>, after: Record<string, string>): TTemplateFieldChange[] => [
  ...Object.entries(after).flatMap(([key, value]): TTemplateFieldChange[] => (!(key in before) ? [{ key, kind: "added", value }] : before[key] !== value ? [{ key, kind: "changed", value }] : [])),
  ...Object.keys(before)
    .filter((key) => !(key in after))
    .map((key): TTemplateFieldChange => ({ key, kind: "removed", value: null })),
];

/** The card as a plain record, for the business card view. */
export const cardRecord = (rows: Pick<TCardFieldRow, "key" | "value">[]): Record<string, string | null> => Object.fromEntries(rows.map((r) => [r.key, r.value]));
