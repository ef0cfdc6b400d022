import { withAdmin } from "@/lib/server/auth/admin-api";
import { UserError } from "@/lib/server/errors";
import { changeAdminRole, removeAdmin, tokensStoppedByRemoval, ZChangeRole } from "@/lib/server/workspaces/admins";

export const dynamic = "force-dynamic";

type Params = { slug: string; id: string };

const ownersOnly = (role: string) => {
  if (role !== "OWNER") throw new UserError("Only an owner of the workspace can change roles or remove admins.", undefined, "forbidden");
};

/** What removing this admin would break: the SCIM tokens they created in the dashboard. */
export const GET = withAdmin<Params>(async (_req, { workspace }, { id }) => Response.json({ stoppingTokens: await tokensStoppedByRemoval(workspace.id, id) }));

export const PATCH = withAdmin<Params>(async (req, { workspace, role }, { id }) => {
  ownersOnly(role);
  const body = ZChangeRole.parse(await req.json().catch(() => ({})));
  return Response.json({ admin: await changeAdminRole(workspace.id, id, body.role) });
});

export const DELETE = withAdmin<Params>(async (_req, { workspace, role }, { id }) => {
  ownersOnly(role);
  return Response.json(await removeAdmin(workspace.id, id));
});
