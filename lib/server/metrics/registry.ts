// The Prometheus registry (prom-client) and the instruments the request paths update. Updating one
// is a synchronous increment in memory; anything that needs the database (outbox depth) is read
// only when /api/metrics is scraped (scrape-metrics.ts).
// On globalThis: Next.js may load this module in more than one bundle, and a second registry
// would count half the requests and register the default metrics twice.
import "server-only";
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

const create = () => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "muster_" });
  return {
    registry,
    scimRequests: new Counter({
      name: "muster_scim_requests_total",
      help: "SCIM requests answered, by method, resource (Users, Groups, Bulk, …) and HTTP status",
      labelNames: ["method", "resource", "status"] as const,
      registers: [registry],
    }),
    scimDuration: new Histogram({
      name: "muster_scim_request_duration_seconds",
      help: "Time to answer a SCIM request, by method and resource",
      labelNames: ["method", "resource"] as const,
      // A read takes a millisecond or two, a write a few; a Bulk request of 1000 operations seconds.
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    emailDeliveries: new Counter({
      name: "muster_email_deliveries_total",
      help: "Outbox emails handled by this instance's worker, by result: sent (accepted by SMTP), kept (embedded mode: shown on the outbox page, not sent), skipped (its link was no longer wanted), failed (retried later with backoff)",
      labelNames: ["result"] as const,
      registers: [registry],
    }),
    rateLimitRefusals: new Counter({
      name: "muster_rate_limit_refusals_total",
      help: "Requests refused by a rate limit (429), by limiter: scim (per token), signin_account, signin_address, sign_in_pages",
      labelNames: ["limiter"] as const,
      registers: [registry],
    }),
  };
};

export type Metrics = ReturnType<typeof create>;

const holder = globalThis as unknown as { musterMetrics?: Metrics };

/** Made on first use: a CLI command that never updates an instrument never starts the default metrics. */
export const metrics = (): Metrics => (holder.musterMetrics ??= create());
