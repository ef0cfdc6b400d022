// The groups list: one page by name on the (workspaceId, displayNameKey) index. Member counts come
// from one groupBy over the page's groups (primary-key prefix scans): Prisma's relation _count
// would aggregate the GroupMember table of every workspace and join the result.
import "server-only";
import { db } from "@/lib/db/client";
import type { TGroupList, TGroupListQuery } from "@/lib/groups/list-query";

export const listGroups = async (workspaceId: string, query: TGroupListQuery): Promise<TGroupList> => {
  const text = query.q.trim().toLowerCase();
  const where = { workspaceId, ...(text ? { displayNameKey: { contains: text } } : {}) };
  const [rows, total] = await Promise.all([
    db.group.findMany({
      where,
      orderBy: [{ displayNameKey: "asc" }, { id: "asc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: { id: true, displayName: true, externalId: true, updatedAt: true },
    }),
    db.group.count({ where }),
  ]);
  const counts = rows.length
    ? await db.groupMember.groupBy({ by: ["groupId"], where: { workspaceId, groupId: { in: rows.map((g) => g.id) } }, _count: { _all: true } })
    : [];
  const countOf = new Map(counts.map((c) => [c.groupId, c._count._all]));
  return {
    rows: rows.map((g) => ({ id: g.id, displayName: g.displayName, externalId: g.externalId, memberCount: countOf.get(g.id) ?? 0, updatedAt: g.updatedAt.toISOString() })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
};
