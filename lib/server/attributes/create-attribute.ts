// Declares a custom attribute: its path must be free in the workspace, its key is derived from
// the label (unique per workspace), and it goes last. The policy cache expires in the same
// transaction, so the next SCIM request stores the attribute.
import "server-only";
import { baseKey, checkScimPath, uniqueKey, ZAttributeDeclaration, type TAttributeDeclaration, type TAttributeDto } from "@/lib/attributes/declaration";
import { db } from "@/lib/db/client";
import { RESERVED_COLUMN_KEYS } from "@/lib/employees/csv-import";
import { isUniqueViolation, UserError } from "@/lib/server/errors";
import { bumpPolicy } from "@/lib/server/provisioning/policy";
import { ATTRIBUTE_SELECT, MAX_ATTRIBUTES, toAttributeDto } from "./list-attributes";

export const createAttribute = async (workspaceId: string, input: TAttributeDeclaration): Promise<TAttributeDto> => {
  const data = ZAttributeDeclaration.parse(input);
  const check = checkScimPath(data.scimPath);
  if (!check.ok) throw new UserError(check.message, "scimPath");
  const { scimPath, pathKey, name } = check.info;
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.customAttribute.findMany({ where: { workspaceId }, select: { key: true, label: true, pathKey: true, position: true } });
      if (existing.length >= MAX_ATTRIBUTES) throw new UserError(`A workspace has at most ${MAX_ATTRIBUTES} custom attributes`, "label", "conflict");
      const same = existing.find((a) => a.pathKey === pathKey);
      if (same) throw new UserError(`“${same.label}” already reads ${scimPath}: a path can be declared once.`, "scimPath", "conflict");
      // A key is also a CSV header: never one the file already has ("email", "title", …).
      const key = uniqueKey(baseKey(data.label, name), new Set([...existing.map((a) => a.key), ...RESERVED_COLUMN_KEYS]));
      const position = existing.reduce((max, a) => Math.max(max, a.position + 1), 0);
      const a = await tx.customAttribute.create({
        data: { workspaceId, key, label: data.label, type: data.type, scimPath, pathKey, onCard: data.onCard, position },
        select: ATTRIBUTE_SELECT,
      });
      await bumpPolicy(tx, workspaceId);
      return toAttributeDto(a, 0);
    });
  } catch (err) {
    // Two admins declaring the same path at once: the unique index decides.
    if (isUniqueViolation(err)) throw new UserError(`${scimPath} is already declared in this workspace: a path can be declared once.`, "scimPath", "conflict");
    throw err;
  }
};
