// Custom attributes as an admin declares them: a label, a type and the SCIM path the identity
// provider writes. Shared by the attributes page (checks before sending) and the services.
// A path is parsed with the SCIM PATCH-path grammar (RFC 7644 §3.5.2), then checked against the
// core and enterprise User schemas (RFC 7643 §4.1, §4.3): what the card already shows is refused,
// anything else must be an attribute those schemas define, or one of a custom extension schema
// `urn:ietf:params:scim:schemas:extension:<name>:2.0:User` (the form Entra ID uses for directory
// extensions and Okta for an app's custom attributes).
import { z } from "zod";
import { parsePatchPath, printPatchPath, type PatchPath } from "@/lib/scim/filter";
import { ENTERPRISE_USER_SCHEMA } from "@/lib/scim/schemas/enterprise";
import type { AttributeDef } from "@/lib/scim/schemas/types";
import { USER_SCHEMA } from "@/lib/scim/schemas/user";
import { SCHEMA_URNS } from "@/lib/scim/schemas/urns";

export const ATTRIBUTE_TYPES = ["string", "boolean", "date", "number", "reference"] as const;
export type TAttributeType = (typeof ATTRIBUTE_TYPES)[number];

export const TYPE_LABELS: Record<TAttributeType, string> = {
  string: "Text",
  boolean: "Yes / no",
  date: "Date",
  number: "Number",
  reference: "Employee (reference)",
};

export const EXTENSION_FORM = "urn:ietf:params:scim:schemas:extension:<name>:2.0:User:<attribute>";

/** The card field of a declared attribute: "attr.<key>". */
export const CARD_FIELD_PREFIX = "attr.";
export const cardFieldKey = (key: string) => `${CARD_FIELD_PREFIX}${key}`;

/** A key: the employee list's column, a CSV header, the card field "attr.<key>". */
export const ATTRIBUTE_KEY_PATTERN = /^[a-z][a-zA-Z0-9]{0,39}$/;

const CORE_PREFIX = `${SCHEMA_URNS.USER}:`;
const EXTENSION_URN = /^urn:ietf:params:scim:schemas:extension:([A-Za-z0-9][\w.-]*):2\.0:User$/i;

// What Muster already takes from a SCIM user for its profile and the card (lib/provisioning/user-columns.ts),
// and what identifies the user or belongs to other features. Lower-cased "attr" or "attr.sub".
const BUILT_IN_CORE: Record<string, string> = {
  id: "the SCIM id",
  externalid: "the IdP's external ID",
  username: "the user name",
  active: "the employee's status",
  password: "never stored",
  displayname: "the card's display name",
  name: "the card's name fields",
  "name.formatted": "the card's display name",
  "name.givenname": "the card's first name",
  "name.familyname": "the card's last name",
  title: "the card's job title",
  emails: "the card's email",
  phonenumbers: "the card's phone and mobile",
  photos: "the card's photo",
  "addresses.locality": "the card's location",
  groups: "group membership",
  roles: "roles",
  meta: "resource metadata",
  schemas: "resource metadata",
};
const PARTLY_BUILT_IN = new Set(["name"]);
const BUILT_IN_ENTERPRISE: Record<string, string> = {
  department: "the card's department",
  organization: "the card's company",
  manager: "the card's manager",
  location: "the card's location",
};

export type TPathInfo = {
  /** The path as stored: trimmed, without the core User URN prefix. */
  scimPath: string;
  /** Lower-cased scimPath: unique per workspace. */
  pathKey: string;
  kind: "core" | "enterprise" | "extension";
  /** The last attribute name of the path (`postalCode`, `costCenter`, `badgeId`). */
  name: string;
  /** The type /Schemas gives a core or enterprise attribute; null for an extension. */
  fixedType: TAttributeType | null;
};

type Check = { ok: true; info: TPathInfo } | { ok: false; message: string };

const fail = (message: string): Check => ({ ok: false, message });
const find = (defs: readonly AttributeDef[] | undefined, name: string) => defs?.find((d) => d.name.toLowerCase() === name.toLowerCase());
const builtIn = (what: string, name: string) => fail(`${name} is already built in (${what}): Muster stores it without a declaration.`);

const typeOf = (def: AttributeDef): TAttributeType | null => (def.type === "string" || def.type === "reference" ? "string" : def.type === "boolean" ? "boolean" : null);

/** Checks a path against a schema's attributes (core or enterprise). */
const checkSchemaPath = (p: PatchPath, defs: readonly AttributeDef[], builtIns: Record<string, string>, schemaName: string, shown: string): Check | { def: AttributeDef; name: string } => {
  const attr = p.path.attr;
  const sub = p.sub ?? p.path.sub;
  const part = sub === undefined ? undefined : builtIns[`${attr}.${sub}`.toLowerCase()];
  if (part) return builtIn(part, shown);
  // `name` is built in as a whole, but name.middleName is free.
  const whole = builtIns[attr.toLowerCase()];
  if (whole && (sub === undefined || !PARTLY_BUILT_IN.has(attr.toLowerCase()))) return builtIn(whole, shown);
  const def = find(defs, attr);
  if (!def) {
    return schemaName === "enterprise"
      ? fail(`The enterprise extension has no attribute "${attr}". For an attribute of your own, use the form ${EXTENSION_FORM}.`)
      : fail(`"${attr}" is not a SCIM User attribute. For an attribute of your own, use the form ${EXTENSION_FORM}.`);
  }
  if (def.mutability === "readOnly") return fail(`${def.name} is read-only in SCIM: an identity provider cannot write it.`);
  if (def.multiValued) {
    if (!p.filter) return fail(`${def.name} holds several values: say which one, e.g. ${def.name}[type eq "work"].${def.subAttributes?.find((s) => s.name !== "type" && s.name !== "primary")?.name ?? "value"}.`);
    if (sub === undefined) return fail(`Add the sub-attribute to read from the chosen ${def.name} entry, e.g. ${printPatchPath({ ...p, sub: def.subAttributes?.[0]?.name ?? "value" })}.`);
  } else if (p.filter) return fail(`${def.name} holds a single value: remove the [ … ] filter.`);
  if (def.type === "complex") {
    if (sub === undefined) return fail(`${def.name} has parts: pick one, e.g. ${def.name}.${def.subAttributes?.[0]?.name ?? "value"}.`);
    const subDef = find(def.subAttributes, sub);
    if (!subDef) return fail(`${def.name} has no sub-attribute "${sub}"; it has ${(def.subAttributes ?? []).map((s) => s.name).join(", ")}.`);
    if (subDef.mutability === "readOnly") return fail(`${def.name}.${subDef.name} is read-only in SCIM: an identity provider cannot write it.`);
    if (p.filter && (subDef.name === "type" || subDef.name === "primary")) return fail(`${def.name}[…].${subDef.name} only says which entry it is: pick a part that holds data.`);
    return { def: subDef, name: subDef.name };
  }
  if (sub !== undefined) return fail(`${def.name} has no sub-attributes: remove ".${sub}".`);
  return { def, name: def.name };
};

const describeParseError = (err: unknown) => {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/^Invalid path at position \d+: /, "");
};

/** What a declared path means, or a message a person can act on. */
export const checkScimPath = (raw: string): Check => {
  const source = raw.trim();
  if (!source) return fail("Enter the SCIM attribute path your identity provider writes");
  if (source.length > 300) return fail("A path has at most 300 characters");
  let parsed: PatchPath;
  try {
    parsed = parsePatchPath(source);
  } catch (err) {
    return fail(`Not a SCIM attribute path: ${describeParseError(err)}. Use a name like nickName, addresses[type eq "work"].postalCode or ${EXTENSION_FORM}.`);
  }
  const uri = parsed.path.uri;
  const lowerUri = uri?.toLowerCase();
  let kind: TPathInfo["kind"];
  let result: Check | { def: AttributeDef; name: string };
  // Drop the core URN prefix: `urn:…:core:2.0:User:nickName` and `nickName` are one attribute.
  const shown = uri && lowerUri === SCHEMA_URNS.USER.toLowerCase() ? source.slice(CORE_PREFIX.length) : source;
  if (uri === undefined || lowerUri === SCHEMA_URNS.USER.toLowerCase()) {
    kind = "core";
    result = checkSchemaPath(parsed, USER_SCHEMA.attributes, BUILT_IN_CORE, "core", shown);
  } else if (lowerUri === SCHEMA_URNS.ENTERPRISE_USER.toLowerCase()) {
    kind = "enterprise";
    result = checkSchemaPath(parsed, ENTERPRISE_USER_SCHEMA.attributes, BUILT_IN_ENTERPRISE, "enterprise", shown);
  } else {
    const m = EXTENSION_URN.exec(uri);
    if (!m) return fail(`"${uri}" is not a User extension schema. Use the form ${EXTENSION_FORM}.`);
    if (parsed.filter || parsed.path.sub !== undefined || parsed.sub !== undefined) return fail(`An extension attribute is a single value: use the form ${EXTENSION_FORM}, without "." or [ … ].`);
    kind = "extension";
    result = { def: { name: parsed.path.attr } as AttributeDef, name: parsed.path.attr };
  }
  if ("ok" in result) return result;
  const scimPath = shown;
  return { ok: true, info: { scimPath, pathKey: scimPath.toLowerCase(), kind, name: result.name, fixedType: kind === "extension" ? null : typeOf(result.def) } };
};

export const ZAttributeLabel = z.string().trim().min(1, { error: "Give the attribute a label" }).max(60, { error: "A label has at most 60 characters" });
export const ZAttributeType = z.enum(ATTRIBUTE_TYPES, { error: "Pick a type: text, yes/no, date, number or employee" });

const ZPath = z.string({ error: "Enter the SCIM attribute path" }).superRefine((path, ctx) => {
  const c = checkScimPath(path);
  if (!c.ok) ctx.addIssue({ code: "custom", message: c.message });
});

/** A core or enterprise attribute keeps the type RFC 7643 gives it (/Schemas cannot say otherwise); null when the type fits. */
export const typeMismatch = (type: TAttributeType, scimPath: string): string | null => {
  const c = checkScimPath(scimPath);
  if (!c.ok || c.info.fixedType === null || c.info.fixedType === type) return null;
  return `${c.info.name} is ${c.info.fixedType === "string" ? "text" : "a yes/no value"} in the SCIM standard: declare it as ${TYPE_LABELS[c.info.fixedType]}, or use an extension attribute for another type.`;
};

const checkTypeFits = (d: { type: TAttributeType; scimPath: string }, ctx: z.RefinementCtx) => {
  const message = typeMismatch(d.type, d.scimPath);
  if (message) ctx.addIssue({ code: "custom", path: ["type"], message });
};

/** What the create form sends. */
export const ZAttributeDeclaration = z
  .object({ label: ZAttributeLabel, type: ZAttributeType, scimPath: ZPath, onCard: z.boolean().default(false) })
  .superRefine(checkTypeFits);
export type TAttributeDeclaration = z.input<typeof ZAttributeDeclaration>;

/** What an edit sends: type and path change only while no employee has a value (the service checks). */
export const ZAttributeUpdate = z
  .object({
    label: ZAttributeLabel.optional(),
    type: ZAttributeType.optional(),
    scimPath: ZPath.optional(),
    onCard: z.boolean({ error: "onCard is true or false" }).optional(),
    position: z.number({ error: "position is a number" }).int().min(0).max(10_000).optional(),
  })
  .strict();
export type TAttributeUpdate = z.input<typeof ZAttributeUpdate>;

const camel = (words: string[]) =>
  words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join("")
    .replace(/^[^a-z]+/, "");

/** The key an attribute gets: the label in camelCase ("Badge ID" → "badgeId"), else the path's last name. */
export const baseKey = (label: string, pathName: string): string => {
  const fromLabel = camel(label.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").split(/[^A-Za-z0-9]+/).filter(Boolean)).slice(0, 36);
  if (ATTRIBUTE_KEY_PATTERN.test(fromLabel)) return fromLabel;
  const fromPath = (pathName.charAt(0).toLowerCase() + pathName.slice(1)).replace(/[^A-Za-z0-9]/g, "").replace(/^[^a-z]+/, "").slice(0, 36);
  return ATTRIBUTE_KEY_PATTERN.test(fromPath) ? fromPath : "attribute";
};

/** The first of base, base2, base3, … not in `taken`. */
export const uniqueKey = (base: string, taken: ReadonlySet<string>): string => {
  const lower = new Set([...taken].map((k) => k.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) if (!lower.has(`${base}${i}`.toLowerCase())) return `${base}${i}`;
};

/** A declaration as the attributes page lists it. */
export type TAttributeDto = {
  id: string;
  key: string;
  label: string;
  type: TAttributeType;
  scimPath: string;
  onCard: boolean;
  position: number;
  /** Employees with a value. */
  valueCount: number;
};
