// The employee's provisioning timeline, newest first, a page at a time.
import { z } from "zod";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { employeeExists, employeeTimeline } from "@/lib/server/employees/employee-timeline";

const ZPage = z.object({ page: z.coerce.number({ error: "page must be a number" }).int().min(1, { error: "page starts at 1" }).max(100_000).default(1) });

export const GET = withAdmin<{ slug: string; id: string }>(async (req, { workspace }, { id }) => {
  const { page } = ZPage.parse({ page: new URL(req.url).searchParams.get("page") || undefined });
  if (!(await employeeExists(workspace.id, id))) return Response.json({ error: "Not found" }, { status: 404 });
  return Response.json(await employeeTimeline(workspace.id, id, page), { headers: { "Cache-Control": "no-store" } });
});
