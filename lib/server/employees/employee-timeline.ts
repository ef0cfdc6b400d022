// An employee's whole history, newest first, a keyset page at a time. Three sources, each read on
// its own index and limited to one page, then merged by (at, id):
// - the requests that changed the employee, whatever SCIM ids it had (a deleted user provisioned
//   again gets a new one), and the dashboard's changes — ProvisioningEvent on (workspaceId, employeeId, at);
// - the reads and refused requests of its current SCIM id — ProvisioningEvent on (workspaceId, resourceId, at);
// - its part in requests about groups (added, removed, a role from a group rule) — EmployeeEvent on
//   (workspaceId, employeeId, at).
import "server-only";
import { db } from "@/lib/db/client";
import { cursorOf } from "@/lib/events/filters";
import { TIMELINE_PAGE_SIZE, type TTimelineEvent, type TTimelinePage } from "@/lib/employees/timeline";

export type TimelineCursor = { at: Date; id: string };

// Rows strictly after the cursor in (at desc, id desc) order; `at <= cursor` lets the index seek to it.
const after = (cursor: TimelineCursor | undefined) => (cursor ? { AND: [{ at: { lte: cursor.at } }, { OR: [{ at: { lt: cursor.at } }, { id: { lt: cursor.id } }] }] } : {});

const membershipOf = (m: string | null): "added" | "removed" | null => (m === "added" ? "added" : m === "removed" ? "removed" : null);

const requestSelect = { id: true, at: true, method: true, path: true, status: true, summary: true, error: true } as const;
const order = [{ at: "desc" as const }, { id: "desc" as const }];

export const employeeTimeline = async (workspaceId: string, employeeId: string, cursor?: TimelineCursor, pageSize = TIMELINE_PAGE_SIZE): Promise<TTimelinePage> => {
  const employee = await db.employee.findFirst({ where: { id: employeeId, workspaceId }, select: { id: true, scimId: true } });
  if (!employee) return { events: [], total: 0, pageSize, nextCursor: null };
  const take = pageSize + 1;
  const own = { workspaceId, employeeId: employee.id };
  const reads = employee.scimId ? { workspaceId, resourceType: "User", resourceId: employee.scimId, employeeId: null } : null;
  const [changes, readRows, groupRows, total] = await Promise.all([
    db.provisioningEvent.findMany({ where: { ...own, ...after(cursor) }, orderBy: order, take, select: requestSelect }),
    reads ? db.provisioningEvent.findMany({ where: { ...reads, ...after(cursor) }, orderBy: order, take, select: requestSelect }) : Promise.resolve([]),
    db.employeeEvent.findMany({
      where: { ...own, ...after(cursor) },
      orderBy: order,
      take,
      select: { id: true, at: true, eventId: true, groupId: true, groupName: true, membership: true, roleChange: true, summary: true },
    }),
    // The count comes with the first page: each part is counted on its index.
    cursor
      ? Promise.resolve(null)
      : Promise.all([db.provisioningEvent.count({ where: own }), reads ? db.provisioningEvent.count({ where: reads }) : 0, db.employeeEvent.count({ where: own })]).then((n) => n[0] + n[1] + n[2]),
  ]);
  const merged: (TTimelineEvent & { date: Date })[] = [
    ...[...changes, ...readRows].map((r) => ({ kind: "request" as const, ...r, eventId: r.id, date: r.at, at: r.at.toISOString() })),
    ...groupRows.map(({ membership, ...r }) => ({
      kind: "group" as const,
      ...r,
      membership: membershipOf(membership),
      date: r.at,
      at: r.at.toISOString(),
    })),
  ].sort((a, b) => b.date.getTime() - a.date.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  const page = merged.slice(0, pageSize);
  const last = page.at(-1);
  return {
    events: page.map(({ date: _date, ...e }) => e),
    total,
    pageSize,
    nextCursor: merged.length > pageSize && last ? cursorOf(last) : null,
  };
};

/** Whether the employee exists in this workspace (the timeline route's 404). */
export const employeeExists = async (workspaceId: string, id: string) => (await db.employee.count({ where: { id, workspaceId } })) > 0;
