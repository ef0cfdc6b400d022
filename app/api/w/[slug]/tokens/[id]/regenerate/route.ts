import { withAdmin } from "@/lib/server/auth/admin-api";
import { regenerateToken } from "@/lib/server/tokens/regenerate-token";

export const dynamic = "force-dynamic";

/** Issues a replacement with the same name; the old token keeps working until it is revoked. */
export const POST = withAdmin<{ slug: string; id: string }>(async (_req, { workspace, user }, { id }) =>
  Response.json(await regenerateToken(workspace.id, id, user.id), { status: 201, headers: { "Cache-Control": "no-store" } }),
);
