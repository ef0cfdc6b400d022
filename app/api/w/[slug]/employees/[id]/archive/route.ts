import { withAdmin } from "@/lib/server/auth/admin-api";
import { archiveEmployee } from "@/lib/server/employees/archive-employee";

/** Archives an employee Muster owns (MANUAL); IdP-owned ones are 403. */
export const POST = withAdmin<{ slug: string; id: string }>(async (_req, { workspace, user }, { id }) => {
  await archiveEmployee(workspace.id, id, { email: user.email, slug: workspace.slug });
  return Response.json({ ok: true, status: "ARCHIVED" });
});
