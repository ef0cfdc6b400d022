// CSV export of a tab and search, streamed in pages of 1000 so 100,000 rows never sit in memory.
// Pages are read by keyset (createdAt, id) on the (workspaceId, createdAt) index, not by OFFSET,
// so the last page costs what the first does.
import "server-only";
import Papa from "papaparse";
import { db } from "@/lib/db/client";
import type { TAttributeType } from "@/lib/attributes/declaration";
import { csvCell } from "@/lib/attributes/text-value";
import { attributeHeaders, EXPORT_COLUMNS } from "@/lib/employees/csv-import";
import type { TEmployeeTab } from "@/lib/employees/list-query";
import { valuesOf } from "@/lib/server/attributes/list-attribute-values";
import { listDeclarations } from "@/lib/server/attributes/list-attributes";
import { employeeWhere } from "./employee-where";

export const EXPORT_PAGE_SIZE = 1000;

const STATUS_LABELS: Record<string, string> = { SYNCED: "Synced", LINKED: "Linked", MANUAL: "Manual", ARCHIVED: "Archived" };

export { EXPORT_COLUMNS };

const SELECT = {
  id: true,
  displayName: true,
  email: true,
  givenName: true,
  familyName: true,
  title: true,
  department: true,
  location: true,
  phone: true,
  mobile: true,
  organization: true,
  employeeNumber: true,
  status: true,
  activatedAt: true,
  userName: true,
  externalId: true,
  createdAt: true,
  updatedAt: true,
} as const;

type Row = { [K in keyof typeof SELECT]: K extends "createdAt" | "updatedAt" ? Date : K extends "activatedAt" ? Date | null : K extends "id" | "status" ? string : string | null };

const toRecord = (e: Row): string[] => [
  e.displayName ?? "",
  e.email ?? "",
  e.givenName ?? "",
  e.familyName ?? "",
  e.title ?? "",
  e.department ?? "",
  e.location ?? "",
  e.phone ?? "",
  e.mobile ?? "",
  e.organization ?? "",
  e.employeeNumber ?? "",
  STATUS_LABELS[e.status] ?? e.status,
  e.status !== "ARCHIVED" && !e.activatedAt ? "yes" : "no",
  e.userName ?? "",
  e.externalId ?? "",
  e.id,
  e.createdAt.toISOString(),
  e.updatedAt.toISOString(),
];

// Spreadsheet formula injection: a cell starting with = @ tab or CR is prefixed with ' by papaparse;
// so is one starting with + or -, unless it reads as a phone number ("+49 30 1234").
const FORMULA = /^[=@\t\r]|^[+-](?![\d\s().\/-]*$)/;

const toCsv = (fields: string[], records: string[][], header: boolean) => Papa.unparse({ fields, data: records }, { header, newline: "\r\n", escapeFormulae: FORMULA });

type Decl = { id: string; key: string; type: TAttributeType };

/**
 * The page's custom attribute cells, one column per declared attribute: one query for the page's
 * values (the EmployeeAttribute primary key) and one for the emails of referenced employees, so
 * a reference imports back (the importer takes an email or a Muster ID).
 */
const attributeCells = async (workspaceId: string, decls: Decl[], ids: string[]): Promise<Map<string, string[]>> => {
  const out = new Map<string, string[]>();
  if (!decls.length || !ids.length) return out;
  const rows = await valuesOf(workspaceId, ids, decls.map((d) => d.id));
  const index = new Map(decls.map((d, i) => [d.id, i]));
  const refIds = [...new Set(rows.filter((r) => decls[index.get(r.attributeId) ?? -1]?.type === "reference").map((r) => r.value))];
  // A reference holds the SCIM id of a provisioned user, else the employee's id: either finds its email.
  const emails = refIds.length
    ? new Map(
        (await db.employee.findMany({ where: { workspaceId, OR: [{ id: { in: refIds } }, { scimId: { in: refIds } }] }, select: { id: true, scimId: true, email: true } })).flatMap((e) =>
          (e.scimId ? [e.id, e.scimId] : [e.id]).map((k) => [k, e.email] as const),
        ),
      )
    : new Map<string, string | null>();
  for (const r of rows) {
    const i = index.get(r.attributeId);
    if (i === undefined) continue;
    const d = decls[i]!;
    const cells = out.get(r.employeeId) ?? decls.map(() => "");
    cells[i] = d.type === "reference" ? (emails.get(r.value) ?? r.value) : csvCell(d.type, r.value);
    out.set(r.employeeId, cells);
  }
  return out;
};

/** A stream of CSV text: the header row, then every matching employee, oldest first. */
export const exportEmployeesCsv = (workspaceId: string, tab: TEmployeeTab, q: string): ReadableStream<Uint8Array> => {
  const base = employeeWhere(workspaceId, tab, q);
  const encoder = new TextEncoder();
  let after: { createdAt: Date; id: string } | null = null;
  let first = true;
  let decls: Decl[] = [];
  let fields: string[] = [...EXPORT_COLUMNS];
  return new ReadableStream<Uint8Array>({
    // Custom attributes add a column each, headed by the label (or the key: attributeHeaders).
    start: async () => {
      const declared = await listDeclarations(workspaceId);
      const headers = attributeHeaders(declared);
      decls = declared.map(({ id, key, type }) => ({ id, key, type }));
      fields = [...EXPORT_COLUMNS, ...declared.map((d) => headers.get(d.key)!)];
    },
    pull: async (controller) => {
      const page: Row[] = await db.employee.findMany({
        where: after ? { AND: [base, { createdAt: { gte: after.createdAt } }, { OR: [{ createdAt: { gt: after.createdAt } }, { id: { gt: after.id } }] }] } : base,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: EXPORT_PAGE_SIZE,
        select: SELECT,
      });
      if (first || page.length) {
        const cells = await attributeCells(workspaceId, decls, page.map((e) => e.id));
        const blank = decls.map(() => "");
        const csv = toCsv(fields, page.map((e) => [...toRecord(e), ...(cells.get(e.id) ?? blank)]), first);
        // unparse writes the header alone when there is no data; every chunk ends with a newline.
        controller.enqueue(encoder.encode(`${csv}\r\n`));
        first = false;
      }
      const last = page.at(-1);
      if (page.length < EXPORT_PAGE_SIZE || !last) controller.close();
      else after = { createdAt: last.createdAt, id: last.id };
    },
  });
};
