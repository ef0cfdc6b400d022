// One employee as JSON (what the detail page shows at the top); another workspace's id is a 404.
import { withAdmin } from "@/lib/server/auth/admin-api";
import { getEmployee } from "@/lib/server/employees/get-employee";

export const GET = withAdmin<{ slug: string; id: string }>(async (_req, { workspace }, { id }) => {
  const e = await getEmployee(workspace.id, id);
  if (!e) return Response.json({ error: "Not found" }, { status: 404 });
  return Response.json({
    id: e.id,
    status: e.status,
    active: e.active,
    displayName: e.displayName,
    email: e.email,
    title: e.title,
    department: e.department,
    role: e.role,
    roleSource: e.roleSource,
    userName: e.userName,
    externalId: e.externalId,
    linkedAt: e.linkedAt,
    archivedAt: e.archivedAt,
    activatedAt: e.activatedAt,
    managedByIdp: e.scimDoc !== null,
    manager: e.manager ? { id: e.manager.id, displayName: e.manager.displayName } : null,
    groups: e.groups,
    updatedAt: e.updatedAt,
  });
});
