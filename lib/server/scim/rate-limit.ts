// Per-token SCIM rate limit: a runaway client gets 429 with Retry-After instead of starving the
// workspace. Shared by every instance, through rate-limiter-flexible on the fastest store there is:
// - Redis when REDIS_URL is set: one round trip of a few microseconds of Redis work per request;
// - else PostgreSQL (when that is the database): one upsert per request, on a small pool of its own
//   (so a burst of SCIM writes never waits for a rate-limit connection, nor the reverse) into an
//   UNLOGGED table (no write-ahead log: counters need not survive a crash) in the schema
//   muster_rate_limit, outside the app's data (dumps and backups of `public` do not carry it);
// - else (SQLite: one instance) in process memory.
// A token past its budget is remembered in memory until its window ends (inMemoryBlockOnConsumed),
// so a client hammering away costs the store nothing. If the store fails or is slow (Redis down,
// PostgreSQL restarting), an in-memory limiter stands in: the limit degrades to per process, never
// to an error.
// MUSTER_SCIM_RATE_LIMIT requests per second on average, MUSTER_SCIM_RATE_BURST (twice as many) at
// once: a window of burst/rate seconds (whole seconds, at least 1) holding `burst` requests.
import "server-only";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { dbConfig } from "@/lib/db/config";
import { log } from "@/lib/log/logger";

const STORE_TIMEOUT_MS = 500;
const PG_SCHEMA = "muster_rate_limit";

export const rateLimit = () => {
  const perSecond = Number(process.env.MUSTER_SCIM_RATE_LIMIT || 100);
  const burst = Number(process.env.MUSTER_SCIM_RATE_BURST || perSecond * 2);
  const duration = Math.max(1, Math.round(burst / perSecond));
  return { perSecond, burst, points: Math.max(1, Math.round(burst)), duration };
};

export type RateLimitStore = "redis" | "postgres" | "memory";

export const rateLimitStore = (): RateLimitStore => (process.env.REDIS_URL ? "redis" : dbConfig().flavor === "postgres" ? "postgres" : "memory");

type Limiter = { store: RateLimitStore; limiter: RateLimiterAbstract; close: () => Promise<unknown> };
type LimiterState = { building?: Promise<Limiter>; insurance?: RateLimiterMemory; warnedAt?: number };
// On globalThis: Next.js loads server code in more than one bundle, and there must be one limiter.
const state = ((globalThis as unknown as { musterScimLimiter?: LimiterState }).musterScimLimiter ??= {});

const build = async (): Promise<Limiter> => {
  const { points, duration } = rateLimit();
  const keyPrefix = `${process.env.MUSTER_REDIS_PREFIX ?? "muster:"}scim`;
  const common = { keyPrefix, points, duration, inMemoryBlockOnConsumed: points };
  const store = rateLimitStore();
  if (store === "redis") {
    const ioredis = await import("ioredis");
    const Redis = ioredis.Redis ?? ioredis.default; // the bundler's CommonJS interop may offer either
    // No offline queue: while Redis is away a command fails at once and the insurance limiter answers.
    const client = new Redis(process.env.REDIS_URL!, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: STORE_TIMEOUT_MS, connectTimeout: 2_000, lazyConnect: false });
    client.on("error", () => undefined); // reconnects by itself; each failed command falls back
    // The first requests wait (up to 2 s) for the connection, or they would all go to the insurance limiter.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2_000);
      client.once("ready", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    return { store, limiter: new RateLimiterRedis({ ...common, storeClient: client, rejectIfRedisNotReady: true }), close: () => client.quit().catch(() => client.disconnect()) };
  }
  if (store === "postgres") {
    const { default: pg } = await import("pg");
    const pool = new pg.Pool({ connectionString: dbConfig().url, max: 4, idleTimeoutMillis: 30_000, connectionTimeoutMillis: STORE_TIMEOUT_MS, query_timeout: STORE_TIMEOUT_MS, application_name: "muster-rate-limit" });
    pool.on("error", () => undefined); // a dropped idle connection is replaced on the next query
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${PG_SCHEMA}`).catch(() => undefined); // two instances at once: one wins
    await pool.query(`CREATE UNLOGGED TABLE IF NOT EXISTS ${PG_SCHEMA}.scim (key varchar(255) PRIMARY KEY, points integer NOT NULL DEFAULT 0, expire bigint)`).catch(async (err: unknown) => {
      // Concurrent CREATE … IF NOT EXISTS can still collide in the catalog; the table is there then.
      if (!(await pool.query(`SELECT to_regclass('${PG_SCHEMA}.scim') AS t`)).rows[0]?.t) throw err;
    });
    return {
      store,
      limiter: new RateLimiterPostgres({ ...common, keyPrefix: "scim", storeClient: pool, storeType: "pool", schemaName: PG_SCHEMA, tableName: "scim", tableCreated: true, clearExpiredByTimeout: true }),
      close: () => pool.end(),
    };
  }
  return { store, limiter: new RateLimiterMemory({ keyPrefix, points, duration }), close: async () => undefined };
};

/** The per-process limiter that answers while the store cannot (rate-limiter-flexible's "insurance"). */
const insurance = () => {
  const { points, duration } = rateLimit();
  return (state.insurance ??= new RateLimiterMemory({ keyPrefix: "scim-insurance", points, duration }));
};

// Said at most once a minute, so an outage does not flood the log.
const warn = (err: unknown) => {
  if (state.warnedAt && Date.now() - state.warnedAt < 60_000) return;
  state.warnedAt = Date.now();
  log.error({ store: rateLimitStore(), reason: err instanceof Error ? err.message : String(err) }, "rate limit: the store failed, limits are per process until it answers again");
};

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

const consume = async (key: string) => {
  state.building ??= build();
  let shared: Limiter;
  try {
    shared = await state.building;
  } catch (err) {
    state.building = undefined; // try the store again on a later request
    throw err;
  }
  return shared.limiter.consume(key);
};

/** Takes one request from the token's budget; returns the whole seconds to wait when it is spent. */
export const takeToken = async (key: string): Promise<{ ok: true } | { ok: false; retryAfter: number }> => {
  if (!(rateLimit().perSecond > 0)) return { ok: true };
  try {
    await consume(key);
    return { ok: true };
  } catch (err) {
    if (err instanceof RateLimiterRes) return { ok: false, retryAfter: seconds(err.msBeforeNext) };
    warn(err);
  }
  try {
    await insurance().consume(key);
    return { ok: true };
  } catch (err) {
    if (err instanceof RateLimiterRes) return { ok: false, retryAfter: seconds(err.msBeforeNext) };
    return { ok: true }; // memory cannot fail, but if it did: let the request through, never a 500
  }
};

/** Closes the store's connections (for the shutdown hook). */
export const closeRateLimiter = async () => {
  const building = state.building;
  state.building = undefined;
  await building?.then((l) => l.close()).catch(() => undefined);
};
