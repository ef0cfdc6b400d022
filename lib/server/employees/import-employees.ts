// One batch of a CSV import, merged by email in one transaction: a new email creates a MANUAL
// employee, a MANUAL one is updated with the file's non-empty cells, an IdP-owned one is left
// alone. Rows that fail validation are reported and write nothing.
import "server-only";
import { db } from "@/lib/db/client";
import type { TImportIssue, TImportResult, TImportRow } from "@/lib/employees/csv-import";
import { ZEmployeeEmail } from "@/lib/employees/schemas";
import { missingManual, missingManualMessage } from "@/lib/provisioning/required";
import { planManualChange, planManualEmployee } from "@/lib/server/provisioning/plan-manual";
import { policyOf } from "@/lib/server/provisioning/policy";
import { checkSeatsFor } from "./create-employee";
import { splitName } from "./employee-where";

type Fields = { displayName?: string; givenName?: string; familyName?: string; title?: string; department?: string; location?: string; phone?: string };
type Valid = { row: number; email: string; key: string; fields: Fields };

const fieldsOf = (r: TImportRow): Fields => {
  const fromParts = [r.firstName, r.lastName].filter(Boolean).join(" ");
  const displayName = r.name || fromParts || undefined;
  // Without first/last columns, the name is split so the employee is found by last name too.
  const split = !r.firstName && !r.lastName && r.name ? splitName(r.name) : null;
  const givenName = r.firstName ?? split?.givenName ?? undefined;
  const familyName = r.lastName ?? split?.familyName ?? undefined;
  const out: Fields = { displayName, givenName, familyName, title: r.title, department: r.department, location: r.location, phone: r.phone };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined && v !== "")) as Fields;
};

/** Checks every row on its own and against the batch; what fails is an issue, never a write. */
const validate = (rows: TImportRow[]) => {
  const issues: TImportIssue[] = [];
  const valid: Valid[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const raw = r.email?.trim() ?? "";
    if (!raw) {
      issues.push({ row: r.row, email: "", kind: "error", message: "Missing email" });
      continue;
    }
    const parsed = ZEmployeeEmail.safeParse(raw);
    if (!parsed.success) {
      issues.push({ row: r.row, email: raw, kind: "error", message: `Invalid email address '${raw}'` });
      continue;
    }
    const key = parsed.data.toLowerCase();
    const first = r.duplicateOf ?? seen.get(key);
    if (first !== undefined) {
      issues.push({ row: r.row, email: raw, kind: "error", message: `Duplicate email within the file: row ${first} has it too` });
      continue;
    }
    seen.set(key, r.row);
    valid.push({ row: r.row, email: parsed.data, key, fields: fieldsOf(r) });
  }
  return { issues, valid };
};

type Existing = { id: string; status: string; scimDoc: string | null; emailKey: string | null } & Record<keyof Fields, string | null>;

const changedFields = (e: Existing, fields: Fields): Fields => {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields) as [keyof Fields, string][]) if (e[k] !== v) out[k] = v;
  return out;
};

export const importEmployees = async (workspaceId: string, rows: TImportRow[]): Promise<TImportResult> => {
  const { issues, valid } = validate(rows);
  const result: TImportResult = { created: 0, updated: 0, unchanged: 0, skipped: 0, issues };
  if (!valid.length) return sortIssues(result);
  const { defaultRole, required, seatLimit } = await policyOf(workspaceId);

  await db.$transaction(
    async (tx) => {
      const existing = await tx.employee.findMany({
        where: { workspaceId, emailKey: { in: valid.map((v) => v.key) } },
        select: { id: true, status: true, scimDoc: true, emailKey: true, displayName: true, givenName: true, familyName: true, title: true, department: true, location: true, phone: true },
        orderBy: { updatedAt: "desc" },
      });
      // Emails are unique among employees who are not archived; archived ones only explain a skip.
      const live = new Map<string, Existing>();
      const archived = new Map<string, Existing>();
      for (const e of existing) {
        const map = e.status === "ARCHIVED" ? archived : live;
        if (e.emailKey && !map.has(e.emailKey)) map.set(e.emailKey, e);
      }
      const toCreate: Valid[] = [];
      for (const v of valid) {
        const match = live.get(v.key);
        if (!match) {
          if (archived.has(v.key)) {
            result.skipped++;
            issues.push({ row: v.row, email: v.email, kind: "skipped", message: "An archived employee has this email: restore them first to update them" });
          } else {
            // What the workspace requires of a new employee; an update of an existing one may leave it out.
            const missing = missingManual(required, { ...v.fields, email: v.email });
            if (missing.length) issues.push({ row: v.row, email: v.email, kind: "error", message: missingManualMessage(missing) });
            else toCreate.push(v);
          }
          continue;
        }
        if (match.status !== "MANUAL" || match.scimDoc !== null) {
          result.skipped++;
          issues.push({ row: v.row, email: v.email, kind: "skipped", message: "Managed by your identity provider: not changed" });
          continue;
        }
        const changes = changedFields(match, v.fields);
        if (!Object.keys(changes).length) {
          result.unchanged++;
          continue;
        }
        const { count } = await tx.employee.updateMany({
          where: { id: match.id, workspaceId, status: "MANUAL", scimDoc: null },
          data: { ...planManualChange({ displayName: match.displayName ?? v.email, givenName: match.givenName, familyName: match.familyName }, changes), version: { increment: 1 } },
        });
        result.updated += count;
      }
      if (toCreate.length) {
        // The whole file's new employees fit, or none is created (the updates above roll back too).
        await checkSeatsFor(tx, workspaceId, seatLimit, toCreate.length);
        const { count } = await tx.employee.createMany({
          data: toCreate.map((v) => ({
            workspaceId,
            ...planManualEmployee({ ...v.fields, displayName: v.fields.displayName ?? v.email, givenName: v.fields.givenName ?? null, familyName: v.fields.familyName ?? null, email: v.email }, defaultRole),
          })),
        });
        result.created = count;
      }
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return sortIssues(result);
};

const sortIssues = (r: TImportResult): TImportResult => ({ ...r, issues: [...r.issues].sort((a, b) => a.row - b.row) });
