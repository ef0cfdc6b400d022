// A workspace's declared custom attributes, in the admin's order, each with how many employees
// have a value (one groupBy on the (workspaceId, attributeId, valueKey) index).
import "server-only";
import type { TAttributeDto, TAttributeType } from "@/lib/attributes/declaration";
import { db } from "@/lib/db/client";

export const MAX_ATTRIBUTES = 100;

export const ATTRIBUTE_ORDER = [{ position: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];

type Row = { id: string; key: string; label: string; type: string; scimPath: string; onCard: boolean; position: number };

export const toAttributeDto = (a: Row, valueCount: number): TAttributeDto => ({
  id: a.id,
  key: a.key,
  label: a.label,
  type: a.type as TAttributeType,
  scimPath: a.scimPath,
  onCard: a.onCard,
  position: a.position,
  valueCount,
});

export const ATTRIBUTE_SELECT = { id: true, key: true, label: true, type: true, scimPath: true, onCard: true, position: true } as const;

/** The declarations alone (no counts): for the employee list, the CSV and the card. */
export const listDeclarations = (workspaceId: string) =>
  db.customAttribute.findMany({ where: { workspaceId }, orderBy: ATTRIBUTE_ORDER, take: MAX_ATTRIBUTES, select: ATTRIBUTE_SELECT }) as Promise<(Row & { type: TAttributeType })[]>;

export const listAttributes = async (workspaceId: string): Promise<TAttributeDto[]> => {
  const [rows, counts] = await Promise.all([
    listDeclarations(workspaceId),
    db.employeeAttribute.groupBy({ by: ["attributeId"], where: { workspaceId }, _count: { _all: true } }),
  ]);
  const countOf = new Map(counts.map((c) => [c.attributeId, c._count._all]));
  return rows.map((a) => toAttributeDto(a, countOf.get(a.id) ?? 0));
};

export const getAttribute = async (workspaceId: string, id: string): Promise<TAttributeDto | null> => {
  const a = await db.customAttribute.findFirst({ where: { id, workspaceId }, select: ATTRIBUTE_SELECT });
  return a ? toAttributeDto(a, await db.employeeAttribute.count({ where: { workspaceId, attributeId: a.id } })) : null;
};
