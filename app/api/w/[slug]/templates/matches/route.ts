// Which employees rules match (saved or still being edited), one page at a time.
import { withAdmin } from "@/lib/server/auth/admin-api";
import { previewMatches, ZMatchQuery } from "@/lib/server/templates/match-employees";

export const POST = withAdmin(async (req, { workspace }) => {
  const query = ZMatchQuery.parse(await req.json().catch(() => ({})));
  return Response.json(await previewMatches(workspace.id, query), { headers: { "Cache-Control": "no-store" } });
});
