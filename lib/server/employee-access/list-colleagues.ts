// The colleagues directory an employee whose role allows it (`colleagues`) opens: everyone in the
// workspace who is not archived and whose role is listed publicly (`listed`), each with their card,
// searched by the start of a name or email and paged in the database.
import "server-only";
import { db } from "@/lib/db/client";
import { cardRecord } from "@/lib/provisioning/card-fields";
import { parseCapabilities } from "@/lib/roles/roles";
import { CARD_EMPLOYEE_SELECT, SETTINGS_SELECT, untouchedCard } from "@/lib/server/cards/card-source";
import { searchWhere } from "@/lib/server/employees/employee-where";

export const COLLEAGUES_PAGE_SIZE = 12;

export type TColleague = { id: string; fields: Record<string, string | null> };
export type TColleaguePage = { rows: TColleague[]; total: number; page: number; pageSize: number };

export const listColleagues = async (me: { id: string; workspaceId: string }, q: string, page: number): Promise<TColleaguePage> => {
  const { workspaceId } = me;
  const [roles, settings] = await Promise.all([
    db.role.findMany({ where: { workspaceId }, select: { key: true, capabilities: true } }),
    db.workspace.findUnique({ where: { id: workspaceId }, select: SETTINGS_SELECT }),
  ]);
  // Roles are few; the ones that are not listed are left out with NOT IN, which keeps the name
  // index (workspaceId, displayNameKey) the one that orders and pages at 100,000 employees.
  const unlisted = roles.filter((r) => !parseCapabilities(r.capabilities).includes("listed")).map((r) => r.key);
  const where = {
    workspaceId,
    id: { not: me.id },
    status: { not: "ARCHIVED" },
    active: true,
    ...(unlisted.length ? { role: { notIn: unlisted } } : {}),
    ...searchWhere(q),
  };
  const [rows, total] = await Promise.all([
    db.employee.findMany({
      where,
      orderBy: [{ displayNameKey: "asc" }, { id: "asc" }],
      skip: (page - 1) * COLLEAGUES_PAGE_SIZE,
      take: COLLEAGUES_PAGE_SIZE,
      select: { ...CARD_EMPLOYEE_SELECT, manager: { select: { displayName: true, email: true } }, cardFields: { select: { key: true, value: true } } },
    }),
    db.employee.count({ where }),
  ]);
  const apply = settings ?? { applyLocation: true, applyDepartment: true, applyManager: true };
  return {
    rows: rows.map((e) => ({
      id: e.id,
      // A card nobody has saved yet is the untouched profile, as on /me and /c.
      fields: cardRecord(e.cardFields.length ? e.cardFields : untouchedCard(e, apply, e.manager?.displayName || e.manager?.email || null)),
    })),
    total,
    page,
    pageSize: COLLEAGUES_PAGE_SIZE,
  };
};
