// Card templates: which template a new employee gets (rules on IdP attributes, first match wins)
// and what its fields are. Pure: the same matcher runs at provisioning, in the preview and when an
// admin applies a template by hand, so what the preview shows is what provisioning does.
import { z } from "zod";
import { matchesElement, parsePatchPath, type PatchPath } from "@/lib/scim/filter";
import { SCHEMA_URNS } from "@/lib/scim/schemas/urns";
import { FIELD_KEY_PATTERN } from "./card-fields";
import { userColumns } from "./user-columns";

export const RULE_OPERATORS = [
  { id: "eq", label: "equals" },
  { id: "ne", label: "does not equal" },
  { id: "co", label: "contains" },
  { id: "sw", label: "starts with" },
  { id: "in", label: "is one of" },
] as const;
export type TRuleOp = (typeof RULE_OPERATORS)[number]["id"];

/** Attributes with a name of their own; any other attribute is a SCIM attribute path. */
export const RULE_ATTRIBUTES = [
  { id: "department", label: "Department" },
  { id: "title", label: "Job title" },
  { id: "location", label: "Location" },
  { id: "company", label: "Company" },
  { id: "group", label: "Group membership" },
] as const;
const NAMED = new Set<string>(RULE_ATTRIBUTES.map((a) => a.id));

/** The path's parts, or null when it is not a SCIM attribute path (RFC 7644 §3.5.2's PATCH path). */
const pathOf = (path: string): PatchPath | null => {
  try {
    return parsePatchPath(path.trim());
  } catch {
    return null;
  }
};

export const isRuleAttribute = (a: string) => NAMED.has(a) || pathOf(a) !== null;

const ZValue = z.string().trim().min(1, { error: "Enter a value to compare with" }).max(200, { error: "A value has at most 200 characters" });

export const ZCondition = z
  .object({
    attribute: z
      .string()
      .trim()
      .min(1, { error: "Pick an attribute" })
      .max(200, { error: "An attribute path has at most 200 characters" })
      .refine(isRuleAttribute, { error: 'Not a SCIM attribute path: use names like "title", "name.givenName" or "urn:…:User:costCenter"' }),
    op: z.enum(["eq", "ne", "co", "sw", "in"], { error: "Pick an operator" }),
    value: z.union([ZValue, z.array(ZValue).min(1, { error: "Enter at least one value" }).max(50, { error: "At most 50 values" })]),
  })
  .superRefine((c, ctx) => {
    if (c.op === "in" && !Array.isArray(c.value)) ctx.addIssue({ code: "custom", path: ["value"], message: '"is one of" takes a list of values' });
    if (c.op !== "in" && Array.isArray(c.value)) ctx.addIssue({ code: "custom", path: ["value"], message: "Only \"is one of\" takes a list of values" });
  });
export type TCondition = z.infer<typeof ZCondition>;

/** OR between rules, AND within a rule. */
export const ZRules = z
  .array(z.array(ZCondition).min(1, { error: "A rule needs at least one condition" }).max(10, { error: "A rule has at most 10 conditions" }))
  .max(20, { error: "A template has at most 20 rules" });
export type TRules = z.infer<typeof ZRules>;

const HTTPS_KEYS = new Set(["companyLogoUrl", "photoUrl"]);

export const ZTemplateFields = z
  .record(z.string(), z.string().trim().max(1000, { error: "A field value has at most 1,000 characters" }))
  .transform((f) => Object.fromEntries(Object.entries(f).filter(([, v]) => v !== "")))
  .superRefine((fields, ctx) => {
    const keys = Object.keys(fields);
    if (keys.length > 30) ctx.addIssue({ code: "custom", message: "A template has at most 30 fields" });
    for (const key of keys) {
      if (!FIELD_KEY_PATTERN.test(key)) ctx.addIssue({ code: "custom", path: [key], message: `"${key}" is not a field name: start with a lower-case letter, then letters and digits` });
      else if (HTTPS_KEYS.has(key) && !/^https:\/\/\S+$/i.test(fields[key]!)) ctx.addIssue({ code: "custom", path: [key], message: "Use an https:// address for images" });
    }
  });
export type TTemplateFields = z.infer<typeof ZTemplateFields>;

/** What an admin saves: shared by the editor (checks before sending) and the routes. */
export const ZTemplateInput = z.object({
  name: z.string().trim().min(1, { error: "Give the template a name" }).max(80, { error: "A name has at most 80 characters" }),
  fields: ZTemplateFields,
  rules: ZRules,
});
export type TTemplateInput = z.input<typeof ZTemplateInput>;

/** Stored JSON that no longer parses (or was written by hand) counts as "no rules" / "no fields". */
export const parseRules = (json: string): TRules => {
  try {
    const r = ZRules.safeParse(JSON.parse(json));
    return r.success ? r.data : [];
  } catch {
    return [];
  }
};
export const parseFields = (json: string): TTemplateFields => {
  try {
    const r = ZTemplateFields.safeParse(JSON.parse(json));
    return r.success ? r.data : {};
  } catch {
    return {};
  }
};

type Doc = Record<string, unknown>;

/** Who a rule looks at: the IdP's SCIM document, the named attributes and group names. */
export type TSubject = { doc: Doc; department: string | null; title: string | null; location: string | null; company: string | null; groups: string[] };

/** The workspace toggles that keep an IdP attribute off cards (lib/provisioning/card-fields.ts). */
export type TShownSettings = { applyDepartment: boolean; applyLocation: boolean };
const SHOW_ALL: TShownSettings = { applyDepartment: true, applyLocation: true };

/**
 * What the IdP sent, as a rule sees it: its document, the named attributes and group names. A
 * named attribute is what Muster shows: the department or location a workspace setting keeps off
 * cards matches nothing. A SCIM attribute path reads the document as sent.
 */
export const subjectOfDoc = (doc: Doc, groups: string[] = [], shown: TShownSettings = SHOW_ALL): TSubject => {
  const cols = userColumns(doc);
  const sent = Array.isArray(doc.groups) ? (doc.groups as unknown[]).map((g) => (g && typeof g === "object" ? (g as Doc).display : g)).filter((g): g is string => typeof g === "string") : [];
  return {
    doc,
    department: shown.applyDepartment ? cols.department : null,
    title: cols.title,
    location: shown.applyLocation ? cols.location : null,
    company: cols.organization,
    groups: [...groups, ...sent],
  };
};

/**
 * An IdP-provisioned employee is judged by what the IdP sent (its SCIM document) as the workspace
 * shows it; an employee added in Muster (no document) by their profile columns, which cards show.
 */
export const subjectOf = (
  e: { scimDoc: string | null; department?: string | null; title?: string | null; location?: string | null; organization?: string | null },
  groups: string[] = [],
  shown: TShownSettings = SHOW_ALL,
): TSubject => {
  if (e.scimDoc) {
    let doc: Doc = {};
    try {
      const parsed: unknown = JSON.parse(e.scimDoc);
      if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) doc = parsed as Doc;
    } catch {
      doc = {};
    }
    return subjectOfDoc(doc, groups, shown);
  }
  return { doc: {}, department: e.department ?? null, title: e.title ?? null, location: e.location ?? null, company: e.organization ?? null, groups };
};

const isObj = (v: unknown): v is Doc => typeof v === "object" && v !== null && !Array.isArray(v);
const getCI = (o: Doc, name: string): unknown => {
  const lower = name.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
};

const listOf = (v: unknown): unknown[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);

/**
 * Every value a SCIM attribute path reaches — `title`, `name.givenName`, `emails[type eq "work"].value`,
 * `urn:…:enterprise:2.0:User:costCenter` — parsed and filtered by the SCIM core, so a rule reads a
 * path exactly as a PATCH does. Multi-valued attributes give several values.
 */
export const scimPathValues = (doc: Doc, path: string): string[] => {
  const p = pathOf(path);
  if (!p) return [];
  const { uri, attr } = p.path;
  const root = uri === undefined || uri.toLowerCase() === SCHEMA_URNS.USER.toLowerCase() ? doc : getCI(doc, uri);
  if (!isObj(root)) return [];
  let items = listOf(getCI(root, attr));
  const filter = p.filter;
  if (filter) items = items.filter((i) => matchesElement(filter, i, { parent: p.path }));
  const sub = p.sub ?? p.path.sub;
  const values = sub === undefined ? items : items.flatMap((i) => (isObj(i) ? listOf(getCI(i, sub)) : []));
  // A complex value (an email, the manager) stands for its "value".
  return values
    .map((n) => (isObj(n) ? n.value : n))
    .filter((v): v is string | number | boolean => typeof v === "string" || typeof v === "number" || typeof v === "boolean")
    .map(String);
};

export const attributeValues = (subject: TSubject, attribute: string): string[] => {
  const a = attribute.trim();
  const lower = a.toLowerCase();
  if (lower === "group" || lower === "groups" || lower === "groups.display") return subject.groups;
  if (NAMED.has(lower)) {
    const v = subject[lower as "department" | "title" | "location" | "company"];
    return v === null ? [] : [v];
  }
  return scimPathValues(subject.doc, a);
};

// SCIM compares strings case-insensitively unless an attribute says otherwise; so do rules.
const norm = (s: string) => s.trim().toLowerCase();

export const conditionMatches = (subject: TSubject, c: TCondition): boolean => {
  const values = attributeValues(subject, c.attribute).map(norm);
  const wanted = (Array.isArray(c.value) ? c.value : [c.value]).map(norm);
  const first = wanted[0] ?? "";
  switch (c.op) {
    case "eq":
      return values.includes(first);
    case "ne":
      return !values.includes(first);
    case "co":
      return values.some((v) => v.includes(first));
    case "sw":
      return values.some((v) => v.startsWith(first));
    case "in":
      return values.some((v) => wanted.includes(v));
  }
};

/**
 * OR of rules, AND of conditions. A template without rules matches everyone: it is the fallback
 * for whoever no template above it matched.
 */
export const rulesMatch = (subject: TSubject, rules: TRules): boolean => rules.length === 0 || rules.some((rule) => rule.every((c) => conditionMatches(subject, c)));

/** Templates in their order (position ascending): the first whose rules match wins. */
export const firstMatch = <T extends { rules: TRules }>(templates: T[], subject: TSubject): T | null => templates.find((t) => rulesMatch(subject, t.rules)) ?? null;

const opLabel = (op: TRuleOp) => RULE_OPERATORS.find((o) => o.id === op)!.label;
// A schema-qualified path reads as its attribute: "urn:…:enterprise:2.0:User:costCenter" → "costCenter".
const attrLabel = (a: string) => RULE_ATTRIBUTES.find((x) => x.id === a)?.label.toLowerCase() ?? (/^urn:/i.test(a) ? a.slice(a.lastIndexOf(":") + 1) : a);

/** "department equals Marketing OR (department equals Sales AND title contains Lead)" — for lists and confirmations. */
export const describeRules = (rules: TRules): string =>
  rules.length === 0
    ? "Every employee (no rules)"
    : rules
        .map((rule) => {
          const text = rule.map((c) => `${attrLabel(c.attribute)} ${opLabel(c.op)} ${Array.isArray(c.value) ? c.value.join(", ") : c.value}`).join(" AND ");
          return rules.length > 1 && rule.length > 1 ? `(${text})` : text;
        })
        .join(" OR ");
