// The workspace's roles in order, with how many employees hold each; POST creates one (it goes last).
import { ZRoleInput } from "@/lib/roles/schemas";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { createRole } from "@/lib/server/roles/create-role";
import { listRoles } from "@/lib/server/roles/list-roles";

export const GET = withAdmin(async (_req, { workspace }) => Response.json({ roles: await listRoles(workspace.id) }, { headers: { "Cache-Control": "no-store" } }));

export const POST = withAdmin(async (req, { workspace }) => {
  const input = ZRoleInput.parse(await req.json().catch(() => ({})));
  return Response.json({ role: await createRole(workspace.id, input) }, { status: 201 });
});
