// One batch of a CSV import, merged by email in one transaction: a new email creates a MANUAL
// employee, a MANUAL one is updated with the file's non-empty cells, an IdP-owned one is left
// alone. Rows that fail validation are reported and write nothing.
import "server-only";
import type { TAttributeType } from "@/lib/attributes/declaration";
import { parseTextValue } from "@/lib/attributes/text-value";
import { db, type Tx } from "@/lib/db/client";
import { attributeHeaders } from "@/lib/employees/csv-import";
import { listDeclarations } from "@/lib/server/attributes/list-attributes";
import type { TImportIssue, TImportResult, TImportRow } from "@/lib/employees/csv-import";
import { ZEmployeeEmail } from "@/lib/employees/schemas";
import { missingManual, missingManualMessage } from "@/lib/provisioning/required";
import { planManualChange, planManualEmployee } from "@/lib/server/provisioning/plan-manual";
import { policyOf } from "@/lib/server/provisioning/policy";
import { checkSeatsFor } from "./create-employee";
import { splitName } from "./employee-where";

type Fields = { displayName?: string; givenName?: string; familyName?: string; title?: string; department?: string; location?: string; phone?: string };
type Valid = {
  row: number;
  email: string;
  key: string;
  fields: Fields;
  /** attributeId → canonical value */
  values: Map<string, string>;
  /** attributeId → email (lower-cased) of an employee this batch creates: a reference resolved once they exist. */
  pending: Map<string, string>;
};
type Decl = { id: string; key: string; label: string; type: TAttributeType; header: string };

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

/**
 * A row's custom attribute cells → canonical values, or the first problem naming the line and the
 * column. A reference is an employee's email or Muster ID, resolved with `refs`.
 */
const attributeValues = (r: TImportRow, decls: Map<string, Decl>, refs: Map<string, string>, batch: Set<string>): { values: Map<string, string>; pending: Map<string, string> } | { message: string } => {
  const values = new Map<string, string>();
  const pending = new Map<string, string>();
  for (const [key, cell] of Object.entries(r.attributes ?? {})) {
    const d = decls.get(key);
    if (!d) return { message: `Line ${r.row}: "${key}" is not a declared custom attribute (Attributes page)` };
    if (!cell.trim()) continue;
    const where = `Line ${r.row}, column "${d.header}"`;
    if (d.type === "reference") {
      const ref = cell.trim().toLowerCase();
      const id = refs.get(ref);
      // Someone further up or down the same file: resolved once they are created.
      if (!id && batch.has(ref)) {
        pending.set(d.id, ref);
        continue;
      }
      if (!id) return { message: `${where}: no employee in this workspace has the email or Muster ID '${cell.trim()}'` };
      values.set(d.id, id);
      continue;
    }
    const parsed = parseTextValue(d.type, cell);
    if (!parsed.ok) return { message: `${where}: ${parsed.message}` };
    values.set(d.id, parsed.value);
  }
  return { values, pending };
};

/** The employees a batch's reference cells name (by email or id), in one query: lower-cased cell → id. */
const resolveReferences = async (workspaceId: string, rows: TImportRow[], decls: Map<string, Decl>): Promise<Map<string, string>> => {
  const cells = new Set<string>();
  for (const r of rows) for (const [key, cell] of Object.entries(r.attributes ?? {})) if (decls.get(key)?.type === "reference" && cell.trim()) cells.add(cell.trim());
  if (!cells.size) return new Map();
  const list = [...cells];
  const found = await db.employee.findMany({
    where: { workspaceId, OR: [{ id: { in: list } }, { emailKey: { in: list.map((c) => c.toLowerCase()) } }] },
    select: { id: true, scimId: true, emailKey: true, status: true },
    orderBy: { updatedAt: "desc" },
  });
  const out = new Map<string, string>();
  // The value stored is what SCIM reads back: a provisioned user's SCIM id, else the employee's id.
  const ref = (e: (typeof found)[number]) => e.scimId ?? e.id;
  // An id names one employee; an email the live one before an archived one.
  for (const e of [...found].sort((a, b) => Number(a.status === "ARCHIVED") - Number(b.status === "ARCHIVED"))) {
    if (e.emailKey && !out.has(e.emailKey)) out.set(e.emailKey, ref(e));
  }
  for (const e of found) out.set(e.id.toLowerCase(), ref(e));
  return out;
};

/** Checks every row on its own and against the batch; what fails is an issue, never a write. */
const validate = (rows: TImportRow[], decls: Map<string, Decl>, refs: Map<string, string>) => {
  const issues: TImportIssue[] = [];
  const valid: Valid[] = [];
  const seen = new Map<string, number>();
  const batch = new Set(rows.map((r) => r.email?.trim().toLowerCase()).filter((e): e is string => !!e));
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
      issues.push({ row: r.row, email: raw, kind: "error", message: `Duplicate email within the file: line ${first} has it too` });
      continue;
    }
    const attrs = attributeValues(r, decls, refs, batch);
    if ("message" in attrs) {
      issues.push({ row: r.row, email: raw, kind: "error", message: attrs.message });
      continue;
    }
    seen.set(key, r.row);
    valid.push({ row: r.row, email: parsed.data, key, fields: fieldsOf(r), values: attrs.values, pending: attrs.pending });
  }
  return { issues, valid };
};

type Existing = { id: string; status: string; scimDoc: string | null; emailKey: string | null } & Record<keyof Fields, string | null>;

const changedFields = (e: Existing, fields: Fields): Fields => {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields) as [keyof Fields, string][]) if (e[k] !== v) out[k] = v;
  return out;
};

/** The declared attributes by key, with the CSV header each has (label or key). */
const declarations = async (workspaceId: string): Promise<Map<string, Decl>> => {
  const declared = await listDeclarations(workspaceId);
  const headers = attributeHeaders(declared);
  return new Map(declared.map((d) => [d.key, { id: d.id, key: d.key, label: d.label, type: d.type, header: headers.get(d.key)! }]));
};

/** Sets the changed custom attribute values: per attribute, one delete and one insert for the batch. */
const writeValues = async (tx: Tx, workspaceId: string, changes: { employeeId: string; values: Map<string, string> }[]) => {
  const byAttribute = new Map<string, { employeeId: string; value: string }[]>();
  for (const c of changes) for (const [attributeId, value] of c.values) byAttribute.set(attributeId, [...(byAttribute.get(attributeId) ?? []), { employeeId: c.employeeId, value }]);
  for (const [attributeId, list] of byAttribute) {
    await tx.employeeAttribute.deleteMany({ where: { workspaceId, attributeId, employeeId: { in: list.map((l) => l.employeeId) } } });
    await tx.employeeAttribute.createMany({ data: list.map((l) => ({ workspaceId, attributeId, employeeId: l.employeeId, value: l.value, valueKey: l.value.toLowerCase() })) });
  }
};

/** Only the values that differ from what the employee has. */
const changedValues = (current: Map<string, string> | undefined, values: Map<string, string>) => new Map([...values].filter(([id, v]) => current?.get(id) !== v));

export const importEmployees = async (workspaceId: string, rows: TImportRow[]): Promise<TImportResult> => {
  const decls = rows.some((r) => r.attributes && Object.keys(r.attributes).length) ? await declarations(workspaceId) : new Map<string, Decl>();
  const refs = await resolveReferences(workspaceId, rows, decls);
  const { issues, valid } = validate(rows, decls, refs);
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
      const withValues = valid.filter((v) => v.values.size);
      const liveIds = withValues.map((v) => live.get(v.key)?.id).filter((id): id is string => !!id);
      const current = new Map<string, Map<string, string>>();
      if (liveIds.length) {
        // Through the workspace-scoped employees: the relation reads the (employeeId, attributeId) key (valuesOf says why).
        const employees = await tx.employee.findMany({ where: { workspaceId, id: { in: liveIds } }, select: { id: true, attributes: { select: { attributeId: true, value: true } } } });
        for (const e of employees) current.set(e.id, new Map(e.attributes.map((a) => [a.attributeId, a.value])));
      }
      const valueChanges: { employeeId: string; values: Map<string, string> }[] = [];
      const idOfRow = new Map<number, string>();
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
        const values = changedValues(current.get(match.id), v.values);
        if (!Object.keys(changes).length && !values.size && !v.pending.size) {
          result.unchanged++;
          continue;
        }
        if (values.size) valueChanges.push({ employeeId: match.id, values });
        if (v.pending.size) idOfRow.set(v.row, match.id);
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
        // createMany returns no ids: the new (manual, live) employees are found again by email.
        const fresh = toCreate.filter((v) => v.values.size || v.pending.size);
        if (fresh.length) {
          const made = await tx.employee.findMany({ where: { workspaceId, status: "MANUAL", emailKey: { in: fresh.map((v) => v.key) } }, select: { id: true, emailKey: true } });
          const idOf = new Map(made.map((m) => [m.emailKey, m.id]));
          for (const v of fresh) {
            const id = idOf.get(v.key);
            if (id && v.values.size) valueChanges.push({ employeeId: id, values: v.values });
            if (id && v.pending.size) idOfRow.set(v.row, id);
          }
        }
      }
      // References to employees of this batch, now that they exist.
      const waiting = valid.filter((v) => v.pending.size && idOfRow.has(v.row));
      if (waiting.length) {
        const emails = [...new Set(waiting.flatMap((v) => [...v.pending.values()]))];
        const found = await tx.employee.findMany({ where: { workspaceId, emailKey: { in: emails }, status: { not: "ARCHIVED" } }, select: { id: true, emailKey: true } });
        const idOf = new Map(found.map((f) => [f.emailKey, f.id]));
        for (const v of waiting) {
          const values = new Map([...v.pending].flatMap(([attributeId, email]) => (idOf.has(email) ? [[attributeId, idOf.get(email)!] as [string, string]] : [])));
          if (values.size) valueChanges.push({ employeeId: idOfRow.get(v.row)!, values });
        }
      }
      await writeValues(tx, workspaceId, valueChanges);
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
  return sortIssues(result);
};

const sortIssues = (r: TImportResult): TImportResult => ({ ...r, issues: [...r.issues].sort((a, b) => a.row - b.row) });
