import { pickParams, ZMemberListQuery } from "@/lib/groups/list-query";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { groupExists } from "@/lib/server/groups/get-group";
import { listGroupMembers } from "@/lib/server/groups/list-group-members";

export const GET = withAdmin<{ slug: string; id: string }>(async (req, { workspace }, { id }) => {
  const query = ZMemberListQuery.parse(pickParams(new URL(req.url).searchParams, ["q", "page", "pageSize"]));
  if (!(await groupExists(workspace.id, id))) return Response.json({ error: "Not found" }, { status: 404 });
  return Response.json(await listGroupMembers(workspace.id, id, query), { headers: { "Cache-Control": "no-store" } });
});
