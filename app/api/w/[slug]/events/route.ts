// GET /api/w/[slug]/events — one keyset page of the provisioning log (filters as in the page URL, plus `cursor`).
import { ZEventListQuery } from "@/lib/events/filters";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { listEvents } from "@/lib/server/events/list-events";

export const GET = withAdmin(async (req, { workspace }) => {
  const query = ZEventListQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listEvents(workspace.id, query), { headers: { "Cache-Control": "no-store" } });
});
