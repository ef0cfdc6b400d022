// The settings page's "Roles from your identity provider": the import toggle, the order of the
// sources, what an unknown IdP role gives, and the ordered group→role rules. Saved whole, in one
// transaction that bumps the policy (policy.ts reads it once per version). Roles are read with
// Prisma directly: role management (lib/server/roles/) is its own domain.
import "server-only";
import { db } from "@/lib/db/client";
import { ROLE_SOURCE_ORDERS, ZRoleImportSettings, type TRoleImportSettings, type TRoleSourceOrder } from "@/lib/provisioning/roles";
import { bumpPolicy } from "@/lib/server/provisioning/policy";
import { UserError } from "@/lib/server/errors";
import type { TRoleOption } from "@/lib/workspaces/settings";

/** The workspace's roles, built-in first, for the settings page's selects. */
export const workspaceRoles = async (workspaceId: string): Promise<TRoleOption[]> =>
  db.role.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { createdAt: "asc" }], select: { key: true, name: true, description: true, builtIn: true } });

/** The groups the IdP pushed, for the rules' suggestions (a rule may also name a group to come). */
export const workspaceGroupNames = async (workspaceId: string, take = 200): Promise<string[]> =>
  (await db.group.findMany({ where: { workspaceId }, orderBy: { displayNameKey: "asc" }, select: { displayName: true }, take })).map((g) => g.displayName);

export const roleImportSettings = async (workspaceId: string): Promise<TRoleImportSettings> => {
  const [w, rules] = await Promise.all([
    db.workspace.findUnique({ where: { id: workspaceId }, select: { importRoles: true, roleSources: true, unknownRole: true } }),
    db.roleMapping.findMany({ where: { workspaceId }, orderBy: [{ position: "asc" }, { id: "asc" }], select: { groupName: true, role: true } }),
  ]);
  if (!w) throw new UserError("Workspace not found", undefined, "not_found");
  const roleSources = (ROLE_SOURCE_ORDERS as readonly string[]).includes(w.roleSources) ? (w.roleSources as TRoleSourceOrder) : "scim,groups";
  return { importRoles: w.importRoles, roleSources, unknownRole: w.unknownRole, rules };
};

export const updateRoleImport = async (workspaceId: string, input: TRoleImportSettings): Promise<TRoleImportSettings> => {
  const data = ZRoleImportSettings.parse(input);
  return db.$transaction(async (tx) => {
    const keys = new Set((await tx.role.findMany({ where: { workspaceId }, select: { key: true } })).map((r) => r.key));
    if (data.unknownRole && !keys.has(data.unknownRole)) throw new UserError("The role to provision unknown IdP roles to does not exist any more. Pick another.", "unknownRole");
    const missing = data.rules.findIndex((r) => !keys.has(r.role));
    if (missing >= 0) throw new UserError(`Rule ${missing + 1}: the role '${data.rules[missing]!.role}' does not exist any more. Pick another.`, "rules");
    const { count } = await tx.workspace.updateMany({ where: { id: workspaceId }, data: { importRoles: data.importRoles, roleSources: data.roleSources, unknownRole: data.unknownRole } });
    if (count === 0) throw new UserError("Workspace not found", undefined, "not_found");
    await tx.roleMapping.deleteMany({ where: { workspaceId } });
    if (data.rules.length) await tx.roleMapping.createMany({ data: data.rules.map((r, position) => ({ workspaceId, groupName: r.groupName, role: r.role, position })) });
    await bumpPolicy(tx, workspaceId);
    return data;
  });
};
