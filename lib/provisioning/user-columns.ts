// What a SCIM User document means for Muster's own columns (indexed for filters and the dashboard).
// Pure: the store decides when to write them.
import { SCHEMA_URNS } from "@/lib/scim/schemas/urns";

type Doc = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() !== "" ? v : null);
const obj = (v: unknown): Doc => (typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Doc) : {});
const list = (v: unknown): Doc[] => (Array.isArray(v) ? v.filter((x): x is Doc => typeof x === "object" && x !== null && !Array.isArray(x)) : []);

/** The element an IdP means as "the" one: primary, else the given type, else the first. */
const pickValue = (items: Doc[], type?: string): string | null => {
  const byPrimary = items.find((i) => i.primary === true);
  const byType = type ? items.find((i) => String(i.type ?? "").toLowerCase() === type) : undefined;
  return str((byPrimary ?? byType ?? items[0])?.value);
};

export type UserColumns = {
  userName: string;
  userNameKey: string;
  externalId: string | null;
  active: boolean;
  displayName: string;
  displayNameKey: string;
  givenName: string | null;
  givenNameKey: string | null;
  familyName: string | null;
  familyNameKey: string | null;
  email: string | null;
  emailKey: string | null;
  emailsText: string | null;
  title: string | null;
  phone: string | null;
  mobile: string | null;
  photoUrl: string | null;
  department: string | null;
  organization: string | null;
  division: string | null;
  costCenter: string | null;
  employeeNumber: string | null;
  location: string | null;
};

export const lower = (s: string | null) => (s === null ? null : s.toLowerCase());

type Named = { displayName: string; givenName: string | null; familyName: string | null; email: string | null };

/** The lower-cased copies filters and search use, however the profile was entered (IdP, dashboard, CSV). */
export const searchKeys = (p: Named, emails: string[] = p.email ? [p.email] : []) => ({
  displayNameKey: p.displayName.toLowerCase(),
  givenNameKey: lower(p.givenName),
  familyNameKey: lower(p.familyName),
  emailKey: lower(p.email),
  emailsText: emails.length ? `\n${emails.map((e) => e.toLowerCase()).join("\n")}\n` : null,
});

export const userColumns = (doc: Doc): UserColumns => {
  const userName = String(doc.userName ?? "");
  const name = obj(doc.name);
  const ent = obj(doc[SCHEMA_URNS.ENTERPRISE_USER]);
  const emails = list(doc.emails);
  const phones = list(doc.phoneNumbers);
  const addresses = list(doc.addresses);
  const givenName = str(name.givenName);
  const familyName = str(name.familyName);
  const displayName = str(doc.displayName) ?? str(name.formatted) ?? ([givenName, familyName].filter(Boolean).join(" ") || userName);
  const email = pickValue(emails, "work");
  const allEmails = emails.map((e) => str(e.value)).filter((e): e is string => e !== null);
  const mobile = str(phones.find((p) => String(p.type ?? "").toLowerCase() === "mobile")?.value);
  const phone = str((phones.find((p) => String(p.type ?? "").toLowerCase() === "work") ?? phones.find((p) => String(p.type ?? "").toLowerCase() !== "mobile"))?.value);
  const workAddress = addresses.find((a) => a.primary === true) ?? addresses.find((a) => String(a.type ?? "").toLowerCase() === "work") ?? addresses[0];
  return {
    userName,
    userNameKey: userName.toLowerCase(),
    externalId: str(doc.externalId),
    active: doc.active !== false,
    displayName,
    givenName,
    familyName,
    email,
    ...searchKeys({ displayName, givenName, familyName, email }, allEmails),
    title: str(doc.title),
    phone,
    mobile,
    photoUrl: pickValue(list(doc.photos), "photo"),
    department: str(ent.department),
    organization: str(ent.organization),
    division: str(ent.division),
    costCenter: str(ent.costCenter),
    employeeNumber: str(ent.employeeNumber),
    location: str(ent.location) ?? str(workAddress?.locality) ?? null,
  };
};

/** Every email a document holds, lower-cased and once each, with its type: the employee's email index. */
export const emailEntries = (doc: Doc): { value: string; type: string | null }[] => {
  const seen = new Map<string, string | null>();
  for (const e of list(doc.emails)) {
    const value = str(e.value)?.toLowerCase();
    if (value && !seen.has(value) && value.length <= 320) seen.set(value, str(e.type)?.toLowerCase().slice(0, 50) ?? null);
  }
  return [...seen].map(([value, type]) => ({ value, type }));
};

/** The manager reference as sent: an id (Entra), or a userName/email (Okta). */
export const managerRef = (doc: Doc): string | null => {
  const m = obj(doc[SCHEMA_URNS.ENTERPRISE_USER]).manager;
  if (typeof m === "string") return str(m);
  return str(obj(m).value);
};

const LABELS: Partial<Record<keyof UserColumns, string>> = {
  userName: "userName",
  externalId: "externalId",
  active: "active",
  displayName: "display name",
  givenName: "first name",
  familyName: "last name",
  email: "email",
  title: "job title",
  phone: "phone",
  mobile: "mobile",
  photoUrl: "photo",
  department: "department",
  organization: "organization",
  division: "division",
  costCenter: "cost center",
  employeeNumber: "employee number",
  location: "location",
};

/** "job title 'Engineer' → 'Lead'; active true → false" — what the provisioning log shows. */
export const describeChanges = (before: Partial<UserColumns> | null, after: UserColumns): string[] => {
  const out: string[] = [];
  for (const [key, label] of Object.entries(LABELS) as [keyof UserColumns, string][]) {
    const a = before?.[key] ?? null;
    const b = after[key] ?? null;
    if (a === b) continue;
    const fmt = (v: unknown) => (v === null ? "(none)" : typeof v === "string" ? `'${v}'` : String(v));
    out.push(before ? `${label} ${fmt(a)} → ${fmt(b)}` : `${label} ${fmt(b)}`);
  }
  return out;
};

const has = (o: Doc, key: string) => Object.keys(o).some((k) => k.toLowerCase() === key.toLowerCase() && o[k] !== undefined);

/**
 * The columns a document speaks about: the attribute (or one it is derived from) is present, even
 * if empty. A column the IdP has never sent keeps the value Muster had (an employee added by hand,
 * then linked); once sent, it follows the IdP, removals included.
 */
export const sentColumns = (doc: Doc): Set<keyof UserColumns> => {
  const out = new Set<keyof UserColumns>(["userName", "userNameKey", "active", "displayName", "displayNameKey"]);
  const add = (...keys: (keyof UserColumns)[]) => keys.forEach((k) => out.add(k));
  const name = obj(doc.name);
  const ent = obj(doc[SCHEMA_URNS.ENTERPRISE_USER]);
  if (has(doc, "externalId")) add("externalId");
  if (has(name, "givenName")) add("givenName", "givenNameKey");
  if (has(name, "familyName")) add("familyName", "familyNameKey");
  if (has(doc, "emails")) add("email", "emailKey", "emailsText");
  if (has(doc, "title")) add("title");
  if (has(doc, "phoneNumbers")) add("phone", "mobile");
  if (has(doc, "photos")) add("photoUrl");
  for (const k of ["department", "organization", "division", "costCenter", "employeeNumber"] as const) if (has(ent, k)) add(k);
  if (has(ent, "location") || has(doc, "addresses")) add("location");
  return out;
};
