// What an employee's role lets them do, read with their session request: one lookup on the
// (workspaceId, key) unique index. A role missing from the table (a key an import wrote before the
// role existed) allows what the built-in role of that key allows, else nothing.
import "server-only";
import { db } from "@/lib/db/client";
import { BUILT_IN_ROLES, parseCapabilities, type Capability } from "@/lib/roles/roles";

export type RoleAccess = { key: string; name: string; capabilities: Capability[] };

export const roleAccess = async (workspaceId: string, key: string): Promise<RoleAccess> => {
  const role = await db.role.findUnique({ where: { workspaceId_key: { workspaceId, key } }, select: { name: true, capabilities: true } });
  if (role) return { key, name: role.name, capabilities: parseCapabilities(role.capabilities) };
  const builtIn = BUILT_IN_ROLES.find((r) => r.key === key);
  return { key, name: builtIn?.name ?? key, capabilities: builtIn ? [...builtIn.capabilities] : [] };
};

export const allows = (access: RoleAccess, capability: Capability) => access.capabilities.includes(capability);
