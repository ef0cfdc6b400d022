import { withAdmin } from "@/lib/server/auth/admin-api";
import { revokeInvite } from "@/lib/server/workspaces/invites";

export const dynamic = "force-dynamic";

export const DELETE = withAdmin<{ slug: string; id: string }>(async (_req, { workspace }, { id }) => {
  await revokeInvite(workspace.id, id);
  return Response.json({ revoked: id });
});
