// CSV import, the parts the browser and the server share: which header means which field, the
// shape of a row sent to the server, and duplicate detection across the whole file.
import { z } from "zod";
import { parseCsv } from "./csv-parse";

export const IMPORT_FIELDS = ["email", "name", "firstName", "lastName", "title", "department", "location", "phone"] as const;
export type TImportField = (typeof IMPORT_FIELDS)[number];

export const FIELD_LABELS: Record<TImportField, string> = {
  email: "Email",
  name: "Name",
  firstName: "First name",
  lastName: "Last name",
  title: "Job title",
  department: "Department",
  location: "Location",
  phone: "Phone",
};

// Compared after lower-casing and dropping everything but letters and digits ("E-mail Address" → "emailaddress").
const ALIASES: Record<TImportField, string[]> = {
  email: ["email", "emailaddress", "mail", "workemail", "primaryemail", "businessemail"],
  name: ["name", "fullname", "displayname", "employeename", "employee"],
  firstName: ["firstname", "givenname", "first", "forename"],
  lastName: ["lastname", "familyname", "surname", "last"],
  title: ["title", "jobtitle", "position"],
  department: ["department", "dept", "team"],
  location: ["location", "office", "city", "site", "worklocation"],
  phone: ["phone", "phonenumber", "telephone", "tel", "workphone", "businessphone"],
};

const normalize = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, "");

/** The export's columns; the first eight are the ones the importer reads back. */
export const EXPORT_COLUMNS = [
  "Name",
  "Email",
  "First name",
  "Last name",
  "Job title",
  "Department",
  "Location",
  "Phone",
  "Mobile",
  "Organization",
  "Employee number",
  "Status",
  "Pending activation",
  "IdP user name",
  "External ID",
  "Muster ID",
  "Created",
  "Last change",
] as const;

/** A declared custom attribute, as the CSV sees it. */
export type TCsvAttribute = { key: string; label: string };

const RESERVED = new Set([...EXPORT_COLUMNS.map(normalize), ...Object.values(ALIASES).flat()]);

/** Headers the CSV already uses (lower-case, letters and digits): no attribute key may be one. */
export const RESERVED_COLUMN_KEYS: ReadonlySet<string> = RESERVED;

/**
 * The CSV header of each custom attribute: its label, or its key when the label would be taken for
 * something else (a built-in column such as "Email", or an earlier attribute's label).
 */
export const attributeHeaders = (attributes: TCsvAttribute[]): Map<string, string> => {
  const keys = new Map(attributes.map((a) => [normalize(a.key), a.key]));
  const taken = new Set(RESERVED);
  const out = new Map<string, string>();
  for (const a of attributes) {
    const label = normalize(a.label);
    // A label may read like its own key ("Badge number" / badgeNumber), not like another's.
    const otherKey = keys.has(label) && keys.get(label) !== a.key;
    const header = label && !taken.has(label) && !otherKey ? a.label : a.key;
    taken.add(normalize(header));
    out.set(a.key, header);
  }
  return out;
};

export type TColumnMapping = { fields: Partial<Record<TImportField, string>>; attributes: Record<string, string>; ignored: string[] };

/**
 * Which header feeds which field; the first matching header wins, the rest are ignored. A custom
 * attribute's column is headed by its label or its key (attributeHeaders says which the export uses).
 */
export const mapColumns = (headers: string[], attributes: TCsvAttribute[] = []): TColumnMapping => {
  const fields: Partial<Record<TImportField, string>> = {};
  const byHeader = new Map<string, string>();
  for (const [key, header] of attributeHeaders(attributes)) {
    byHeader.set(header.trim().toLowerCase(), key);
    if (!byHeader.has(key.toLowerCase())) byHeader.set(key.toLowerCase(), key);
  }
  const attrs: Record<string, string> = {};
  const ignored: string[] = [];
  for (const header of headers) {
    const key = normalize(header);
    const field = IMPORT_FIELDS.find((f) => ALIASES[f].includes(key));
    const attribute = field ? undefined : byHeader.get(header.trim().toLowerCase());
    if (field && !fields[field]) fields[field] = header;
    else if (attribute && !attrs[attribute]) attrs[attribute] = header;
    else if (header.trim() !== "") ignored.push(header);
  }
  return { fields, attributes: attrs, ignored };
};

const cell = z.string().max(1000, { error: "A cell has at most 1000 characters" }).optional();

export const ZImportRow = z.object({
  /** The physical line the record starts on (the header is on line 1), as an editor numbers it. */
  row: z.number().int().min(2),
  email: cell,
  name: cell,
  firstName: cell,
  lastName: cell,
  title: cell,
  department: cell,
  location: cell,
  phone: cell,
  /** Custom attribute cells by attribute key (non-empty ones only). */
  attributes: z
    .record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, { error: "Not an attribute key" }), z.string().max(1000, { error: "A cell has at most 1000 characters" }))
    .refine((r) => Object.keys(r).length <= 100, { error: "At most 100 attribute columns" })
    .optional(),
  /** Set by the browser when an earlier row of the same file has this email. */
  duplicateOf: z.number().int().min(2).optional(),
});
export type TImportRow = z.infer<typeof ZImportRow>;

export const IMPORT_BATCH_SIZE = 500;

export const ZImportBatch = z.object({
  rows: z
    .array(ZImportRow)
    .min(1, { error: "Send at least one row" })
    .max(IMPORT_BATCH_SIZE, { error: `Send at most ${IMPORT_BATCH_SIZE} rows per request` }),
});

export type TImportIssue = { row: number; email: string; kind: "error" | "skipped"; message: string };
export type TImportResult = { created: number; updated: number; unchanged: number; skipped: number; issues: TImportIssue[] };

/**
 * Parsed CSV records → rows to send: trimmed cells, blank records dropped, duplicates marked. Each
 * row is numbered by `lines[i]` (the physical line its record starts on) or, without it, i + 2.
 */
export const toImportRows = (records: Record<string, unknown>[], mapping: TColumnMapping, lines?: number[]): TImportRow[] => {
  const firstRowOf = new Map<string, number>();
  const out: TImportRow[] = [];
  records.forEach((record, i) => {
    const row: TImportRow = { row: lines?.[i] ?? i + 2 };
    let blank = true;
    for (const field of IMPORT_FIELDS) {
      const header = mapping.fields[field];
      const value = header === undefined ? "" : String(record[header] ?? "").trim();
      if (value) {
        row[field] = value;
        blank = false;
      }
    }
    for (const [key, header] of Object.entries(mapping.attributes ?? {})) {
      const value = String(record[header] ?? "").trim();
      if (!value) continue;
      row.attributes = { ...row.attributes, [key]: value };
      blank = false;
    }
    if (blank && Object.values(record).every((v) => String(v ?? "").trim() === "")) return;
    const key = row.email?.toLowerCase();
    if (key) {
      const first = firstRowOf.get(key);
      if (first !== undefined) row.duplicateOf = first;
      else firstRowOf.set(key, row.row);
    }
    out.push(row);
  });
  return out;
};

/** A file read for import: its rows, and an account of every physical line. */
export type TImportFile = {
  headers: string[];
  mapping: TColumnMapping;
  rows: TImportRow[];
  /** Lines that could not be read as a record, as issues (kind "error") beside the server's. */
  parseIssues: TImportIssue[];
  /** Physical lines in the file, the header's included. */
  lineCount: number;
  /** Lines the header takes (1 unless a header cell holds a line break). */
  headerLines: number;
  /** Empty lines, and lines whose every cell is empty (",,,"): skipped. */
  blankLines: number[];
  /** The last line of each row that spans several lines, by its first line. */
  lastLines: Record<number, number>;
};

/**
 * CSV text → rows to import, or why the file cannot be imported. No line goes unaccounted for:
 * lineCount = headerLines + the lines of the rows + parseIssues + blankLines.
 */
export const readImportFile = (
  text: string,
  attributes: TCsvAttribute[] = [],
): { ok: true; file: TImportFile } | { ok: false; reason: "empty" | "no-email-column" } | { ok: false; reason: "bad-header"; message: string } => {
  const parsed = parseCsv(text);
  if (!parsed.header) {
    const why = parsed.errors[0];
    return why ? { ok: false, reason: "bad-header", message: why.message } : { ok: false, reason: "empty" };
  }
  const names = parsed.header.cells.map((h) => h.trim());
  const headers = names.filter((h) => h !== "");
  const mapping = mapColumns(headers, attributes);
  if (!mapping.fields.email) return { ok: false, reason: "no-email-column" };
  const blankLines = [...parsed.blankLines];
  const kept = parsed.records.filter((r) => {
    if (r.cells.some((c) => c.trim() !== "")) return true;
    for (let l = r.line; l <= r.lastLine; l++) blankLines.push(l);
    return false;
  });
  const objects = kept.map((r) => {
    const o: Record<string, string> = {};
    names.forEach((name, c) => {
      if (name !== "" && !(name in o)) o[name] = r.cells[c] ?? "";
    });
    return o;
  });
  const rows = toImportRows(
    objects,
    mapping,
    kept.map((r) => r.line),
  );
  const lastLines: Record<number, number> = {};
  for (const r of kept) if (r.lastLine > r.line) lastLines[r.line] = r.lastLine;
  return {
    ok: true,
    file: {
      headers,
      mapping,
      rows,
      parseIssues: parsed.errors.map((e) => ({ row: e.line, email: "", kind: "error", message: e.message })),
      lineCount: parsed.lineCount,
      headerLines: parsed.header.lastLine - parsed.header.line + 1,
      blankLines: blankLines.sort((a, b) => a - b),
      lastLines,
    },
  };
};
