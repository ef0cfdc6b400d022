// The roles of a workspace in the admin's order, each with how many employees hold it: one
// grouped count on the (workspaceId, role) index, however many employees there are.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { parseCapabilities } from "@/lib/roles/roles";
import type { TRoleDto } from "@/lib/roles/schemas";

export const ROLE_ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];
export const ROLE_SELECT = { key: true, name: true, description: true, capabilities: true, builtIn: true, position: true } as const;

type RoleRow = { key: string; name: string; description: string; capabilities: string; builtIn: boolean; position: number };

export const toRoleDto = (r: RoleRow, holders: number): TRoleDto => ({ ...r, capabilities: parseCapabilities(r.capabilities), holders });

/** How many employees hold each role key. */
export const countHolders = async (client: Tx | typeof db, workspaceId: string): Promise<Map<string, number>> => {
  const groups = await client.employee.groupBy({ by: ["role"], where: { workspaceId }, _count: { _all: true } });
  return new Map(groups.map((g) => [g.role, g._count._all]));
};

export const listRoles = async (workspaceId: string): Promise<TRoleDto[]> => {
  const [roles, holders] = await Promise.all([
    db.role.findMany({ where: { workspaceId }, orderBy: ROLE_ORDER, select: ROLE_SELECT }),
    countHolders(db, workspaceId),
  ]);
  return roles.map((r) => toRoleDto(r, holders.get(r.key) ?? 0));
};

/** One role with its holders, or null when the workspace has no role with that key. */
export const getRole = async (client: Tx | typeof db, workspaceId: string, key: string): Promise<TRoleDto | null> => {
  const r = await client.role.findUnique({ where: { workspaceId_key: { workspaceId, key } }, select: ROLE_SELECT });
  if (!r) return null;
  return toRoleDto(r, await client.employee.count({ where: { workspaceId, role: key } }));
};

/** Just the keys and names, in order: for pickers, without counting holders. */
export const listRoleNames = (workspaceId: string) => db.role.findMany({ where: { workspaceId }, orderBy: ROLE_ORDER, select: { key: true, name: true } });
