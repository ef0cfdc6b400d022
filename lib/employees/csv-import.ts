// CSV import, the parts the browser and the server share: which header means which field, the
// shape of a row sent to the server, and duplicate detection across the whole file.
import { z } from "zod";

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

export type TColumnMapping = { fields: Partial<Record<TImportField, string>>; ignored: string[] };

/** Which header feeds which field; the first matching header wins, the rest are ignored. */
export const mapColumns = (headers: string[]): TColumnMapping => {
  const fields: Partial<Record<TImportField, string>> = {};
  const ignored: string[] = [];
  for (const header of headers) {
    const key = normalize(header);
    const field = IMPORT_FIELDS.find((f) => ALIASES[f].includes(key));
    if (field && !fields[field]) fields[field] = header;
    else if (header.trim() !== "") ignored.push(header);
  }
  return { fields, ignored };
};

const cell = z.string().max(1000, { error: "A cell has at most 1000 characters" }).optional();

export const ZImportRow = z.object({
  /** The record's number in the file; the header is row 1. */
  row: z.number().int().min(2),
  email: cell,
  name: cell,
  firstName: cell,
  lastName: cell,
  title: cell,
  department: cell,
  location: cell,
  phone: cell,
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

/** Parsed CSV records → rows to send: trimmed cells, blank records dropped, duplicates marked. */
export const toImportRows = (records: Record<string, unknown>[], mapping: TColumnMapping): TImportRow[] => {
  const firstRowOf = new Map<string, number>();
  const out: TImportRow[] = [];
  records.forEach((record, i) => {
    const row: TImportRow = { row: i + 2 };
    let blank = true;
    for (const field of IMPORT_FIELDS) {
      const header = mapping.fields[field];
      const value = header === undefined ? "" : String(record[header] ?? "").trim();
      if (value) {
        row[field] = value;
        blank = false;
      }
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
