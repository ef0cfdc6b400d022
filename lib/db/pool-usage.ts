// How busy the PostgreSQL pool is (pg's own counters), for /api/metrics. SQLite has one connection
// and no pool: nothing to report there.
import "server-only";
import type pg from "pg";
import { connectedAdapter } from "./adapter-holder";

export type PoolUsage = { total: number; idle: number; waiting: number; max: number };

/** The pool's connections right now; null on SQLite, or before the first statement opened the pool. */
export const poolUsage = (): PoolUsage | null => {
  // @prisma/adapter-pg's adapter hands out the pg.Pool it queries through.
  const adapter = connectedAdapter() as unknown as { underlyingDriver?: () => unknown } | undefined;
  const pool = adapter?.underlyingDriver?.() as pg.Pool | undefined;
  if (typeof pool?.totalCount !== "number") return null;
  return { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount, max: pool.options.max ?? 10 };
};
