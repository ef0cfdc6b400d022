// Readiness for GET /api/health: may a load balancer send this instance traffic? Yes when the
// database answers, every migration this release ships is applied, the outbox worker runs, and the
// process is not shutting down. It costs one statement: the migrations are compared once, and
// after they are found applied only `SELECT 1` proves the database is still there (a release's
// migrations cannot become unapplied under it). Liveness is GET /api/ping, which touches nothing.
import "server-only";
import { db } from "@/lib/db/client";
import { dbConfig } from "@/lib/db/config";
import { listMigrations } from "@/lib/db/migrate";
import { mailWorkerStatus } from "@/lib/server/email/deliver-email";
import { shutdownStartedAt } from "./on-shutdown";

export type Readiness = {
  status: "ok" | "unavailable" | "shutting down";
  database?: { engine: "sqlite" | "postgres"; reachable: boolean };
  migrations?: { shipped: number; pending: string[] };
  worker?: ReturnType<typeof mailWorkerStatus>;
  since?: string;
};

type Cache = { shipped?: string[]; upToDate?: boolean };
const cache = ((globalThis as unknown as { musterReadiness?: Cache }).musterReadiness ??= {});

type AppliedRow = { migration_name: string };

// undefined: the database did not answer.
const pendingMigrations = async (shipped: string[]): Promise<string[] | undefined> => {
  if (cache.upToDate) return (await db.$queryRawUnsafe("SELECT 1"), []);
  try {
    const rows = await db.$queryRawUnsafe<AppliedRow[]>(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`);
    const applied = new Set(rows.map((r) => r.migration_name));
    const pending = shipped.filter((name) => !applied.has(name));
    cache.upToDate = pending.length === 0;
    return pending;
  } catch (err) {
    // No migrations table yet (MUSTER_AUTO_MIGRATE=false on an empty database), or no database.
    await db.$queryRawUnsafe("SELECT 1").catch(() => {
      throw err;
    });
    return shipped;
  }
};

export const checkReadiness = async (): Promise<Readiness> => {
  const since = shutdownStartedAt();
  if (since) return { status: "shutting down", since: since.toISOString() };
  const engine = dbConfig().flavor;
  const shipped = (cache.shipped ??= listMigrations(engine).map((m) => m.name));
  const pending = await pendingMigrations(shipped).catch(() => undefined);
  const worker = mailWorkerStatus();
  const ready = pending !== undefined && pending.length === 0 && worker.running;
  return {
    status: ready ? "ok" : "unavailable",
    database: { engine, reachable: pending !== undefined },
    // Unknown while the database does not answer.
    migrations: pending && { shipped: shipped.length, pending },
    worker,
  };
};
