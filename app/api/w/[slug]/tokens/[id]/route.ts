import { withAdmin } from "@/lib/server/auth/admin-api";
import { revokeToken } from "@/lib/server/tokens/tokens";

export const dynamic = "force-dynamic";

/** Revokes the token: the row stays (with its last use) and the IdP gets 401 from now on. */
export const DELETE = withAdmin<{ slug: string; id: string }>(async (_req, { workspace }, { id }) => {
  await revokeToken(workspace.id, id);
  return Response.json({ revoked: id });
});
