// GET ?page=: the workspace's mail outbox, newest first.
import { withAdmin } from "@/lib/server/auth/admin-api";
import { listOutbox, ZOutboxQuery } from "@/lib/server/email/list-outbox";

export const GET = withAdmin(async (req, { workspace }) => {
  const { page } = ZOutboxQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await listOutbox(workspace.id, page), { headers: { "Cache-Control": "no-store" } });
});
