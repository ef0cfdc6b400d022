// The colleagues directory an employee whose role allows it (`colleagues`) opens: everyone in the
// workspace who is not archived and whose role is listed publicly (`listed`), each with their card,
// searched by the start of a name or email and paged in the database.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { cardRecord } from "@/lib/provisioning/card-fields";
import { parseCapabilities } from "@/lib/roles/roles";
import { CARD_EMPLOYEE_SELECT, SETTINGS_SELECT, untouchedCard } from "@/lib/server/cards/card-source";
import { searchBranches, searchWhere } from "@/lib/server/employees/employee-where";

export const COLLEAGUES_PAGE_SIZE = 12;
/** Above this many matches in one branch, a search is ordered and paged by the name index instead. */
const SEARCH_COLLECT_LIMIT = 5000;

const COLLEAGUE_SELECT = {
  ...CARD_EMPLOYEE_SELECT,
  workspaceId: true,
  manager: { select: { displayName: true, email: true } },
  cardFields: { select: { key: true, value: true } },
} as const;

export type TColleague = { id: string; fields: Record<string, string | null> };
export type TColleaguePage = { rows: TColleague[]; total: number; page: number; pageSize: number };

export const listColleagues = async (me: { id: string; workspaceId: string }, q: string, page: number): Promise<TColleaguePage> => {
  const { workspaceId } = me;
  const [roles, settings] = await Promise.all([
    db.role.findMany({ where: { workspaceId }, select: { key: true, capabilities: true } }),
    db.workspace.findUnique({ where: { id: workspaceId }, select: SETTINGS_SELECT }),
  ]);
  // Roles are few; only holders of a role that is listed are shown (a key no role has any more lists
  // nobody, as its share page is 404 too). IN over a handful of keys keeps the name index
  // (workspaceId, displayNameKey) the one that orders and pages at 100,000 employees.
  const listed = roles.filter((r) => parseCapabilities(r.capabilities).includes("listed")).map((r) => r.key);
  const base = {
    workspaceId,
    id: { not: me.id },
    status: { not: "ARCHIVED" },
    active: true,
    role: { in: listed },
  };
  const skip = (page - 1) * COLLEAGUES_PAGE_SIZE;
  const select = COLLEAGUE_SELECT;
  const orderBy = [{ displayNameKey: "asc" as const }, { id: "asc" as const }];

  // A search's OR of prefixes would make SQLite walk the whole name index in order; each branch
  // alone is one index range, so the matches are collected per branch, merged and paged here.
  const collected = searchBranches(q).length ? await collect(base, q) : null;
  const [pageRows, total] = collected
    ? [await byIds(workspaceId, collected.slice(skip, skip + COLLEAGUES_PAGE_SIZE).map((r) => r.id)), collected.length]
    : await Promise.all([
        db.employee.findMany({ where: { ...base, ...searchWhere(q) }, orderBy, skip, take: COLLEAGUES_PAGE_SIZE, select }),
        db.employee.count({ where: { ...base, ...searchWhere(q) } }),
      ]);
  const apply = settings ?? { applyLocation: true, applyDepartment: true, applyManager: true };
  return {
    rows: pageRows.map((e) => ({
      id: e.id,
      // A card nobody has saved yet is the untouched profile, as on /me and /c.
      fields: cardRecord(e.cardFields.length ? e.cardFields : untouchedCard(e, apply, e.manager?.displayName || e.manager?.email || null)),
    })),
    total,
    page,
    pageSize: COLLEAGUES_PAGE_SIZE,
  };
};

type Base = Prisma.EmployeeWhereInput;

/** Every match of a search in name order, or null when a branch has too many to collect. */
const collect = async (base: Base, q: string): Promise<{ id: string }[] | null> => {
  const branches = await Promise.all(
    searchBranches(q).map((branch) => db.employee.findMany({ where: { ...base, ...branch }, select: { id: true, displayNameKey: true }, take: SEARCH_COLLECT_LIMIT + 1 })),
  );
  if (branches.some((b) => b.length > SEARCH_COLLECT_LIMIT)) return null;
  const byId = new Map(branches.flat().map((m) => [m.id, m]));
  const key = (m: { displayNameKey: string | null }) => m.displayNameKey ?? "";
  return [...byId.values()].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
};

/**
 * The page's rows, in the given order. By primary key alone: with a workspaceId condition SQLite,
 * planning without statistics, walks a workspaceId index instead. The ids come from this
 * workspace's search, and every row is checked against it again.
 */
const byIds = async (workspaceId: string, ids: string[]) => {
  if (!ids.length) return [];
  const rows = await db.employee.findMany({ where: { id: { in: ids } }, select: COLLEAGUE_SELECT });
  const byId = new Map(rows.filter((r) => r.workspaceId === workspaceId).map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
};
