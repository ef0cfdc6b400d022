import { withAdmin } from "@/lib/server/auth/admin-api";
import { createInvite, ZCreateInvite } from "@/lib/server/workspaces/invites";

export const dynamic = "force-dynamic";

/** Creates an invite; the link (with its token) is in this response only. */
export const POST = withAdmin(async (req, { workspace, user, role }) => {
  const input = ZCreateInvite.parse(await req.json().catch(() => ({})));
  const created = await createInvite({ workspaceId: workspace.id, userId: user.id, role }, input);
  return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
});
