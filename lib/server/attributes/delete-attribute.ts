// Deletes a declaration with every employee's value of it and its card field. The IdP may keep
// sending the attribute: from now on it is ignored (and the provisioning log says so).
import "server-only";
import { cardFieldKey } from "@/lib/attributes/declaration";
import { db } from "@/lib/db/client";
import { UserError } from "@/lib/server/errors";
import { bumpPolicy } from "@/lib/server/provisioning/policy";

export type TDeleteAttributeResult = { label: string; removedValues: number };

export const deleteAttribute = async (workspaceId: string, id: string): Promise<TDeleteAttributeResult> =>
  db.$transaction(async (tx) => {
    const a = await tx.customAttribute.findFirst({ where: { id, workspaceId }, select: { id: true, key: true, label: true } });
    if (!a) throw new UserError("No custom attribute with that id in this workspace", "id", "not_found");
    const { count: removedValues } = await tx.employeeAttribute.deleteMany({ where: { workspaceId, attributeId: a.id } });
    await tx.cardField.deleteMany({ where: { workspaceId, key: cardFieldKey(a.key) } });
    await tx.customAttribute.deleteMany({ where: { id: a.id, workspaceId } });
    await bumpPolicy(tx, workspaceId);
    return { label: a.label, removedValues };
  });
