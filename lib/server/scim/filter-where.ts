// Compiles a SCIM filter AST to a Prisma `where` on indexed columns (ARCHITECTURE.md: no per-row
// functions). An attribute Muster cannot query is 400 invalidFilter — never a silently empty list.
// A workspace's declared custom attributes are filterable too: EXISTS subqueries on
// EmployeeAttribute(workspaceId, attributeId, valueKey).
import { canonicalAttributeValue, EXPECTED, parseAttributeText, type TDeclaredAttribute } from "@/lib/attributes/values";
import { badRequest } from "@/lib/scim/errors";
import type { AttrPath, CompValue, Filter } from "@/lib/scim/filter/ast";
import { printAttrPath, printFilter } from "@/lib/scim/filter";
import { SCHEMA_URNS, type ResourceType } from "@/lib/scim/schemas/urns";

type Where = Record<string, unknown>;
type Kind = "ci" | "exact" | "bool" | "date" | "emails" | "members";
// `required`: a column that is never NULL (a `ne` then needs no "or absent", and Prisma refuses
// to compare it with null).
type Column = { field: string; kind: Kind; required?: true };

const USER_COLUMNS: Record<string, Column> = {
  id: { field: "scimId", kind: "exact" },
  username: { field: "userNameKey", kind: "ci" },
  externalid: { field: "externalId", kind: "exact" },
  displayname: { field: "displayNameKey", kind: "ci" },
  "name.familyname": { field: "familyNameKey", kind: "ci" },
  "name.givenname": { field: "givenNameKey", kind: "ci" },
  emails: { field: "emailKey", kind: "emails" },
  "emails.value": { field: "emailKey", kind: "emails" },
  active: { field: "active", kind: "bool" },
  "meta.created": { field: "createdAt", kind: "date" },
  "meta.lastmodified": { field: "updatedAt", kind: "date" },
};

const GROUP_COLUMNS: Record<string, Column> = {
  id: { field: "id", kind: "exact", required: true },
  displayname: { field: "displayNameKey", kind: "ci", required: true },
  externalid: { field: "externalId", kind: "exact" },
  members: { field: "members", kind: "members" },
  "members.value": { field: "members", kind: "members" },
  "meta.created": { field: "createdAt", kind: "date" },
  "meta.lastmodified": { field: "updatedAt", kind: "date" },
};

const CORE_URN: Record<ResourceType, string> = { User: SCHEMA_URNS.USER.toLowerCase(), Group: SCHEMA_URNS.GROUP.toLowerCase() };

export const columnOf = (rt: ResourceType, path: AttrPath): Column | undefined => {
  if (path.uri && path.uri.toLowerCase() !== CORE_URN[rt]) return undefined;
  const key = (path.sub ? `${path.attr}.${path.sub}` : path.attr).toLowerCase();
  return (rt === "User" ? USER_COLUMNS : GROUP_COLUMNS)[key];
};

const unsupported = (path: AttrPath, why = "") =>
  badRequest("invalidFilter", `Muster cannot filter on '${printAttrPath(path)}'${why}. Filterable: see the documentation of GET /Users and /Groups`);

const dateOf = (path: AttrPath, v: CompValue): Date => {
  if (typeof v !== "string") throw badRequest("invalidFilter", `'${printAttrPath(path)}' compares with a date string`);
  // .NET writes seven fractional digits (2015-10-10T14:38:21.8617979-07:00); JS dates keep three.
  const d = new Date(v.replace(/(\.\d{3})\d+/, "$1"));
  if (Number.isNaN(d.getTime())) throw badRequest("invalidFilter", `'${v}' is not a date`);
  return d;
};

const orNull = (field: string, cond: Where): Where => ({ OR: [{ [field]: cond }, { [field]: null }] });

/** The workspace's declared custom attributes, for filters on their paths (Users only). */
export type Declared = { workspaceId: string; attributes: readonly TDeclaredAttribute[] };

// A path as a comparable key: names and URN lower-cased, the core URN left out.
const keyOfPath = (p: AttrPath, sub = p.sub) => {
  const uri = p.uri !== undefined && p.uri.toLowerCase() !== CORE_URN.User ? `${p.uri.toLowerCase()}:` : "";
  return `${uri}${p.attr.toLowerCase()}${sub !== undefined ? `.${sub.toLowerCase()}` : ""}`;
};

const declaredAt = (decl: Declared | undefined, path: AttrPath): TDeclaredAttribute | undefined => {
  if (!decl) return undefined;
  const key = keyOfPath(path);
  return decl.attributes.find((a) => !a.path.filter && keyOfPath(a.path.path, a.path.sub ?? a.path.path.sub) === key);
};

const termsOf = (f: Filter): Filter[] => (f.op === "and" ? f.filters : [f]);
const printed = (fs: Filter[]) => fs.map((x) => printFilter(x).toLowerCase()).sort().join(" and ");

// `addresses[type eq "work"].postalCode eq "x"` parses to addresses[type eq "work" and postalCode
// eq "x"]: a declaration of `addresses[type eq "work"].postalCode` is the term on postalCode when
// the other terms are exactly the declaration's filter.
const declaredInValuePath = (decl: Declared | undefined, path: AttrPath, inner: Filter): Where | null => {
  if (!decl || path.sub !== undefined) return null;
  const terms = termsOf(inner);
  for (const a of decl.attributes) {
    const sub = a.path.sub;
    if (!a.path.filter || sub === undefined || keyOfPath(a.path.path) !== keyOfPath(path)) continue;
    const term = terms.find((t) => "path" in t && t.op !== "valuePath" && t.path.sub === undefined && t.path.attr.toLowerCase() === sub.toLowerCase());
    if (!term || term.op === "valuePath" || !("path" in term)) continue;
    if (printed(terms.filter((t) => t !== term)) !== printed(termsOf(a.path.filter))) continue;
    return attributeWhere(decl, a, term);
  }
  return null;
};

// Which operators each type answers: text compares as text; numbers and booleans only for equality
// (their text does not sort as they do); dates as canonical ISO text, which does.
const OPS: Record<TDeclaredAttribute["type"], readonly string[]> = {
  string: ["eq", "ne", "co", "sw", "ew", "gt", "ge", "lt", "le"],
  reference: ["eq", "ne", "co", "sw", "ew"],
  date: ["eq", "ne", "gt", "ge", "lt", "le"],
  number: ["eq", "ne"],
  boolean: ["eq", "ne"],
};

/** The valueKey a filter value compares with, in the attribute's canonical form. */
const filterKey = (a: TDeclaredAttribute, op: string, v: string | number | boolean): string => {
  if (op === "co" || op === "sw" || op === "ew" || a.type === "string" || a.type === "reference") return String(v).toLowerCase();
  const check = typeof v === "string" && a.type !== "date" ? parseAttributeText(a.type, v) : canonicalAttributeValue(a.type, v);
  if (!check.ok) throw badRequest("invalidFilter", `'${a.scimPath}' (${a.label}) compares with ${check.expected}; got ${JSON.stringify(v)}`);
  return check.text.valueKey;
};

const attributeWhere = (decl: Declared, a: TDeclaredAttribute, f: Exclude<Filter, { op: "and" | "or" | "not" | "valuePath" }>): Where => {
  const has = (valueKey?: unknown): Where => ({ attributes: { some: { workspaceId: decl.workspaceId, attributeId: a.id, ...(valueKey === undefined ? {} : { valueKey }) } } });
  if (f.op === "pr") return has();
  const v = f.value;
  if (v === null) {
    if (f.op === "eq") return { NOT: has() };
    if (f.op === "ne") return has();
    throw badRequest("invalidFilter", `'${a.scimPath}' cannot be compared with ${f.op} null`);
  }
  if (!OPS[a.type].includes(f.op)) {
    throw badRequest("invalidFilter", `'${a.scimPath}' (${a.label}) holds ${EXPECTED[a.type]}: filter it with ${OPS[a.type].join(", ")} or pr, not ${f.op}`);
  }
  const key = filterKey(a, f.op, v);
  switch (f.op) {
    case "eq":
      return has(key);
    case "ne":
      return { NOT: has(key) };
    case "co":
      return has({ contains: key });
    case "sw":
      return has({ startsWith: key });
    case "ew":
      return has({ endsWith: key });
    case "gt":
      return has({ gt: key });
    case "ge":
      return has({ gte: key });
    case "lt":
      return has({ lt: key });
    case "le":
      return has({ lte: key });
  }
};

const compare = (rt: ResourceType, f: Extract<Filter, { value: CompValue }>, decl?: Declared): Where => {
  const col = columnOf(rt, f.path);
  const declared = col ? undefined : declaredAt(decl, f.path);
  if (declared) return attributeWhere(decl!, declared, f);
  if (!col) throw unsupported(f.path);
  const { field, kind } = col;
  const v = f.value;
  if (kind === "bool") {
    const b = typeof v === "boolean" ? v : typeof v === "string" && /^(true|false)$/i.test(v) ? v.toLowerCase() === "true" : undefined;
    if (b === undefined || (f.op !== "eq" && f.op !== "ne")) throw unsupported(f.path, ` with ${f.op} ${JSON.stringify(v)}`);
    return { [field]: f.op === "eq" ? b : !b };
  }
  if (kind === "members") {
    if (f.op !== "eq" || typeof v !== "string") throw unsupported(f.path, ` with ${f.op}`);
    return { members: { some: { employee: { scimId: v } } } };
  }
  if (v === null) {
    if (f.op === "eq") return col.required ? { [field]: { in: [] } } : { [field]: null };
    if (f.op === "ne") return col.required ? {} : { NOT: { [field]: null } };
    throw unsupported(f.path, ` with ${f.op} null`);
  }
  if (kind === "date") {
    const d = dateOf(f.path, v);
    const ops = { eq: "equals", ne: "not", gt: "gt", ge: "gte", lt: "lt", le: "lte" } as const;
    if (!(f.op in ops)) throw unsupported(f.path, ` with ${f.op}`);
    return { [field]: { [ops[f.op as keyof typeof ops]]: d } };
  }
  const text = kind === "exact" ? String(v) : String(v).toLowerCase();
  if (kind === "emails") {
    // eq: any of the user's emails (RFC 7644 §3.4.2.2), from the email index; substring operators
    // scan the workspace's emails.
    switch (f.op) {
      case "eq":
        return { emails: { some: { value: text } } };
      case "ne":
        return { NOT: { emails: { some: { value: text } } } };
      case "co":
        return { emailsText: { contains: text } };
      case "sw":
        return { emailsText: { contains: `\n${text}` } };
      case "ew":
        return { emailsText: { contains: `${text}\n` } };
      default:
        throw unsupported(f.path, ` with ${f.op}`);
    }
  }
  switch (f.op) {
    case "eq":
      return { [field]: text };
    case "ne":
      return col.required ? { [field]: { not: text } } : orNull(field, { not: text });
    case "co":
      return { [field]: { contains: text } };
    case "sw":
      return { [field]: { startsWith: text } };
    case "ew":
      return { [field]: { endsWith: text } };
    case "gt":
      return { [field]: { gt: text } };
    case "ge":
      return { [field]: { gte: text } };
    case "lt":
      return { [field]: { lt: text } };
    case "le":
      return { [field]: { lte: text } };
  }
};

// emails[type eq "work" and value eq "x"] (and Entra's emails[type eq "work"].value eq "x", which
// parses to the same): one email that has both, from the email index.
const emailElement = (rt: ResourceType, path: AttrPath, inner: Filter): Where | null => {
  if (rt !== "User" || path.attr.toLowerCase() !== "emails" || path.sub) return null;
  const terms = inner.op === "and" ? inner.filters : [inner];
  const some: Record<string, string> = {};
  for (const t of terms) {
    if (t.op !== "eq" || t.path.sub || typeof t.value !== "string") return null;
    const attr = t.path.attr.toLowerCase();
    if (attr !== "value" && attr !== "type") return null;
    some[attr] = t.value.toLowerCase();
  }
  return some.value === undefined ? null : { emails: { some } };
};

// emails[value co "@x"] and members[value eq "id"]: only conditions on the element's value are indexed.
const valuePath = (rt: ResourceType, path: AttrPath, inner: Filter, decl?: Declared): Where => {
  const email = emailElement(rt, path, inner);
  if (email) return email;
  const declared = declaredInValuePath(decl, path, inner);
  if (declared) return declared;
  const rebase = (f: Filter): Filter => {
    switch (f.op) {
      case "and":
      case "or":
        return { op: f.op, filters: f.filters.map(rebase) };
      case "not":
        return { op: "not", filter: rebase(f.filter) };
      case "valuePath":
        throw unsupported(path, " with nested filters");
      default:
        if (f.path.attr.toLowerCase() !== "value" || f.path.sub) throw unsupported({ ...path, sub: f.path.attr }, " inside a value filter");
        return { ...f, path: { uri: path.uri, attr: path.attr, sub: "value" } };
    }
  };
  return toWhere(rt, rebase(inner), decl);
};

/** `decl`: the workspace's custom attributes, filterable on User resources. */
export const toWhere = (rt: ResourceType, f: Filter, decl?: Declared): Where => {
  switch (f.op) {
    case "and":
      return { AND: f.filters.map((x) => toWhere(rt, x, decl)) };
    case "or":
      return { OR: f.filters.map((x) => toWhere(rt, x, decl)) };
    case "not":
      return { NOT: toWhere(rt, f.filter, decl) };
    case "valuePath":
      return valuePath(rt, f.path, f.filter, decl);
    case "pr": {
      const col = columnOf(rt, f.path);
      const declared = col ? undefined : declaredAt(decl, f.path);
      if (declared) return attributeWhere(decl!, declared, f);
      if (!col) throw unsupported(f.path);
      if (col.kind === "members") return { members: { some: {} } };
      if (col.kind === "bool" || col.required || col.kind === "date") return {};
      return { NOT: { [col.field]: null } };
    }
    default:
      return compare(rt, f, decl);
  }
};

const SORT_FIELDS: Record<ResourceType, Record<string, string>> = {
  User: {
    id: "id",
    username: "userNameKey",
    externalid: "externalId",
    displayname: "displayNameKey",
    "name.familyname": "familyNameKey",
    "name.givenname": "givenNameKey",
    emails: "emailKey",
    "emails.value": "emailKey",
    active: "active",
    "meta.created": "createdAt",
    "meta.lastmodified": "updatedAt",
  },
  Group: { id: "id", displayname: "displayNameKey", externalid: "externalId", "meta.created": "createdAt", "meta.lastmodified": "updatedAt" },
};

/** A stable order: the requested attribute (if sortable), then creation, then id. */
export const toOrderBy = (rt: ResourceType, sortBy: AttrPath | undefined, descending: boolean): Record<string, "asc" | "desc">[] => {
  const dir = descending ? ("desc" as const) : ("asc" as const);
  const key = sortBy && (!sortBy.uri || sortBy.uri.toLowerCase() === CORE_URN[rt]) ? (sortBy.sub ? `${sortBy.attr}.${sortBy.sub}` : sortBy.attr).toLowerCase() : undefined;
  const field = key ? SORT_FIELDS[rt][key] : undefined;
  // RFC 7644 §3.4.2.3 lets an unsortable attribute fall back to the default order.
  return [...(field ? [{ [field]: dir }] : []), { createdAt: dir }, { id: dir }];
};
