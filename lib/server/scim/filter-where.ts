// Compiles a SCIM filter AST to a Prisma `where` on indexed columns (ARCHITECTURE.md: no per-row
// functions). An attribute Muster cannot query is 400 invalidFilter — never a silently empty list.
import { badRequest } from "@/lib/scim/errors";
import type { AttrPath, CompValue, Filter } from "@/lib/scim/filter/ast";
import { printAttrPath } from "@/lib/scim/filter";
import { SCHEMA_URNS, type ResourceType } from "@/lib/scim/schemas/urns";

type Where = Record<string, unknown>;
type Kind = "ci" | "exact" | "bool" | "date" | "emails" | "members";
type Column = { field: string; kind: Kind };

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
  id: { field: "id", kind: "exact" },
  displayname: { field: "displayNameKey", kind: "ci" },
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

const compare = (rt: ResourceType, f: Extract<Filter, { value: CompValue }>): Where => {
  const col = columnOf(rt, f.path);
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
    if (f.op === "eq") return { [field]: null };
    if (f.op === "ne") return { NOT: { [field]: null } };
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
      return orNull(field, { not: text });
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
const valuePath = (rt: ResourceType, path: AttrPath, inner: Filter): Where => {
  const email = emailElement(rt, path, inner);
  if (email) return email;
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
  return toWhere(rt, rebase(inner));
};

export const toWhere = (rt: ResourceType, f: Filter): Where => {
  switch (f.op) {
    case "and":
      return { AND: f.filters.map((x) => toWhere(rt, x)) };
    case "or":
      return { OR: f.filters.map((x) => toWhere(rt, x)) };
    case "not":
      return { NOT: toWhere(rt, f.filter) };
    case "valuePath":
      return valuePath(rt, f.path, f.filter);
    case "pr": {
      const col = columnOf(rt, f.path);
      if (!col) throw unsupported(f.path);
      if (col.kind === "members") return { members: { some: {} } };
      if (col.kind === "bool" || col.field === "id" || col.kind === "date") return {};
      return { NOT: { [col.field]: null } };
    }
    default:
      return compare(rt, f);
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
