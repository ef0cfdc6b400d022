// What /api/metrics answers: the registry's counters and histograms (registry.ts), the default
// process metrics, and gauges read only now, at scrape time — the outbox's depth (one grouped
// statement) and the PostgreSQL pool's connections (pg's counters, no statement).
import "server-only";
import { Gauge, type Registry } from "prom-client";
import { dbConfig } from "@/lib/db/config";
import { poolUsage } from "@/lib/db/pool-usage";
import { log } from "@/lib/log/logger";
import { countOutbox } from "./count-outbox";
import { metrics } from "./registry";

const addScrapeGauges = (registry: Registry) => {
  const engine = dbConfig().flavor;
  new Gauge({ name: "muster_db_info", help: "The database engine this instance uses (always 1)", labelNames: ["engine"] as const, registers: [registry] }).labels(engine).set(1);
  new Gauge({
    name: "muster_outbox_depth",
    help: "Outbox emails not yet delivered, by kind and state: queued (never tried) or retrying (failed at least once)",
    labelNames: ["kind", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      try {
        for (const d of await countOutbox()) this.labels(d.kind, d.state).set(d.count);
      } catch (err) {
        // The scrape still answers with everything else; the missing series says the count failed.
        log.warn({ err }, "metrics: could not count the outbox");
      }
    },
  });
  if (engine !== "postgres") return;
  new Gauge({
    name: "muster_db_pool_connections",
    help: "PostgreSQL pool of this instance: open connections (total), idle ones, and queries waiting for a connection (waiting)",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      const usage = poolUsage();
      this.labels("total").set(usage?.total ?? 0);
      this.labels("idle").set(usage?.idle ?? 0);
      this.labels("waiting").set(usage?.waiting ?? 0);
    },
  });
  new Gauge({ name: "muster_db_pool_max_connections", help: "The PostgreSQL pool's size (DATABASE_POOL_SIZE)", registers: [registry] }).set(Number(process.env.DATABASE_POOL_SIZE || 10));
};

/** The Prometheus text exposition of this instance's metrics. */
export const scrapeMetrics = async (): Promise<{ contentType: string; body: string }> => {
  const { registry } = metrics();
  if (!registry.getSingleMetric("muster_outbox_depth")) addScrapeGauges(registry);
  return { contentType: registry.contentType, body: await registry.metrics() };
};
