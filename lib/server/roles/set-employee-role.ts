// An admin gives one employee a role from the dashboard. The role then counts as set by hand
// (roleSource "admin": later syncs leave it alone, unless role import is on and the IdP names a role — lib/provisioning/roles.ts), the employee's version moves on (SCIM ETags),
// and the change is recorded in the employee's timeline in the same transaction. The timeline and
// the provisioning log read ProvisioningEvent rows; this one says what it is: no SCIM token, the
// dashboard as its client, the dashboard's own request as its method and path.
import "server-only";
import { db } from "@/lib/db/client";
import { newId } from "@/lib/db/ids";
import { DASHBOARD_CLIENT } from "@/lib/events/format";
import { UserError } from "@/lib/server/errors";

export type SetRoleActor = { email: string; slug: string };

export const setEmployeeRole = async (workspaceId: string, employeeId: string, roleKey: string, actor: SetRoleActor) => {
  const started = performance.now();
  return db.$transaction(async (tx) => {
    const employee = await tx.employee.findFirst({ where: { id: employeeId, workspaceId }, select: { id: true, role: true, roleSource: true, scimId: true } });
    if (!employee) throw new UserError("No employee with that id in this workspace", "id", "not_found");
    // Writing the role's row locks it until this transaction ends, so a concurrent delete-role
    // (which deletes that row first, then counts holders) either waits and sees this employee, or
    // wins and this finds no role: never an employee holding a deleted role.
    const claimed = await tx.role.updateMany({ where: { workspaceId, key: roleKey }, data: { key: roleKey } });
    const role = claimed.count ? await tx.role.findUnique({ where: { workspaceId_key: { workspaceId, key: roleKey } }, select: { key: true, name: true } }) : null;
    if (!role) throw new UserError("This workspace has no such role. Reload the page to see its roles.", "role", "invalid");
    if (employee.role === role.key && employee.roleSource === "admin") return { changed: false, role: role.key, roleSource: "admin" };
    const before = employee.role === role.key ? null : await tx.role.findUnique({ where: { workspaceId_key: { workspaceId, key: employee.role } }, select: { name: true } });
    const { count } = await tx.employee.updateMany({
      where: { id: employee.id, workspaceId, role: employee.role },
      data: { role: role.key, roleSource: "admin", version: { increment: 1 } },
    });
    if (count === 0) throw new UserError("This employee's role changed in the meantime; reload the page", "role", "conflict");
    const by = `(set by ${actor.email})`;
    const summary = employee.role === role.key ? `Role ${role.name} kept, now set by hand ${by}` : `Role ${before?.name ?? employee.role} → ${role.name} ${by}`;
    await tx.provisioningEvent.create({
      data: {
        id: newId(),
        workspaceId,
        tokenId: null,
        method: "PUT",
        path: `/api/w/${actor.slug}/employees/${employee.id}/role`,
        status: 200,
        durationMs: Math.round(performance.now() - started),
        client: `${DASHBOARD_CLIENT} (${actor.email})`.slice(0, 300),
        resourceType: "User",
        resourceId: employee.scimId,
        employeeId: employee.id,
        change: "updated",
        summary,
        requestBody: JSON.stringify({ role: role.key }, null, 2),
      },
    });
    return { changed: true, role: role.key, roleSource: "admin" };
  });
};
