import { pickParams, ZGroupListQuery } from "@/lib/groups/list-query";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { listGroups } from "@/lib/server/groups/list-groups";

export const GET = withAdmin(async (req, { workspace }) => {
  const query = ZGroupListQuery.parse(pickParams(new URL(req.url).searchParams, ["q", "page", "pageSize"]));
  return Response.json(await listGroups(workspace.id, query), { headers: { "Cache-Control": "no-store" } });
});
