import { withAdmin } from "@/lib/server/auth/admin-api";
import { restoreEmployee } from "@/lib/server/employees/archive-employee";

/** Restores an employee archived by hand; IdP-owned ones are 403. */
export const POST = withAdmin<{ slug: string; id: string }>(async (_req, { workspace, user }, { id }) => {
  await restoreEmployee(workspace.id, id, { email: user.email, slug: workspace.slug });
  return Response.json({ ok: true, status: "MANUAL" });
});
