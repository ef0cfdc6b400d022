// Deletes a custom role nobody depends on. Refused, with the reason an admin can act on, while
// employees hold it, while it is the default role or the role for unknown IdP roles, and while a
// group rule gives it. Built-in roles are never deleted.
import "server-only";
import { db } from "@/lib/db/client";
import { holdersText } from "@/lib/roles/schemas";
import { UserError } from "@/lib/server/errors";
import { bumpPolicy } from "@/lib/server/provisioning/policy";

export const deleteRole = async (workspaceId: string, key: string) =>
  db.$transaction(async (tx) => {
    const [role, workspace] = await Promise.all([
      tx.role.findUnique({ where: { workspaceId_key: { workspaceId, key } }, select: { name: true, builtIn: true } }),
      tx.workspace.findUnique({ where: { id: workspaceId }, select: { defaultRole: true, unknownRole: true } }),
    ]);
    if (!role || !workspace) throw new UserError("No role with that key in this workspace", "key", "not_found");
    if (role.builtIn) throw new UserError(`${role.name} is built in and cannot be deleted. You can rename it or change what it allows.`, "key", "conflict");
    const [held, rules] = await Promise.all([
      tx.employee.count({ where: { workspaceId, role: key } }),
      tx.roleMapping.findMany({ where: { workspaceId, role: key }, select: { groupName: true }, orderBy: { position: "asc" } }),
    ]);
    const inUse = (n: number) => new UserError(`${holdersText(n, role.name)}. Move them to another role first.`, "key", "conflict");
    if (held > 0) throw inUse(held);
    if (workspace.defaultRole === key) throw new UserError(`${role.name} is the workspace's default role. Choose another default role in Settings first.`, "key", "conflict");
    if (workspace.unknownRole === key)
      throw new UserError(`Employees whose identity-provider role Muster does not know are provisioned to ${role.name}. Choose another role for them in Settings first.`, "key", "conflict");
    if (rules.length) {
      const groups = rules.map((r) => r.groupName).join(", ");
      throw new UserError(`${rules.length === 1 ? "A group rule gives" : `${rules.length} group rules give`} ${role.name} (members of ${groups}). Change ${rules.length === 1 ? "it" : "them"} in Settings first.`, "key", "conflict");
    }
    // The row goes first, then the holders are counted again: an admin setting someone to this role
    // at the same moment holds the row's lock (set-employee-role.ts), so this count sees them.
    const { count } = await tx.role.deleteMany({ where: { workspaceId, key, builtIn: false } });
    if (count === 0) throw new UserError("No role with that key in this workspace", "key", "not_found");
    const holders = await tx.employee.count({ where: { workspaceId, role: key } });
    if (holders > 0) throw inUse(holders);
    await bumpPolicy(tx, workspaceId);
  });
