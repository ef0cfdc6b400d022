// Renames, describes or changes what a role allows. Built-in roles (MEMBER, GUEST) may change too;
// only deleting them is refused. The key stays, so nothing that names the role breaks.
import "server-only";
import { db } from "@/lib/db/client";
import { ZRoleInput, type TRoleDto, type TRoleInput } from "@/lib/roles/schemas";
import { UserError } from "@/lib/server/errors";
import { bumpPolicy } from "@/lib/server/provisioning/policy";
import { assertNameFree } from "./create-role";
import { getRole } from "./list-roles";

export const updateRole = async (workspaceId: string, key: string, input: TRoleInput): Promise<TRoleDto> => {
  const data = ZRoleInput.parse(input);
  return db.$transaction(async (tx) => {
    await assertNameFree(tx, workspaceId, data.name, key);
    const { count } = await tx.role.updateMany({
      where: { workspaceId, key },
      data: { name: data.name, nameKey: data.name.toLowerCase(), description: data.description, capabilities: JSON.stringify(data.capabilities) },
    });
    if (count === 0) throw new UserError("No role with that key in this workspace", "key", "not_found");
    await bumpPolicy(tx, workspaceId);
    return (await getRole(tx, workspaceId, key))!;
  });
};
