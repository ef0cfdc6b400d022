import { withAdmin } from "@/lib/server/auth/admin-api";
import { restoreEmployee } from "@/lib/server/employees/archive-employee";

/** Restores an employee archived by hand; IdP-owned ones are 403. */
export const POST = withAdmin<{ slug: string; id: string }>(async (_req, { workspace }, { id }) => {
  await restoreEmployee(workspace.id, id);
  return Response.json({ ok: true, status: "MANUAL" });
});
