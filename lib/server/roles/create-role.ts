// A new custom role goes last in the list. Its key is derived from its name once ("Sales Lead" →
// SALES_LEAD, SALES_LEAD_2 when taken) and kept through renames.
import "server-only";
import { db, type Tx } from "@/lib/db/client";
import { MAX_ROLES, roleKeyOf, ZRoleInput, type TRoleDto, type TRoleInput } from "@/lib/roles/schemas";
import { isUniqueViolation, UserError } from "@/lib/server/errors";
import { bumpPolicy } from "@/lib/server/provisioning/policy";
import { toRoleDto } from "./list-roles";

/** Names are unique per workspace, ignoring case; `except` is the role being renamed. */
export const assertNameFree = async (tx: Tx, workspaceId: string, name: string, except?: string) => {
  const taken = await tx.role.findFirst({ where: { workspaceId, nameKey: name.toLowerCase(), ...(except ? { key: { not: except } } : {}) }, select: { name: true } });
  if (taken) throw new UserError(`A role named ${taken.name} already exists`, "name", "conflict");
};

const freeKey = async (tx: Tx, workspaceId: string, name: string) => {
  const base = roleKeyOf(name);
  const used = new Set((await tx.role.findMany({ where: { workspaceId, key: { startsWith: base } }, select: { key: true } })).map((r) => r.key));
  for (let n = 1; ; n++) {
    const key = n === 1 ? base : `${base}_${n}`;
    if (!used.has(key)) return key;
  }
};

export const createRole = async (workspaceId: string, input: TRoleInput): Promise<TRoleDto> => {
  const data = ZRoleInput.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const count = await tx.role.count({ where: { workspaceId } });
      if (count >= MAX_ROLES) throw new UserError(`A workspace has at most ${MAX_ROLES} roles`, "name", "conflict");
      await assertNameFree(tx, workspaceId, data.name);
      const last = await tx.role.findFirst({ where: { workspaceId }, orderBy: { position: "desc" }, select: { position: true } });
      const role = await tx.role.create({
        data: {
          workspaceId,
          key: await freeKey(tx, workspaceId, data.name),
          name: data.name,
          nameKey: data.name.toLowerCase(),
          description: data.description,
          capabilities: JSON.stringify(data.capabilities),
          position: (last?.position ?? -1) + 1,
        },
      });
      await bumpPolicy(tx, workspaceId);
      return toRoleDto(role, 0);
    });
  } catch (err) {
    // Two admins creating the same name at once: the key's unique index decides.
    if (isUniqueViolation(err)) throw new UserError(`A role named ${data.name} was just created; reload the page`, "name", "conflict");
    throw err;
  }
};
