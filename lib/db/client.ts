// One Prisma client per process, for the engine DATABASE_URL names.
// Both generated clients come from one schema, so they share one model API; the SQLite client's
// types stand for both.
import "server-only";
import crypto from "node:crypto";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import type Database from "better-sqlite3";
import { remembering } from "./adapter-holder";
import { dbConfig } from "./config";
import { appConnectionOpened } from "./sqlite-checkpoints";
import { withStatementCache } from "./statement-cache";
import { counted, countingStatements } from "./statement-count";

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Interactive transactions wait for each other on SQLite (one writer); under load the defaults
// (2 s to start, 5 s to run) turn queueing into failures.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

// The adapter keeps its better-sqlite3 connection in `client`. When it opens:
// - WAL (set by the migration runner, kept in the file) with synchronous=NORMAL: a commit is seen
//   by every other process at once and survives a crash of this one; only a power loss can take
//   the last moments back, never corrupt the file (SQLite's own advice for WAL). FULL would add an
//   fsync to every SCIM change.
// - checkpoints move to a thread of their own when boot starts it (sqlite-checkpoints.ts);
// - prepare() gets a statement cache (statement-cache.ts).
const tunedSqlite = (factory: PrismaBetterSqlite3): PrismaBetterSqlite3 => {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const holder = adapter as unknown as { client: Database.Database };
    holder.client.pragma("synchronous = NORMAL");
    appConnectionOpened(holder.client);
    holder.client = withStatementCache(holder.client);
    return adapter;
  };
  return factory;
};

// Only when a test counts the statements of each request (statement-count.ts).
const maybeCounted = <T extends object>(adapter: T) => (countingStatements ? counted(adapter) : adapter);

// PostgreSQL parses an unnamed statement every time; a named one once per connection. The app
// sends a bounded set of statement texts, each named by its hash; past a thousand distinct texts
// (long IN lists vary), new ones go unnamed so no connection caches without end. Plans stay custom
// (plan_cache_mode below): with the generic plans PostgreSQL caches after five runs, a benchmark of
// 10,000 users slowed by 41–64 % from its first tenth to its last as the Employee table grew (the
// statistics showed a sequential scan of it per write); with custom plans the same run is flat.
const statementNames = new Map<string, string>();
const statementName = (query: { sql: string }): string => {
  const known = statementNames.get(query.sql);
  if (known || statementNames.size >= 1000) return known as string;
  const name = `m${crypto.createHash("sha1").update(query.sql).digest("hex").slice(0, 20)}`;
  statementNames.set(query.sql, name);
  return name;
};

const create = (): Db => {
  const config = dbConfig();
  if (config.flavor === "postgres") {
    const adapter = new PrismaPg({ connectionString: config.url, max: Number(process.env.DATABASE_POOL_SIZE || 10), options: "-c plan_cache_mode=force_custom_plan" }, { statementNameGenerator: statementName });
    return new PostgresClient({ adapter: remembering(maybeCounted(adapter)), transactionOptions }) as unknown as Db;
  }
  return new SqliteClient({ adapter: remembering(maybeCounted(tunedSqlite(new PrismaBetterSqlite3({ url: config.file, timeout: 15_000 })))), transactionOptions });
};

const globalForDb = globalThis as unknown as { musterDb?: Db };

/** The process-wide client; kept on globalThis so dev-mode reloads do not open new pools. */
export const db: Db = (globalForDb.musterDb ??= create());
