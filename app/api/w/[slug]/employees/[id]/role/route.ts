// PUT { role }: an admin gives this employee a role; syncs leave a role set by hand alone.
import { ZSetEmployeeRole } from "@/lib/roles/schemas";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { setEmployeeRole } from "@/lib/server/roles/set-employee-role";

type P = { slug: string; id: string };

export const PUT = withAdmin<P>(async (req, { workspace, user }, { id }) => {
  const { role } = ZSetEmployeeRole.parse(await req.json().catch(() => ({})));
  return Response.json(await setEmployeeRole(workspace.id, id, role, { email: user.email, slug: workspace.slug }));
});
