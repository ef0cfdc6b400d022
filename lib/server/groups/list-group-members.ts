// One page of a group's members by name, paged in the database: groups can have tens of thousands.
// Two plans, whichever reads fewer rows: walk the group's members (primary-key prefix) and sort
// them, or walk the workspace's employees in name order (index) and keep the members, which stops
// as soon as the page is full — the better plan for big groups.
import "server-only";
import { db } from "@/lib/db/client";
import type { TMemberList, TMemberListQuery } from "@/lib/groups/list-query";
import { searchWhere } from "@/lib/server/employees/employee-where";

const EMPLOYEE_SELECT = { id: true, displayName: true, email: true, title: true, status: true } as const;

export const listGroupMembers = async (workspaceId: string, groupId: string, query: TMemberListQuery): Promise<TMemberList> => {
  const skip = (query.page - 1) * query.pageSize;
  const search = searchWhere(query.q);
  const memberWhere = { workspaceId, groupId, ...(query.q ? { employee: search } : {}) };
  const [total, employees] = await Promise.all([db.groupMember.count({ where: memberWhere }), query.q ? Promise.resolve(0) : db.employee.count({ where: { workspaceId } })]);

  // Employees read by the name-order walk ≈ the page's end spread over the group's share of them.
  const walk = total === 0 ? Infinity : ((skip + query.pageSize) * employees) / total;
  if (!query.q && walk < total) {
    const rows = await db.employee.findMany({
      where: { workspaceId, memberships: { some: { groupId } } },
      orderBy: [{ displayNameKey: "asc" }, { id: "asc" }],
      skip,
      take: query.pageSize,
      select: { ...EMPLOYEE_SELECT, memberships: { where: { groupId }, select: { createdAt: true } } },
    });
    return {
      rows: rows.map(({ memberships, ...e }) => ({ ...e, addedAt: (memberships[0]?.createdAt ?? new Date(0)).toISOString() })),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
  const rows = await db.groupMember.findMany({
    where: memberWhere,
    orderBy: [{ employee: { displayNameKey: "asc" } }, { employeeId: "asc" }],
    skip,
    take: query.pageSize,
    select: { createdAt: true, employee: { select: EMPLOYEE_SELECT } },
  });
  return { rows: rows.map((m) => ({ ...m.employee, addedAt: m.createdAt.toISOString() })), total, page: query.page, pageSize: query.pageSize };
};
