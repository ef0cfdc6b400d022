// The employee's timeline, newest first, a keyset page at a time (`cursor` from the previous page).
import { z } from "zod";
import { ZCursor } from "@/lib/events/filters";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { employeeExists, employeeTimeline } from "@/lib/server/employees/employee-timeline";

const ZQuery = z.object({ cursor: ZCursor.optional() });

export const GET = withAdmin<{ slug: string; id: string }>(async (req, { workspace }, { id }) => {
  const { cursor } = ZQuery.parse({ cursor: new URL(req.url).searchParams.get("cursor") || undefined });
  if (!(await employeeExists(workspace.id, id))) return Response.json({ error: "Not found" }, { status: 404 });
  return Response.json(await employeeTimeline(workspace.id, id, cursor), { headers: { "Cache-Control": "no-store" } });
});
