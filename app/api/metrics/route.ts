// Prometheus metrics of this instance (lib/server/metrics/): only with the metrics token.
import { withRequestLog } from "@/lib/server/http/with-request-log";
import { refuseScrape } from "@/lib/server/metrics/authorize-scrape";
import { scrapeMetrics } from "@/lib/server/metrics/scrape-metrics";

export const dynamic = "force-dynamic";

export const GET = withRequestLog(async (req: Request) => {
  const refused = refuseScrape(req);
  if (refused) return refused;
  const { contentType, body } = await scrapeMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
