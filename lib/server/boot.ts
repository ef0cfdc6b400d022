// Runs once when the server starts (instrumentation.ts): shutdown signals, migrations, embedded-mode
// defaults, the mail worker — and how each piece of background work stops (lifecycle/).
import { dbConfig } from "@/lib/db/config";
import { migrate } from "@/lib/db/migrate";
import { log } from "@/lib/log/logger";
import { authSecret } from "@/lib/server/auth/secret";
import { onShutdown } from "./lifecycle/on-shutdown";

export const boot = async () => {
  // First: a SIGTERM during migrations must find the handler (a migration is one transaction, so
  // stopping in the middle of one leaves nothing half-applied). `next dev` keeps Next's own.
  if (process.env.NODE_ENV === "production") (await import("./lifecycle/shut-down")).handleShutdownSignals();
  const config = dbConfig();
  if (process.env.MUSTER_AUTO_MIGRATE !== "false") {
    const applied = await migrate(config);
    if (applied.length) log.info({ migrations: applied }, "applied migrations");
  }
  if (config.flavor === "sqlite") {
    const { startCheckpoints, stopCheckpoints } = await import("@/lib/db/sqlite-checkpoints");
    startCheckpoints(config.file);
    onShutdown("SQLite checkpoints", stopCheckpoints);
  }
  process.env.NEXTAUTH_SECRET ||= authSecret();
  // Without NEXTAUTH_URL, next-auth would assume http://localhost:3000; take the origin from the request.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ||= "true";
  log.info({ engine: config.flavor }, "database");
  // The outbox worker delivers queued email from this process (after migrations: it reads the outbox).
  const [{ startMailWorker, stopMailWorker }, { issueLink }, { scrubStoredLinks }] = await Promise.all([import("./email/deliver-email"), import("./links/issue-link"), import("./email/scrub-stored-links")]);
  // In the background: a database that cannot be reached yet must not keep the server from starting.
  void scrubStoredLinks().catch((err) => log.error({ err }, "mail: could not scrub stored links"));
  startMailWorker(issueLink);
  // The email being sent gets up to 3 s, and never more than half of what is left of the bound.
  onShutdown("mail worker", async (deadline) => {
    const released = await stopMailWorker(Math.min(3000, (deadline - Date.now()) / 2));
    if (released) log.info({ released }, "shutdown: handed back emails being sent, due again for another instance");
  });
  // Retention: prunes old provisioning-log rows and delivered emails; a pass in progress stops between batches.
  const [{ startPruning, stopPruning }, { closeRateLimiter }] = await Promise.all([import("./retention/start-pruning"), import("./scim/rate-limit")]);
  startPruning();
  onShutdown("pruning", stopPruning);
  // The shared rate limit's own connections (Redis, or its small PostgreSQL pool).
  onShutdown("rate limit store", closeRateLimiter);
};
