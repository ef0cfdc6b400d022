// The current tab and search as CSV, streamed.
import { queryInput, ZEmployeeListQuery } from "@/lib/employees/list-query";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { exportEmployeesCsv } from "@/lib/server/employees/export-employees";

export const GET = withAdmin(async (req, { workspace }) => {
  const { tab, q } = ZEmployeeListQuery.parse(queryInput(new URL(req.url).searchParams));
  const date = new Date().toISOString().slice(0, 10);
  return new Response(exportEmployeesCsv(workspace.id, tab, q), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="employees-${workspace.slug}-${tab}-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
