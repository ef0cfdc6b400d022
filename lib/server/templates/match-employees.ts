// Which employees a template's rules match, with the same matcher provisioning uses, on what
// Muster shows (a department the workspace does not apply matches nothing). Rules can name any
// SCIM attribute path, which no index covers, so employees are read in chunks in creation order
// (the (workspaceId, createdAt) index, keyset on createdAt) and judged in memory; rules on named
// attributes and groups only read the profile columns, not the stored SCIM documents.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { RULE_ATTRIBUTES, rulesMatch, subjectOf, ZRules, type TRules, type TShownSettings } from "@/lib/provisioning/templates";
import { CARD_EMPLOYEE_SELECT, type TCardEmployee } from "@/lib/server/cards/card-source";
import type { TMatchList, TMatchRow } from "@/lib/templates/dto";

export const MATCHES_PAGE_SIZE = 25;
export const SCAN_CHUNK = 2000;

export const ZMatchQuery = z.object({
  rules: ZRules,
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(MATCHES_PAGE_SIZE),
});
export type TMatchQuery = z.input<typeof ZMatchQuery>;

const notArchived = { status: { not: "ARCHIVED" } };
const SCAN_SELECT = { ...CARD_EMPLOYEE_SELECT, createdAt: true, displayNameKey: true, status: true } as const;
export type TScanned = TCardEmployee & { createdAt: Date; displayNameKey: string | null; status: string };

/**
 * Employees created after `after`: about `size` of them, never splitting equal timestamps. A plain
 * range on the (workspaceId, createdAt) index; archived ones are dropped here, not in SQL, so the
 * range stays one index walk.
 */
const scanChunk = async (workspaceId: string, after: Date | null, size = SCAN_CHUNK) => {
  const batch: TScanned[] = await db.employee.findMany({
    where: { workspaceId, ...(after ? { createdAt: { gt: after } } : {}) },
    orderBy: { createdAt: "asc" },
    take: size,
    select: SCAN_SELECT,
  });
  const live = (rows: TScanned[]) => rows.filter((e) => e.status !== "ARCHIVED");
  if (batch.length < size) return { rows: live(batch), scanned: batch.length, last: batch.at(-1)?.createdAt ?? after, done: true };
  // Rows sharing the last timestamp may go on past the batch: read them all by equality.
  const last = batch[batch.length - 1]!.createdAt;
  const tied: TScanned[] = await db.employee.findMany({ where: { workspaceId, createdAt: last }, select: SCAN_SELECT });
  const rows = [...batch.filter((e) => e.createdAt.getTime() !== last.getTime()), ...tied];
  return { rows: live(rows), scanned: rows.length, last, done: false };
};

const GROUP_ATTRIBUTES = ["group", "groups", "groups.display"];
const usesGroups = (rules: TRules) => rules.some((r) => r.some((c) => GROUP_ATTRIBUTES.includes(c.attribute.trim().toLowerCase())));
const NAMED = new Set<string>([...RULE_ATTRIBUTES.map((a) => a.id), ...GROUP_ATTRIBUTES]);
/** Rules on SCIM attribute paths read the IdP's document; the others read Muster's columns. */
const usesPaths = (rules: TRules) => rules.some((r) => r.some((c) => !NAMED.has(c.attribute.trim().toLowerCase())));

/**
 * An employee as a rule sees it. Without path rules the profile columns stand for the document:
 * they hold what the IdP sent for every attribute the workspace applies.
 */
const subjectFor = (e: TScanned, groups: string[], shown: TShownSettings, paths: boolean) =>
  paths || e.scimDoc === null
    ? subjectOf(e, groups, shown)
    : { doc: {}, department: shown.applyDepartment ? e.department : null, title: e.title, location: shown.applyLocation ? e.location : null, company: e.organization, groups };

/** Group names per employee, for rules on group membership: groups are few, so their names come from one map. */
const groupNames = async (workspaceId: string, employeeIds: string[], names: Map<string, string>) => {
  const rows = await db.groupMember.findMany({ where: { workspaceId, employeeId: { in: employeeIds } }, select: { employeeId: true, groupId: true } });
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const name = names.get(r.groupId);
    if (name) out.set(r.employeeId, [...(out.get(r.employeeId) ?? []), name]);
  }
  return out;
};

/** A matcher over scanned rows; reads group names only when the rules need them. */
export const matcher = async (workspaceId: string, rules: TRules) => {
  const [groupRows, shown] = await Promise.all([
    usesGroups(rules) ? db.group.findMany({ where: { workspaceId }, select: { id: true, displayName: true } }) : null,
    db.workspace.findUnique({ where: { id: workspaceId }, select: { applyDepartment: true, applyLocation: true } }),
  ]);
  const names = groupRows ? new Map(groupRows.map((g) => [g.id, g.displayName])) : null;
  const settings = shown ?? { applyDepartment: true, applyLocation: true };
  const paths = usesPaths(rules);
  return async (rows: TScanned[]) => {
    const groups = names && rows.length ? await groupNames(workspaceId, rows.map((e) => e.id), names) : new Map<string, string[]>();
    return rows.filter((e) => rulesMatch(subjectFor(e, groups.get(e.id) ?? [], settings, paths), rules));
  };
};

/** One chunk of the scan: the matches among the next employees after `after`. */
export const matchChunk = async (workspaceId: string, rules: TRules, after: Date | null) => {
  const chunk = await scanChunk(workspaceId, after);
  const match = await matcher(workspaceId, rules);
  return { matches: await match(chunk.rows), scanned: chunk.scanned, last: chunk.last, done: chunk.done };
};

/** Ids of every non-archived employee the rules match, by name. */
export const matchingEmployeeIds = async (workspaceId: string, rules: TRules): Promise<{ ids: string[]; scanned: number }> => {
  const match = await matcher(workspaceId, rules);
  const found: { id: string; key: string }[] = [];
  let after: Date | null = null;
  let scanned = 0;
  for (;;) {
    const chunk: Awaited<ReturnType<typeof scanChunk>> = await scanChunk(workspaceId, after);
    scanned += chunk.rows.length;
    for (const e of await match(chunk.rows)) found.push({ id: e.id, key: e.displayNameKey ?? "" });
    if (chunk.done) break;
    after = chunk.last;
  }
  found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1));
  return { ids: found.map((m) => m.id), scanned };
};

const ROW_SELECT = { id: true, displayName: true, email: true, title: true, department: true, status: true, template: { select: { name: true } } } as const;
type Loaded = { id: string; displayName: string | null; email: string | null; title: string | null; department: string | null; status: string; template: { name: string } | null };
const toRow = (e: Loaded): TMatchRow => ({ id: e.id, displayName: e.displayName, email: e.email, title: e.title, department: e.department, status: e.status, template: e.template?.name ?? null });

/** Employees in the workspace, archived ones included (what a full scan reads). Index-only counts. */
export const countEmployees = (workspaceId: string) => db.employee.count({ where: { workspaceId } });

// "status <> ARCHIVED" would walk every entry of the status index; two index counts are instant.
const countLive = async (workspaceId: string) => {
  const [all, archived] = await Promise.all([db.employee.count({ where: { workspaceId } }), db.employee.count({ where: { workspaceId, status: "ARCHIVED" } })]);
  return all - archived;
};

export const previewMatches = async (workspaceId: string, input: TMatchQuery): Promise<TMatchList> => {
  const { rules, page, pageSize } = ZMatchQuery.parse(input);
  const skip = (page - 1) * pageSize;
  // No rules match every employee: the database pages that directly.
  if (rules.length === 0) {
    const where = { workspaceId, ...notArchived };
    const [total, rows] = await Promise.all([
      countLive(workspaceId),
      db.employee.findMany({ where, orderBy: [{ displayNameKey: "asc" }, { id: "asc" }], skip, take: pageSize, select: ROW_SELECT }),
    ]);
    return { rows: rows.map(toRow), total, page, pageSize, scanned: total };
  }
  const { ids, scanned } = await matchingEmployeeIds(workspaceId, rules);
  const pageIds = ids.slice(skip, skip + pageSize);
  const loaded = pageIds.length ? await db.employee.findMany({ where: { workspaceId, id: { in: pageIds } }, select: ROW_SELECT }) : [];
  const byId = new Map(loaded.map((e) => [e.id, e]));
  return { rows: pageIds.flatMap((id) => (byId.has(id) ? [toRow(byId.get(id)!)] : [])), total: ids.length, page, pageSize, scanned };
};
