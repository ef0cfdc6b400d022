// CSV export of a tab and search, streamed in pages of 1000 so 100,000 rows never sit in memory.
// Pages are read by keyset (createdAt, id) on the (workspaceId, createdAt) index, not by OFFSET,
// so the last page costs what the first does.
import "server-only";
import Papa from "papaparse";
import { db } from "@/lib/db/client";
import type { TEmployeeTab } from "@/lib/employees/list-query";
import { employeeWhere } from "./employee-where";

export const EXPORT_PAGE_SIZE = 1000;

const STATUS_LABELS: Record<string, string> = { SYNCED: "Synced", LINKED: "Linked", MANUAL: "Manual", ARCHIVED: "Archived" };

// The first eight headers are the ones the importer reads back.
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

const toCsv = (records: string[][], header: boolean) =>
  Papa.unparse({ fields: [...EXPORT_COLUMNS], data: records }, { header, newline: "\r\n", escapeFormulae: FORMULA });

/** A stream of CSV text: the header row, then every matching employee, oldest first. */
export const exportEmployeesCsv = (workspaceId: string, tab: TEmployeeTab, q: string): ReadableStream<Uint8Array> => {
  const base = employeeWhere(workspaceId, tab, q);
  const encoder = new TextEncoder();
  let after: { createdAt: Date; id: string } | null = null;
  let first = true;
  return new ReadableStream<Uint8Array>({
    pull: async (controller) => {
      const page: Row[] = await db.employee.findMany({
        where: after ? { AND: [base, { createdAt: { gte: after.createdAt } }, { OR: [{ createdAt: { gt: after.createdAt } }, { id: { gt: after.id } }] }] } : base,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: EXPORT_PAGE_SIZE,
        select: SELECT,
      });
      if (first || page.length) {
        const csv = toCsv(page.map(toRecord), first);
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
