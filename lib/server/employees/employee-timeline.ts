// Every SCIM request that touched one employee, newest first, on the
// (workspaceId, resourceId, at) index.
import "server-only";
import { db } from "@/lib/db/client";
import { TIMELINE_PAGE_SIZE, type TTimelinePage } from "@/lib/employees/timeline";


export const employeeTimeline = async (workspaceId: string, employeeId: string, page = 1, pageSize = TIMELINE_PAGE_SIZE): Promise<TTimelinePage> => {
  const where = { workspaceId, resourceId: employeeId };
  const [rows, total] = await Promise.all([
    db.provisioningEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, at: true, method: true, path: true, status: true, summary: true, error: true },
    }),
    db.provisioningEvent.count({ where }),
  ]);
  return { events: rows.map((r) => ({ ...r, at: r.at.toISOString() })), total, page, pageSize };
};

/** Whether the employee exists in this workspace (the timeline route's 404). */
export const employeeExists = async (workspaceId: string, id: string) =>
  (await db.employee.count({ where: { id, workspaceId } })) > 0;
