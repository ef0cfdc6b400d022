// Changes a declaration. Label, card placement and order change at any time (the key stays, so
// columns, CSV files and card fields keep working). Type and path change only while no employee
// has a value: stored values were read from that path and checked against that type.
import "server-only";
import { cardFieldKey, checkScimPath, typeMismatch, ZAttributeUpdate, type TAttributeDto, type TAttributeType, type TAttributeUpdate } from "@/lib/attributes/declaration";
import { db } from "@/lib/db/client";
import { isUniqueViolation, UserError } from "@/lib/server/errors";
import { bumpPolicy } from "@/lib/server/provisioning/policy";
import { ATTRIBUTE_SELECT, toAttributeDto } from "./list-attributes";

const people = (n: number) => `${n.toLocaleString("en")} ${n === 1 ? "employee has" : "employees have"}`;

export const updateAttribute = async (workspaceId: string, id: string, input: TAttributeUpdate): Promise<TAttributeDto> => {
  const data = ZAttributeUpdate.parse(input);
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.customAttribute.findFirst({ where: { id, workspaceId }, select: { ...ATTRIBUTE_SELECT, pathKey: true } });
      if (!current) throw new UserError("No custom attribute with that id in this workspace", "id", "not_found");
      const count = await tx.employeeAttribute.count({ where: { workspaceId, attributeId: id } });
      const type = (data.type ?? current.type) as TAttributeType;
      let path = { scimPath: current.scimPath, pathKey: current.pathKey };
      if (data.scimPath !== undefined) {
        const check = checkScimPath(data.scimPath);
        if (!check.ok) throw new UserError(check.message, "scimPath");
        path = { scimPath: check.info.scimPath, pathKey: check.info.pathKey };
      }
      const typeChanged = type !== current.type;
      const pathChanged = path.pathKey !== current.pathKey;
      if ((typeChanged || pathChanged) && count > 0) {
        const what = typeChanged && pathChanged ? "type and path" : typeChanged ? "type" : "path";
        throw new UserError(
          `${people(count)} a value for “${current.label}”, read from ${current.scimPath} as ${current.type}: its ${what} cannot change while they do. Delete the attribute (which removes those values) and declare it again.`,
          typeChanged ? "type" : "scimPath",
          "conflict",
        );
      }
      if (typeChanged || pathChanged) {
        const mismatch = typeMismatch(type, path.scimPath);
        if (mismatch) throw new UserError(mismatch, "type");
      }
      if (pathChanged && (await tx.customAttribute.count({ where: { workspaceId, pathKey: path.pathKey, id: { not: id } } })) > 0) {
        throw new UserError(`${path.scimPath} is already declared in this workspace: a path can be declared once.`, "scimPath", "conflict");
      }
      const a = await tx.customAttribute.update({
        where: { id: current.id },
        data: { label: data.label, type, scimPath: path.scimPath, pathKey: path.pathKey, onCard: data.onCard, position: data.position },
        select: ATTRIBUTE_SELECT,
      });
      // Off the card: its field leaves every card (the field's rows are the card's, not the values).
      if (data.onCard === false && current.onCard) await tx.cardField.deleteMany({ where: { workspaceId, key: cardFieldKey(current.key) } });
      await bumpPolicy(tx, workspaceId);
      return toAttributeDto(a, count);
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new UserError("That path is already declared in this workspace: a path can be declared once.", "scimPath", "conflict");
    throw err;
  }
};
