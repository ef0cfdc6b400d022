import { withAdmin } from "@/lib/server/auth/admin-api";
import { listAdmins } from "@/lib/server/workspaces/admins";
import { listPendingInvites } from "@/lib/server/workspaces/invites";

export const dynamic = "force-dynamic";

export const GET = withAdmin(async (_req, { workspace, user, role }) => {
  const [admins, invites] = await Promise.all([listAdmins(workspace.id), listPendingInvites(workspace.id)]);
  return Response.json({ admins, invites, me: { userId: user.id, role } });
});
