// Custom attribute values for pages: the chosen columns of one page of the employee list (one
// query on the EmployeeAttribute primary key for all its rows, one more for the names of the
// employees references point to), and the values of one employee.
import "server-only";
import type { TAttributeType } from "@/lib/attributes/declaration";
import { formatValue } from "@/lib/attributes/text-value";
import type { TAttributeColumn, TEmployeeAttribute, TShownValue } from "@/lib/attributes/values-dto";
import { db } from "@/lib/db/client";
import { listDeclarations } from "./list-attributes";

type Value = { employeeId: string; attributeId: string; value: string };
type Decl = { id: string; key: string; label: string; type: TAttributeType };

/**
 * The values of these employees (of these attributes), read through the workspace-scoped employees:
 * the relation's query is on the (employeeId, attributeId) primary key. A workspaceId condition on
 * EmployeeAttribute itself would let SQLite, which plans without statistics, walk the workspace's
 * (workspaceId, attributeId, valueKey) index — every value of the workspace — instead.
 */
export const valuesOf = async (workspaceId: string, employeeIds: string[], attributeIds?: string[]): Promise<Value[]> => {
  if (!employeeIds.length || attributeIds?.length === 0) return [];
  const employees = await db.employee.findMany({
    where: { workspaceId, id: { in: employeeIds } },
    select: { id: true, attributes: { where: attributeIds ? { attributeId: { in: attributeIds } } : {}, select: { attributeId: true, value: true } } },
  });
  return employees.flatMap((e) => e.attributes.map((a) => ({ employeeId: e.id, attributeId: a.attributeId, value: a.value })));
};

const referenceNames = async (workspaceId: string, values: Value[], decls: Map<string, Decl>) => {
  const ids = [...new Set(values.filter((v) => decls.get(v.attributeId)?.type === "reference").map((v) => v.value))];
  if (!ids.length) return new Map<string, { id: string; name: string }>();
  // A reference holds the SCIM id of a provisioned user (what the IdP sent), else the employee's id.
  const people = await db.employee.findMany({ where: { workspaceId, OR: [{ id: { in: ids } }, { scimId: { in: ids } }] }, select: { id: true, scimId: true, displayName: true, email: true } });
  return new Map(people.flatMap((p) => (p.scimId ? [p.id, p.scimId] : [p.id]).map((k) => [k, { id: p.id, name: p.displayName || p.email || "Unnamed employee" }] as const)));
};

const shown = (d: Decl, value: string, names: Map<string, { id: string; name: string }>): TShownValue => {
  if (d.type !== "reference") return { text: formatValue(d.type, value) };
  const to = names.get(value);
  // A reference to an employee who no longer exists (or never did here) shows the id it holds.
  return to ? { text: to.name, ref: to } : { text: value };
};

/** The columns asked for (by key, unknown keys dropped) and each employee's values of them. */
export const attributeColumns = async (
  workspaceId: string,
  employeeIds: string[],
  keys: string[],
): Promise<{ columns: TAttributeColumn[]; values: Map<string, Record<string, TShownValue>> }> => {
  const values = new Map<string, Record<string, TShownValue>>();
  if (!keys.length) return { columns: [], values };
  const wanted = new Set(keys);
  const decls = (await listDeclarations(workspaceId)).filter((d) => wanted.has(d.key));
  const columns = decls.map(({ key, label, type }) => ({ key, label, type }));
  if (!decls.length || !employeeIds.length) return { columns, values };
  const byId = new Map(decls.map((d) => [d.id, d]));
  const rows = await valuesOf(workspaceId, employeeIds, [...byId.keys()]);
  const names = await referenceNames(workspaceId, rows, byId);
  for (const r of rows) {
    const d = byId.get(r.attributeId)!;
    const record = values.get(r.employeeId) ?? {};
    record[d.key] = shown(d, r.value, names);
    values.set(r.employeeId, record);
  }
  return { columns, values };
};

/** Every declared attribute with this employee's value (null when they have none). */
export const employeeAttributes = async (workspaceId: string, employeeId: string, opts: { onCardOnly?: boolean } = {}): Promise<TEmployeeAttribute[]> => {
  const decls = (await listDeclarations(workspaceId)).filter((d) => !opts.onCardOnly || d.onCard);
  if (!decls.length) return [];
  const rows = await valuesOf(workspaceId, [employeeId], decls.map((d) => d.id));
  const byId = new Map(decls.map((d) => [d.id, d]));
  const names = await referenceNames(workspaceId, rows, byId);
  const valueOf = new Map(rows.map((r) => [r.attributeId, r.value]));
  return decls.map((d) => {
    const v = valueOf.get(d.id);
    return { key: d.key, label: d.label, type: d.type, value: v === undefined ? null : shown(d, v, names) };
  });
};
