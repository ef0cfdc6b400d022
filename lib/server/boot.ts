// Runs once when the server starts (instrumentation.ts): migrations, embedded-mode defaults, the mail worker.
import { dbConfig } from "@/lib/db/config";
import { migrate } from "@/lib/db/migrate";
import { log } from "@/lib/log/logger";
import { authSecret } from "@/lib/server/auth/secret";

export const boot = async () => {
  const config = dbConfig();
  if (process.env.MUSTER_AUTO_MIGRATE !== "false") {
    const applied = await migrate(config);
    if (applied.length) log.info({ migrations: applied }, "applied migrations");
  }
  if (config.flavor === "sqlite") {
    const { startCheckpoints } = await import("@/lib/db/sqlite-checkpoints");
    startCheckpoints(config.file);
  }
  process.env.NEXTAUTH_SECRET ||= authSecret();
  // Without NEXTAUTH_URL, next-auth would assume http://localhost:3000; take the origin from the request.
  if (!process.env.NEXTAUTH_URL) process.env.AUTH_TRUST_HOST ||= "true";
  log.info({ engine: config.flavor }, "database");
  // The outbox worker delivers queued email from this process (after migrations: it reads the outbox).
  const [{ startMailWorker }, { issueLink }, { scrubStoredLinks }] = await Promise.all([import("./email/deliver-email"), import("./links/issue-link"), import("./email/scrub-stored-links")]);
  // In the background: a database that cannot be reached yet must not keep the server from starting.
  void scrubStoredLinks().catch((err) => log.error({ err }, "mail: could not scrub stored links"));
  startMailWorker(issueLink);
};
