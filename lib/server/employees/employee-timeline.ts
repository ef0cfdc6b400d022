// Every SCIM request about one employee, newest first: the changes it went through, whatever SCIM
// ids it had (a deleted user provisioned again gets a new one) — on the (workspaceId, employeeId,
// at) index — and the reads and refused requests of its current SCIM id, on (workspaceId,
// resourceId, at).
import "server-only";
import { db } from "@/lib/db/client";
import { TIMELINE_PAGE_SIZE, type TTimelinePage } from "@/lib/employees/timeline";

const whereOf = (workspaceId: string, employee: { id: string; scimId: string | null }) => ({
  workspaceId,
  OR: [{ employeeId: employee.id }, ...(employee.scimId ? [{ resourceType: "User", resourceId: employee.scimId, employeeId: null }] : [])],
});

export const employeeTimeline = async (workspaceId: string, employeeId: string, page = 1, pageSize = TIMELINE_PAGE_SIZE): Promise<TTimelinePage> => {
  const employee = await db.employee.findFirst({ where: { id: employeeId, workspaceId }, select: { id: true, scimId: true } });
  if (!employee) return { events: [], total: 0, page, pageSize };
  const where = whereOf(workspaceId, employee);
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
export const employeeExists = async (workspaceId: string, id: string) => (await db.employee.count({ where: { id, workspaceId } })) > 0;
