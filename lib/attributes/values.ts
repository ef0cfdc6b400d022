// A declared custom attribute's value in a SCIM User document: where it is (its SCIM path, read the
// way a PATCH reads it), whether it has the declared type, and its canonical form — the text kept
// in EmployeeAttribute.value and its lower-cased valueKey (what filters compare). Pure: SCIM writes,
// CSV import and the dashboard all judge a value here.
import { matchesElement, parsePatchPath, type PatchPath } from "@/lib/scim/filter";
import { SCHEMA_URNS } from "@/lib/scim/schemas/urns";
import { MAX_VALUE_LENGTH } from "./text-value";

export const ATTRIBUTE_TYPES = ["string", "boolean", "date", "number", "reference"] as const;
export type TAttributeType = (typeof ATTRIBUTE_TYPES)[number];

/** A declaration as the provisioning policy holds it: the CustomAttribute row with its path parsed. */
export type TDeclaredAttribute = { id: string; key: string; label: string; type: TAttributeType; scimPath: string; path: PatchPath; onCard: boolean };

/** What an EmployeeAttribute row holds. */
export type TAttributeValue = { value: string; valueKey: string };

/** A value that has the type: `json` is how the SCIM document carries it, `text` how the database does. */
export type TValueCheck = { ok: true; json: string | number | boolean; text: TAttributeValue } | { ok: false; expected: string };

/** How an error names the type a value must have ("must be …"). */
export const EXPECTED: Record<TAttributeType, string> = {
  string: `a string of at most ${MAX_VALUE_LENGTH} characters`,
  boolean: "a boolean (true or false)",
  date: "a date and time (RFC 7643 dateTime, e.g. 2024-05-01T09:00:00Z)",
  number: "a number",
  reference: "the id of another User of this workspace (a string)",
};

export const isAttributeType = (t: string): t is TAttributeType => (ATTRIBUTE_TYPES as readonly string[]).includes(t);

/** The declared path, parsed as a PATCH path (RFC 7644 §3.5.2); null when it is not one. */
export const parseAttributePath = (scimPath: string): PatchPath | null => {
  try {
    return parsePatchPath(scimPath.trim());
  } catch {
    return null;
  }
};

const text = (value: string): TAttributeValue => ({ value, valueKey: value.toLowerCase() });

// xsd:dateTime (RFC 7643 §2.3.5): date, time, optional fraction, optional zone. .NET writes seven
// fractional digits, JavaScript keeps three. A bare date is accepted as midnight UTC: admins call
// the type "date" and some IdP mappings send only the day.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/i;

const canonicalDate = (raw: string): string | null => {
  const m = DATE_TIME.exec(raw.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const iso = h === undefined ? `${y}-${mo}-${d}T00:00:00Z` : `${y}-${mo}-${d}T${h}:${mi}:${s}${frac ? frac.slice(0, 4) : ""}${zone ?? "Z"}`;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  // Date() rolls 2024-02-31 over to March: a day that does not exist is not a date.
  if (h === undefined && date.toISOString().slice(0, 10) !== `${y}-${mo}-${d}`) return null;
  return date.toISOString();
};

const canonicalNumber = (n: number): TValueCheck => (Number.isFinite(n) ? { ok: true, json: n, text: text(String(n)) } : { ok: false, expected: EXPECTED.number });

/**
 * A value as a SCIM document carries it (JSON) → its canonical form, or what it should have been.
 * Booleans may be "True"/"False" strings (Entra without aadOptscim062020); numbers must be JSON
 * numbers, as RFC 7643 §2.3.3 says of decimals. A reference is only checked for its shape here:
 * whether it names a User of the workspace is the server's question.
 */
export const canonicalAttributeValue = (type: TAttributeType, raw: unknown): TValueCheck => {
  switch (type) {
    case "string":
      // Values are indexed for filters: beyond the length the dashboard and CSV allow, refused alike.
      return typeof raw === "string" && raw.length <= MAX_VALUE_LENGTH ? { ok: true, json: raw, text: text(raw) } : { ok: false, expected: EXPECTED.string };
    case "boolean": {
      const b = typeof raw === "boolean" ? raw : typeof raw === "string" && /^\s*(true|false)\s*$/i.test(raw) ? raw.trim().toLowerCase() === "true" : undefined;
      return b === undefined ? { ok: false, expected: EXPECTED.boolean } : { ok: true, json: b, text: text(String(b)) };
    }
    case "number":
      return typeof raw === "number" ? canonicalNumber(raw) : { ok: false, expected: EXPECTED.number };
    case "date": {
      const iso = typeof raw === "string" ? canonicalDate(raw) : null;
      return iso === null ? { ok: false, expected: EXPECTED.date } : { ok: true, json: iso, text: text(iso) };
    }
    case "reference": {
      const id = typeof raw === "string" ? raw.trim() : "";
      return id === "" || id.length > MAX_VALUE_LENGTH ? { ok: false, expected: EXPECTED.reference } : { ok: true, json: id, text: { value: id, valueKey: id.toLowerCase() } };
    }
  }
};

/**
 * A value typed by a person (a CSV cell, a form field, a filter's string) → its canonical form.
 * Numbers in decimal notation ("12.5", "-3"), booleans true/false/yes/no, dates as above.
 */
export const parseAttributeText = (type: TAttributeType, input: string): TValueCheck => {
  const s = input.trim();
  if (type === "number") return /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s) ? canonicalNumber(Number(s)) : { ok: false, expected: EXPECTED.number };
  if (type === "boolean" && /^(yes|no)$/i.test(s)) return canonicalAttributeValue("boolean", s.toLowerCase() === "yes");
  return canonicalAttributeValue(type, type === "string" ? input : s);
};

type Doc = Record<string, unknown>;
const isObj = (v: unknown): v is Doc => typeof v === "object" && v !== null && !Array.isArray(v);
const keyOf = (o: Doc, name: string): string | undefined => {
  if (Object.hasOwn(o, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(o).find((k) => k.toLowerCase() === lower);
};

/** The object that holds the path's attribute: the document, or its extension's object. */
const holderOf = (doc: Doc, p: PatchPath): Doc | null => {
  const uri = p.path.uri;
  if (uri === undefined || uri.toLowerCase() === SCHEMA_URNS.USER.toLowerCase()) return doc;
  const key = keyOf(doc, uri);
  const v = key === undefined ? undefined : doc[key];
  return isObj(v) ? v : null;
};

/** A slot holding one value: where it is, so a canonical value can be written back. */
type Slot = { obj: Doc; key: string };

// Every place the path reaches that holds a value: `attr`, `attr.sub`, `attr[filter].sub` (for
// each matching element), in document order.
const slotsOf = (doc: Doc, p: PatchPath): Slot[] => {
  const holder = holderOf(doc, p);
  if (!holder) return [];
  const attrKey = keyOf(holder, p.path.attr);
  if (attrKey === undefined) return [];
  const sub = p.sub ?? p.path.sub;
  const value = holder[attrKey];
  if (sub === undefined && !p.filter) return [{ obj: holder, key: attrKey }];
  const elements = Array.isArray(value) ? value : [value];
  const filter = p.filter;
  const chosen = filter ? elements.filter((el) => matchesElement(filter, el, { parent: p.path })) : elements;
  if (sub === undefined) return [];
  return chosen.flatMap((el) => {
    if (!isObj(el)) return [];
    const k = keyOf(el, sub);
    return k === undefined ? [] : [{ obj: el, key: k }];
  });
};

const absent = (v: unknown) => v === undefined || v === null || (typeof v === "string" && v.trim() === "");

/** The first value the path reaches (an empty string counts as none), or undefined. */
export const readAttributeValue = (doc: Doc, path: PatchPath): unknown => {
  for (const s of slotsOf(doc, path)) if (!absent(s.obj[s.key])) return s.obj[s.key];
  return undefined;
};

export type TAttributeProblem = { attribute: TDeclaredAttribute; expected: string; got: unknown };

export type TDocumentValues = {
  /** The document with every declared value in its canonical form (a copy when any changed). */
  doc: Doc;
  /** attributeId → value, for the declared attributes the document has a value for. */
  values: Map<string, TAttributeValue>;
  problems: TAttributeProblem[];
};

/**
 * Every declared attribute's value in a document, checked and made canonical. The canonical value
 * is written back into (a copy of) the document, so that what GET returns and what the database
 * holds agree: `"True"` becomes `true`, `2024-05-01T09:00:00.1234567+02:00` becomes
 * `2024-05-01T07:00:00.123Z`.
 */
export const documentAttributeValues = (doc: Doc, declared: readonly TDeclaredAttribute[]): TDocumentValues => {
  const values = new Map<string, TAttributeValue>();
  const problems: TAttributeProblem[] = [];
  let out = doc;
  for (const attribute of declared) {
    let slots = slotsOf(out, attribute.path);
    const first = slots.find((s) => !absent(s.obj[s.key]));
    if (!first) continue;
    const raw = first.obj[first.key];
    const check = canonicalAttributeValue(attribute.type, raw);
    if (!check.ok) {
      problems.push({ attribute, expected: check.expected, got: raw });
      continue;
    }
    values.set(attribute.id, check.text);
    if (raw !== check.json) {
      if (out === doc) {
        out = structuredClone(doc);
        slots = slotsOf(out, attribute.path);
      }
      const target = slots.find((s) => !absent(s.obj[s.key]))!;
      target.obj[target.key] = check.json;
    }
  }
  return { doc: out, values, problems };
};

/** "got 42", "got an object": what a refused value was, for an error's detail. */
export const describeValue = (v: unknown): string => {
  if (Array.isArray(v)) return "an array";
  if (isObj(v)) return "an object";
  const t = JSON.stringify(v) ?? String(v);
  return t.length > 60 ? `${t.slice(0, 60)}…` : t;
};
