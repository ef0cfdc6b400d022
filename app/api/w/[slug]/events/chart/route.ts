// GET /api/w/[slug]/events/chart?days=7 — requests per hour by outcome, for the log's chart.
import { ZChartQuery } from "@/lib/events/filters";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { eventsChart } from "@/lib/server/events/events-chart";

export const GET = withAdmin(async (req, { workspace }) => {
  const { days } = ZChartQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await eventsChart(workspace.id, days), { headers: { "Cache-Control": "no-store" } });
});
