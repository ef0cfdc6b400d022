// The employees table: one page of rows, per-tab counts and the seat count, from indexed queries
// only. SQLite plans without statistics (no ANALYZE), so queries are shaped to leave its planner
// one good index: a search first collects its matches from single-range index scans.
import "server-only";
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/sqlite/client";
import { attributeColumns } from "@/lib/server/attributes/list-attribute-values";
import { columnKeys, type TActivation, type TEmployeeCounts, TEmployeeList, TEmployeeListQuery, TEmployeeRow, TEmployeeSort, TEmployeeStatus, TEmployeeTab } from "@/lib/employees/list-query";
import { outboxStatus } from "@/lib/server/email/outbox-status";
import { employeeWhere, searchBranches, searchWhere } from "./employee-where";

type Dir = "asc" | "desc";

export const employeeOrderBy = (sort: TEmployeeSort, dir: Dir): Prisma.EmployeeOrderByWithRelationInput[] => {
  switch (sort) {
    case "name":
      return [{ displayNameKey: dir }, { id: dir }];
    case "email":
      return [{ emailKey: dir }, { id: dir }];
    case "status":
      // One direction throughout, so the (workspaceId, status, displayNameKey) index serves it either way.
      return [{ status: dir }, { displayNameKey: dir }, { id: dir }];
    case "updated":
      return [{ updatedAt: dir }, { id: dir }];
  }
};

export const ROW_SELECT = { id: true, displayName: true, email: true, title: true, department: true, status: true, activatedAt: true, updatedAt: true } as const;

type RowRecord = { id: string; displayName: string | null; email: string | null; title: string | null; department: string | null; status: string; activatedAt: Date | null; updatedAt: Date };

const activationOf = (e: RowRecord): TActivation =>
  e.status === "ARCHIVED" ? { state: "archived", at: null } : e.activatedAt ? { state: "activated", at: e.activatedAt.toISOString() } : { state: "not-sent", at: null };

export const toRow = (e: RowRecord): TEmployeeRow => ({
  id: e.id,
  displayName: e.displayName,
  email: e.email,
  title: e.title,
  department: e.department,
  status: e.status as TEmployeeStatus,
  pendingActivation: e.status !== "ARCHIVED" && e.activatedAt === null,
  activation: activationOf(e),
  updatedAt: e.updatedAt.toISOString(),
});

const countsFrom = (byStatus: { status: string; _count: { _all: number } }[], pending: number): TEmployeeCounts => {
  const of = (s: string) => byStatus.find((g) => g.status === s)?._count._all ?? 0;
  return { all: byStatus.reduce((n, g) => n + g._count._all, 0), synced: of("SYNCED"), linked: of("LINKED"), manual: of("MANUAL"), archived: of("ARCHIVED"), pending };
};

/**
 * Employees per tab for a search (or none): one groupBy on status — a covering index scan without
 * a search — and one count for pending activation, which reads the not-yet-activated rows.
 */
export const countEmployees = async (workspaceId: string, q = ""): Promise<TEmployeeCounts> => {
  const where = { workspaceId, ...searchWhere(q) };
  const [byStatus, pending] = await Promise.all([
    db.employee.groupBy({ by: ["status"], where, _count: { _all: true } }),
    db.employee.count({ where: { ...where, activatedAt: null, status: { not: "ARCHIVED" } } }),
  ]);
  return countsFrom(byStatus, pending);
};

const listFromDatabase = async (workspaceId: string, query: TEmployeeListQuery): Promise<TEmployeeList> => {
  const [rows, counts, seats] = await Promise.all([
    db.employee.findMany({
      where: employeeWhere(workspaceId, query.tab, query.q),
      orderBy: employeeOrderBy(query.sort, query.dir),
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      select: ROW_SELECT,
    }),
    countEmployees(workspaceId, query.q),
    query.q ? countSeats(workspaceId) : Promise.resolve(null),
  ]);
  return { rows: rows.map(toRow), total: counts[query.tab], counts, seats: seats ?? counts.all - counts.archived, page: query.page, pageSize: query.pageSize };
};

// ---------- search ----------

/** Above this many matches in one branch, the search is counted and paged by the database instead. */
export const SEARCH_COLLECT_LIMIT = 5000;

type Match = RowRecord & { displayNameKey: string | null; emailKey: string | null };

const collectMatches = async (workspaceId: string, q: string): Promise<Match[] | null> => {
  const branches = await Promise.all(
    searchBranches(q).map((branch) =>
      db.employee.findMany({
        where: { workspaceId, ...branch },
        // Whole rows: fetching the page again by id would let SQLite's planner prefer a workspaceId index.
        select: { ...ROW_SELECT, displayNameKey: true, emailKey: true },
        take: SEARCH_COLLECT_LIMIT + 1,
      }),
    ),
  );
  if (branches.some((b) => b.length > SEARCH_COLLECT_LIMIT)) return null;
  const byId = new Map<string, Match>();
  for (const b of branches) for (const m of b) byId.set(m.id, m);
  return [...byId.values()];
};

const inTab = (m: Match, tab: TEmployeeTab) => {
  switch (tab) {
    case "all":
      return true;
    case "pending":
      return m.status !== "ARCHIVED" && m.activatedAt === null;
    default:
      return m.status === tab.toUpperCase();
  }
};

// The same order as employeeOrderBy; NULL first when ascending, as SQLite sorts it.
const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
const comparator = (sort: TEmployeeSort, dir: Dir) => {
  const sign = dir === "asc" ? 1 : -1;
  return (a: Match, b: Match) => {
    switch (sort) {
      case "name":
        return sign * (cmp(a.displayNameKey ?? "", b.displayNameKey ?? "") || cmp(a.id, b.id));
      case "email":
        return sign * (cmp(a.emailKey ?? "", b.emailKey ?? "") || cmp(a.id, b.id));
      case "status":
        return sign * (cmp(a.status, b.status) || cmp(a.displayNameKey ?? "", b.displayNameKey ?? "") || cmp(a.id, b.id));
      case "updated":
        return sign * (cmp(a.updatedAt.getTime(), b.updatedAt.getTime()) || cmp(a.id, b.id));
    }
  };
};

const listFromMatches = async (workspaceId: string, query: TEmployeeListQuery, matches: Match[]): Promise<TEmployeeList> => {
  const counts = { all: 0, synced: 0, linked: 0, manual: 0, archived: 0, pending: 0 } satisfies TEmployeeCounts;
  for (const m of matches) for (const tab of Object.keys(counts) as TEmployeeTab[]) if (inTab(m, tab)) counts[tab]++;
  const ordered = matches.filter((m) => inTab(m, query.tab)).sort(comparator(query.sort, query.dir));
  const seats = await countSeats(workspaceId);
  return {
    rows: ordered.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map(toRow),
    total: counts[query.tab],
    counts,
    seats,
    page: query.page,
    pageSize: query.pageSize,
  };
};

/** Seats: employees who are not archived (from the covering status index; `status <> …` can use no index). */
export const countSeats = async (workspaceId: string) => {
  const byStatus = await db.employee.groupBy({ by: ["status"], where: { workspaceId }, _count: { _all: true } });
  return byStatus.reduce((n, g) => n + (g.status === "ARCHIVED" ? 0 : g._count._all), 0);
};

const listRows = async (workspaceId: string, query: TEmployeeListQuery): Promise<TEmployeeList> => {
  if (!searchBranches(query.q).length) return listFromDatabase(workspaceId, { ...query, q: "" });
  const matches = await collectMatches(workspaceId, query.q);
  return matches ? listFromMatches(workspaceId, query, matches) : listFromDatabase(workspaceId, query);
};

/**
 * The newest activation email of each pending employee on the page, from the outbox's employeeId
 * index: a page is at most MAX_PAGE_SIZE employees, each with a handful of emails.
 */
const withActivationEmails = async (workspaceId: string, list: TEmployeeList): Promise<TEmployeeList> => {
  const pending = list.rows.filter((r) => r.activation.state === "not-sent").map((r) => r.id);
  if (!pending.length) return list;
  const emails = await db.outboxEmail.findMany({
    where: { workspaceId, employeeId: { in: pending }, kind: "activation" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { employeeId: true, createdAt: true, sentAt: true, attempts: true, lastError: true },
  });
  const newest = new Map<string, TActivation>();
  for (const m of emails) {
    if (!m.employeeId || newest.has(m.employeeId)) continue;
    const status = outboxStatus(m);
    // A skipped email was never delivered: the one before it, if any, says more.
    if (status === "skipped") continue;
    newest.set(m.employeeId, status === "sent" || status === "kept" ? { state: status, at: (m.sentAt ?? m.createdAt).toISOString() } : { state: "queued", at: m.createdAt.toISOString() });
  }
  return { ...list, rows: list.rows.map((r) => (newest.has(r.id) ? { ...r, activation: newest.get(r.id)! } : r)) };
};

/** One page of employees, with the custom attribute columns asked for (read for the page's rows at once). */
export const listEmployees = async (workspaceId: string, query: TEmployeeListQuery): Promise<TEmployeeList> => {
  const list = await withActivationEmails(workspaceId, await listRows(workspaceId, query));
  const keys = columnKeys(query.cols);
  if (!keys.length) return list;
  const { columns, values } = await attributeColumns(workspaceId, list.rows.map((r) => r.id), keys);
  return { ...list, columns, rows: list.rows.map((r) => ({ ...r, attributes: values.get(r.id) ?? {} })) };
};
