// What one SCIM Groups request did to each of its members, on their timelines: added to or removed
// from the group, and the role a group rule gave them (reassign-roles.ts). The request itself is one
// provisioning-log row (`event`); each employee it changed gets one EmployeeEvent row pointing at
// it, in the request's transaction, as one multi-row INSERT per 1,000 employees.
import "server-only";
import type { Queryable } from "@/lib/db/direct";
import { newId } from "@/lib/db/ids";
import { insertRows } from "@/lib/db/rows";
import { groupChangeSummary } from "@/lib/employees/timeline";

// 10 values a row: 10,000 parameters a statement, within SQLite's 32,766 and PostgreSQL's 65,535.
const ROWS_PER_INSERT = 1000;

export type GroupChanges = {
  workspaceId: string;
  /** The request's provisioning-log row. */
  event: { id: string; at: Date };
  group: { id: string | null; name: string; deleted?: boolean };
  added: Iterable<string>;
  removed: Iterable<string>;
  /** Each employee's role change in words: "role Member → Sales Lead (from group 'Sales' rule)". */
  roleChanges: Iterable<{ employeeId: string; change: string }>;
};

/** Writes one timeline row per employee the request changed; the number of rows written. */
export const recordGroupChanges = async (tx: Queryable, c: GroupChanges) => {
  const membership = new Map<string, "added" | "removed">();
  for (const id of c.added) membership.set(id, "added");
  for (const id of c.removed) membership.set(id, "removed");
  const roles = new Map<string, string>();
  for (const r of c.roleChanges) roles.set(r.employeeId, r.change);
  const ids = [...new Set([...membership.keys(), ...roles.keys()])];
  const rows = ids.map((employeeId) => {
    const m = membership.get(employeeId) ?? null;
    const roleChange = roles.get(employeeId) ?? null;
    return {
      id: newId(),
      workspaceId: c.workspaceId,
      employeeId,
      eventId: c.event.id,
      at: c.event.at,
      groupId: c.group.deleted ? null : c.group.id,
      groupName: c.group.name.slice(0, 300),
      membership: m,
      roleChange,
      summary: groupChangeSummary({ groupName: c.group.name, membership: m, roleChange, groupDeleted: c.group.deleted === true }).slice(0, 2000),
    };
  });
  for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await insertRows(tx, "EmployeeEvent", rows.slice(i, i + ROWS_PER_INSERT));
  return rows.length;
};
