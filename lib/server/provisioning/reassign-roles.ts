// Group membership changed (SCIM Groups POST/PUT/PATCH/DELETE): the employees whose groups changed
// get the role the workspace's group rules now give them (lib/provisioning/roles.ts decides), in
// the request's transaction. Bounded whatever the group's size: per 500 employees one read of
// their roles and one of their groups, then one UPDATE per role given — never one per employee.
import "server-only";
import type { Tx } from "@/lib/db/client";
import { describeRoleChange, idpRoles, nextRole } from "@/lib/provisioning/roles";
import type { Policy } from "./policy";

const CHUNK = 500;
// The log's summary has room for a few names (serve.ts keeps 2,000 characters); a count says the rest.
const NAMED_IN_LOG = 10;

/** Whether a membership change can change a role: the workspace imports roles and has group rules. */
export const groupsGiveRoles = (policy: Policy) => policy.importRoles && policy.roleRules.length > 0;

const parse = (json: string | null): Record<string, unknown> => {
  try {
    const v: unknown = json ? JSON.parse(json) : {};
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
};

/** One employee's new role; `change` reads "role Member → Sales Lead (from group 'Sales' rule)". */
export type RoleChange = { employeeId: string; scimId: string | null; name: string; change: string };

/** Recomputes the roles of `employeeIds`; returns the log's notes and each employee's change. */
export const reassignRoles = async (tx: Tx, policy: Policy, employeeIds: Iterable<string>, now: Date): Promise<{ notes: string[]; changes: RoleChange[] }> => {
  const ids = [...new Set(employeeIds)];
  if (!groupsGiveRoles(policy) || ids.length === 0) return { notes: [], changes: [] };
  const { workspaceId } = policy;
  const changes: RoleChange[] = [];
  const byTarget = new Map<string, string[]>();
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const [employees, memberships] = await Promise.all([
      tx.employee.findMany({ where: { workspaceId, id: { in: chunk } }, select: { id: true, scimId: true, role: true, roleSource: true, scimDoc: true, userName: true, displayName: true } }),
      tx.groupMember.findMany({ where: { workspaceId, employeeId: { in: chunk } }, select: { employeeId: true, group: { select: { displayName: true } } } }),
    ]);
    const groups = new Map<string, string[]>();
    for (const m of memberships) groups.set(m.employeeId, [...(groups.get(m.employeeId) ?? []), m.group.displayName]);
    for (const e of employees) {
      const next = nextRole(e, { roles: idpRoles(parse(e.scimDoc)), groups: groups.get(e.id) ?? [], policy });
      if (!next) continue;
      const target = `${next.roleSource}\n${next.role}`;
      byTarget.set(target, [...(byTarget.get(target) ?? []), e.id]);
      if (next.role !== e.role) changes.push({ employeeId: e.id, scimId: e.scimId, name: e.userName ?? e.displayName ?? e.id, change: describeRoleChange(policy.roles, e.role, next.role, next.reason) });
    }
  }
  for (const [target, who] of byTarget) {
    const [roleSource, role] = target.split("\n") as [string, string];
    // The version moves with the role: a concurrent PUT/PATCH of the same user re-reads it (apply-plan.ts).
    for (let i = 0; i < who.length; i += CHUNK) {
      await tx.employee.updateMany({ where: { workspaceId, id: { in: who.slice(i, i + CHUNK) } }, data: { role, roleSource, version: { increment: 1 }, updatedAt: now } });
    }
  }
  const named = changes.slice(0, NAMED_IN_LOG).map((c) => `${c.name}: ${c.change}`);
  const notes = changes.length > NAMED_IN_LOG ? [`${changes.length} role changes`, ...named, `and ${changes.length - NAMED_IN_LOG} more`] : named;
  return { notes, changes };
};
