// GET /api/w/[slug]/events/chart?range=auto|24h|7d|30d — requests per hour or day by outcome, for the log's chart.
import { ZChartQuery } from "@/lib/events/filters";
import { withAdmin } from "@/lib/server/auth/admin-api";
import { eventsChart } from "@/lib/server/events/events-chart";

export const GET = withAdmin(async (req, { workspace }) => {
  const { range } = ZChartQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
  return Response.json(await eventsChart(workspace.id, range), { headers: { "Cache-Control": "no-store" } });
});
