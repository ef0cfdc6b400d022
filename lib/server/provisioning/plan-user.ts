// What an identity from the IdP means for an employee — every rule in one place, and pure: the
// employee as stored, the document the IdP sent and the workspace's policy go in; the columns to
// write, the card fields, the email index, what access ends, whether an activation email goes
// out and a sentence for the provisioning log come out. apply-plan.ts writes it in one transaction.
//
// The lifecycle, as IdPs drive it:
// - created      a new identity: a new employee (SYNCED), its card from the IdP's values and the
//                first matching template, and an activation email when the workspace sends them.
// - linked       a new identity whose email belongs to an employee added by hand (MANUAL): that
//                employee becomes the identity (LINKED) and keeps its own values for everything
//                the IdP does not send.
// - restored     an identity the IdP deleted (DELETE) or deactivated comes back: the same employee
//                and history, a new SCIM id if it had been deleted.
// - updated      a PUT or PATCH: the columns and the card fields from the IdP follow it; fields an
//                admin or the employee set, and those the template gives, keep their values;
//                templates are chosen at first provisioning only.
// - deactivated  active=false (Entra's and Okta's "disable"): the employee is ARCHIVED — not a seat,
//                history kept, every session and sign-in link ends — but the SCIM resource stays,
//                so GET and filters still return it.
// - reactivated  active=true again: the employee is back (SYNCED or LINKED) with its card.
// - deleted      DELETE: archived like a deactivation, out of every group, and the SCIM resource is
//                gone: its id is 404 from now on and its userName can be provisioned again.
import "server-only";
import { describeRoleChange, idpRoles, nextRole } from "@/lib/provisioning/roles";
import { documentAttributeValues, type TAttributeValue } from "@/lib/attributes/values";
import { idpCardValues, initialCardFields, type TCardFieldRow } from "@/lib/provisioning/card-fields";
import { firstMatch, subjectOfDoc } from "@/lib/provisioning/templates";
import { describeChanges, emailEntries, sentColumns, userColumns, type UserColumns } from "@/lib/provisioning/user-columns";
import type { JsonObject } from "@/lib/scim/schemas/json";
import type { Policy } from "./policy";

export type ChangeKind = "created" | "linked" | "restored" | "updated" | "deactivated" | "reactivated" | "deleted";

/** The stored employee, as much of it as a plan reads. */
export type EmployeeState = {
  id: string;
  scimId: string | null;
  status: string;
  active: boolean;
  userName: string | null;
  userNameKey: string | null;
  externalId: string | null;
  scimDoc: string | null;
  linkedAt: Date | null;
  archivedAt: Date | null;
  activatedAt: Date | null;
  managerId: string | null;
  version: number;
  sessionVersion: number;
  cardPolicyVersion: number;
  role: string;
  /** "default" | "idp" | "admin" (Employee.roleSource). */
  roleSource: string;
} & Record<ProfileColumn, string | null>;

/** The employee the IdP names as manager, once found (null: none named, or not an employee here). */
export type Manager = { id: string; name: string | null } | null;

export type UserPlan = {
  change: ChangeKind;
  /** Employee columns: everything for a new employee, what changes for an existing one. */
  data: Record<string, unknown>;
  /** A first card (`create`), or the values the IdP's fields take (`sync`, only where the field is from the IdP). */
  card: { create: TCardFieldRow[]; sync: { key: string; value: string | null }[] };
  /** The employee's email index, when it changes. */
  emails: { value: string; type: string | null }[] | null;
  /** Sign-in links end (sessions end through sessionVersion, in `data`). */
  revokeAccess: boolean;
  /** Custom attribute values (EmployeeAttribute rows) to write, and the attributes whose value the IdP took away. */
  attributes: { set: ({ attributeId: string } & TAttributeValue)[]; remove: string[] };
  /** The activation email to queue, for a first provisioning when the workspace sends them. */
  activation: { email: string; displayName: string | null; givenName: string | null } | null;
  summary: string;
};

export const PROFILE_COLUMNS = [
  "displayName",
  "displayNameKey",
  "givenName",
  "givenNameKey",
  "familyName",
  "familyNameKey",
  "email",
  "emailKey",
  "emailsText",
  "title",
  "phone",
  "mobile",
  "photoUrl",
  "department",
  "organization",
  "division",
  "costCenter",
  "employeeNumber",
  "location",
] as const;
type ProfileColumn = (typeof PROFILE_COLUMNS)[number];

// Which column a card field shows; the manager's name comes from the manager reference.
const CARD_SOURCE: Record<string, keyof UserColumns | "manager"> = {
  displayName: "displayName",
  givenName: "givenName",
  familyName: "familyName",
  title: "title",
  department: "department",
  company: "organization",
  phone: "phone",
  mobile: "mobile",
  email: "email",
  location: "location",
  manager: "manager",
  photoUrl: "photoUrl",
};

/**
 * A document's custom attribute values (checked and canonical: check-attributes.ts), and the names
 * of the Users its reference attributes point at, as far as they were looked up (SCIM id → name).
 */
export type CustomValues = { values: ReadonlyMap<string, TAttributeValue>; names: ReadonlyMap<string, string | null> };
const NO_CUSTOM: CustomValues = { values: new Map(), names: new Map() };

/** The card field of a custom attribute on the card. */
export const attributeFieldKey = (key: string) => `attr.${key}`;

// What a card shows for each custom attribute on it: the canonical text, a reference as the name
// of the User it points at (when known).
const attributeCardValues = (policy: Policy, custom: CustomValues): Record<string, string | null> =>
  Object.fromEntries(
    policy.attributes
      .filter((a) => a.onCard)
      .map((a) => {
        const v = custom.values.get(a.id)?.value ?? null;
        return [attributeFieldKey(a.key), v !== null && a.type === "reference" ? (custom.names.get(v) ?? v) : v];
      }),
  );

// The log's words for custom attribute changes, like the profile's: "Badge ID 'B-1' → 'B-2'"
// (`before` null: a first provisioning, "Badge ID 'B-1'").
const describeAttributes = (policy: Policy, values: ReadonlyMap<string, TAttributeValue>, before: ReadonlyMap<string, TAttributeValue> | null): string[] => {
  const fmt = (v: TAttributeValue | undefined) => (v === undefined ? "(none)" : `'${v.value}'`);
  return policy.attributes.flatMap((a) => {
    const was = before?.get(a.id);
    const now = values.get(a.id);
    if (was?.value === now?.value) return [];
    return [before ? `${a.label} ${fmt(was)} → ${fmt(now)}` : `${a.label} ${fmt(now)}`];
  });
};

/** What a document's values mean for the rows, against the values the previous document had. */
const attributeRows = (custom: CustomValues, before: ReadonlyMap<string, TAttributeValue>, full: boolean): UserPlan["attributes"] => ({
  set: [...custom.values].filter(([id, v]) => full || before.get(id)?.value !== v.value).map(([attributeId, v]) => ({ attributeId, ...v })),
  remove: [...before.keys()].filter((id) => !custom.values.has(id)),
});

const parse = (json: string | null): JsonObject | null => {
  if (!json) return null;
  try {
    const v: unknown = JSON.parse(json);
    return v && typeof v === "object" && !Array.isArray(v) ? (v as JsonObject) : null;
  } catch {
    return null;
  }
};

// The workspace decides whether the IdP's location and department apply at all.
const applies = (col: ProfileColumn, policy: Policy) => (col !== "location" || policy.applyLocation) && (col !== "department" || policy.applyDepartment);

/** The profile columns of a document, for the ones `sent` says the IdP speaks about. */
const profileData = (cols: UserColumns, policy: Policy, sent: Set<keyof UserColumns>) => {
  const data: Record<string, unknown> = {};
  for (const col of PROFILE_COLUMNS) if (applies(col, policy) && sent.has(col)) data[col] = cols[col];
  return data;
};

const identityData = (cols: UserColumns) => ({ userName: cols.userName, userNameKey: cols.userNameKey, externalId: cols.externalId, active: cols.active });

const statusFor = (active: boolean, linked: boolean) => (!active ? "ARCHIVED" : linked ? "LINKED" : "SYNCED");

const managerRefSent = (doc: JsonObject) => {
  const ent = Object.entries(doc).find(([k]) => k.toLowerCase() === "urn:ietf:params:scim:schemas:extension:enterprise:2.0:user")?.[1];
  return !!ent && typeof ent === "object" && Object.keys(ent).some((k) => k.toLowerCase() === "manager");
};

const verbOf: Record<ChangeKind, string> = {
  created: "Created user",
  linked: "Linked existing employee",
  restored: "Restored archived user",
  updated: "Updated user",
  deactivated: "Updated user",
  reactivated: "Updated user",
  deleted: "Deleted user",
};

const summaryOf = (change: ChangeKind, cols: UserColumns, before: UserColumns | null, linkedName?: string | null, notes: string[] = []) => {
  const changes = [...describeChanges(before, cols), ...notes];
  const head = change === "linked" ? `${verbOf.linked} ${linkedName ?? cols.email ?? ""} to ${cols.userName}` : `${verbOf[change]} ${cols.userName}`;
  const tail = change === "deactivated" || (change !== "updated" && change !== "reactivated" && !cols.active) ? " — deactivated, employee archived" : change === "reactivated" ? " — re-activated, employee restored" : "";
  return `${head}${changes.length ? `: ${changes.join("; ")}` : change === "created" ? "" : ": no profile change"}${tail}`;
};

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b);

// Only what changes is written: every indexed column in an UPDATE costs its index a rewrite.
const ALWAYS = new Set(["scimDoc", "version", "updatedAt"]);
const changedOnly = (data: Record<string, unknown>, current: EmployeeState) =>
  Object.fromEntries(Object.entries(data).filter(([k, v]) => ALWAYS.has(k) || !(k in current) || !same(v, (current as Record<string, unknown>)[k])));

/**
 * The role columns and the log's note (roles from the IdP, lib/provisioning/roles.ts says when a
 * role changes). `groups`: the names of the employee's groups, for the workspace's group rules.
 */
const rolePlan = (policy: Policy, current: { role: string; roleSource: string } | null, doc: JsonObject, groups: readonly string[]) => {
  const next = nextRole(current, { roles: idpRoles(doc), groups, policy });
  if (!next) return { data: {}, notes: [] };
  const changed = next.role !== current?.role;
  // A new employee with the default role, with nothing imported, needs no words in the log.
  const note = changed && (current !== null || policy.importRoles) ? [describeRoleChange(policy.roles, current?.role ?? null, next.role, next.reason)] : [];
  return { data: { role: next.role, roleSource: next.roleSource }, notes: note };
};

type NewUser = { doc: JsonObject; policy: Policy; manager: Manager; scimId: string; now: Date; custom?: CustomValues };

/** A new identity becomes a new employee with its first card. */
export const planCreate = ({ doc, policy, manager, scimId, now, custom = NO_CUSTOM }: NewUser): UserPlan => {
  const cols = userColumns(doc);
  const role = rolePlan(policy, null, doc, []);
  const template = firstMatch(policy.templates, subjectOfDoc(doc, [], policy));
  const idp = { ...idpCardValues(cols, manager?.name ?? null, policy), ...attributeCardValues(policy, custom) };
  return {
    change: "created",
    data: {
      scimId,
      ...identityData(cols),
      ...profileData(cols, policy, sentColumns(doc)),
      displayName: cols.displayName,
      displayNameKey: cols.displayNameKey,
      ...(policy.applyManager && manager ? { managerId: manager.id } : {}),
      scimDoc: JSON.stringify(doc),
      status: statusFor(cols.active, false),
      archivedAt: cols.active ? null : now,
      ...role.data,
      templateId: template?.id ?? null,
      cardPolicyVersion: policy.version,
      createdAt: now,
      updatedAt: now,
    },
    card: { create: initialCardFields(idp, template?.fields ?? {}), sync: [] },
    emails: emailEntries(doc),
    attributes: attributeRows(custom, new Map(), true),
    revokeAccess: false,
    activation: policy.sendActivationEmails && cols.active && cols.email ? { email: cols.email, displayName: cols.displayName, givenName: cols.givenName } : null,
    summary: summaryOf("created", cols, null, undefined, [...role.notes, ...describeAttributes(policy, custom.values, null)]),
  };
};

type Existing = {
  current: EmployeeState;
  doc: JsonObject;
  policy: Policy;
  /** The manager the document names, when it names one and it was looked up; undefined: unchanged. */
  manager: Manager | undefined;
  /** Whether the employee has card fields already (a first provisioning creates them). */
  hasCard: boolean;
  /** "update": a PUT/PATCH; "link": a hand-made employee becomes this identity; "restore": it comes back. */
  mode: "update" | "link" | "restore";
  /** A restore of a deleted identity gets a new SCIM id. */
  scimId?: string;
  /** The names of the employee's groups, when the workspace's group rules need them. */
  groups?: readonly string[];
  now: Date;
  /** The document's custom attribute values; reference names for those that changed (or all, when the policy changed). */
  custom?: CustomValues;
};

/** A new document over an existing employee: an update, a link or a restore. */
export const planUpdate = ({ current, doc, policy, manager, hasCard, mode, scimId, groups = [], now, custom = NO_CUSTOM }: Existing): UserPlan => {
  const previous = parse(current.scimDoc);
  const before = previous ? userColumns(previous) : null;
  const cols = userColumns(doc);
  // A column follows the IdP once the IdP has sent it; the ones it never sent keep Muster's value.
  const sent = sentColumns(doc);
  if (previous && mode === "update") for (const c of sentColumns(previous)) sent.add(c);
  const wasActive = mode === "update" ? current.active : false;
  const change: ChangeKind = mode === "link" ? "linked" : mode === "restore" ? "restored" : wasActive && !cols.active ? "deactivated" : !wasActive && cols.active ? "reactivated" : "updated";
  const linked = mode === "link" || current.linkedAt !== null;
  const deactivates = current.active && !cols.active;
  const role = rolePlan(policy, current, doc, groups);

  const data: Record<string, unknown> = {
    ...identityData(cols),
    ...profileData(cols, policy, sent),
    ...(scimId ? { scimId } : {}),
    ...(mode === "link" ? { linkedAt: now } : {}),
    ...(mode === "restore" ? { scimDeletedAt: null } : {}),
    ...(policy.applyManager && manager !== undefined && (manager !== null || managerRefSent(doc) || (previous !== null && managerRefSent(previous))) ? { managerId: manager?.id ?? null } : {}),
    scimDoc: JSON.stringify(doc),
    status: statusFor(cols.active, linked),
    archivedAt: cols.active ? null : (current.archivedAt ?? now),
    ...role.data,
    // Every session of an employee the IdP deactivates ends on its next request.
    ...(deactivates ? { sessionVersion: current.sessionVersion + 1 } : {}),
    version: current.version + 1,
    updatedAt: now,
  };

  // The card: fields from the IdP take its values where they changed — or all of them on a link or
  // restore, or when the workspace's policy changed since the card last followed it in full (a
  // setting switched on brings its field); a first provisioning creates the card, template included.
  const full = mode !== "update" || current.cardPolicyVersion !== policy.version;
  data.cardPolicyVersion = policy.version;
  const managerName = manager !== undefined ? (manager?.name ?? null) : null;
  // Custom attributes: the values the previous document had (read with today's declarations; one
  // that no longer has the declared type counts as none) decide which rows change.
  const valuesBefore = previous && policy.attributes.length ? documentAttributeValues(previous, policy.attributes).values : new Map<string, TAttributeValue>();
  const attrCard = attributeCardValues(policy, custom);
  const attrCardBefore = attributeCardValues(policy, { values: valuesBefore, names: custom.names });
  const idp = { ...idpCardValues(cols, managerName, policy), ...attrCard };
  const idpBefore = before ? { ...idpCardValues(before, managerName, policy), ...attrCardBefore } : null;
  const follows = (key: string) => {
    // A custom attribute's field follows the IdP once it has sent the attribute.
    if (key in attrCard) return attrCard[key] !== null || attrCardBefore[key] !== null || full;
    const source = CARD_SOURCE[key];
    if (source === "manager") return manager !== undefined;
    return source !== undefined && sent.has(source);
  };
  let card: UserPlan["card"];
  if (!hasCard) {
    const template = firstMatch(policy.templates, subjectOfDoc(doc, [], policy));
    if (template) data.templateId = template.id;
    // What the IdP does not send shows what Muster has (an employee added by hand keeps its title).
    const values = Object.fromEntries(Object.entries(idp).map(([k, v]) => [k, follows(k) || k in attrCard ? v : CARD_SOURCE[k] === "manager" ? null : (current[CARD_SOURCE[k] as ProfileColumn] ?? null)]));
    card = { create: initialCardFields(values, template?.fields ?? {}), sync: [] };
  } else {
    const sync = Object.entries(idp)
      .filter(([key, value]) => follows(key) && (full || idpBefore === null || (idpBefore as Record<string, unknown>)[key] !== value || key === "manager"))
      .map(([key, value]) => ({ key, value: value ?? null }));
    card = { create: [], sync };
  }

  const emailsChanged = mode !== "update" || before?.emailsText !== cols.emailsText;
  return {
    change,
    data: changedOnly(data, current),
    card,
    emails: emailsChanged && sent.has("email") ? emailEntries(doc) : null,
    attributes: attributeRows(custom, valuesBefore, full),
    revokeAccess: deactivates,
    activation: mode === "link" && policy.sendActivationEmails && cols.active && (cols.email ?? current.email) && current.activatedAt === null ? { email: (cols.email ?? current.email)!, displayName: cols.displayName, givenName: cols.givenName ?? current.givenName } : null,
    summary: summaryOf(change, cols, mode === "update" ? before : null, current.displayName ?? current.email, [...role.notes, ...describeAttributes(policy, custom.values, mode === "update" ? valuesBefore : null)]),
  };
};

/** DELETE: archived, out of every group, and the SCIM resource is gone (its id is 404 from now on). */
export const planDelete = (current: EmployeeState, now: Date): UserPlan => ({
  change: "deleted",
  data: {
    scimId: null,
    scimDeletedAt: now,
    userNameKey: null,
    active: false,
    status: "ARCHIVED",
    archivedAt: current.archivedAt ?? now,
    sessionVersion: current.sessionVersion + 1,
    version: current.version + 1,
    updatedAt: now,
  },
  card: { create: [], sync: [] },
  emails: null,
  attributes: { set: [], remove: [] },
  revokeAccess: true,
  activation: null,
  summary: `Deleted user ${current.userName ?? current.displayName ?? current.id}: employee archived, history kept`,
});
