// The workspace's log retention (Settings → Data retention): the setting and what it prunes.
import { withAdmin } from "@/lib/server/auth/admin-api";
import { ZRetentionSettings } from "@/lib/retention/retention";
import { retentionStatus, updateRetention } from "@/lib/server/retention/update-retention";

export const GET = withAdmin(async (_req, { workspace }) => Response.json({ retention: await retentionStatus(workspace.id) }, { headers: { "Cache-Control": "no-store" } }));

export const PUT = withAdmin(async (req, { workspace }) => {
  const input = ZRetentionSettings.parse(await req.json().catch(() => ({})));
  return Response.json({ retention: await updateRetention(workspace.id, input) });
});
