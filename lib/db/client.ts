// One Prisma client per process, for the engine DATABASE_URL names.
// Both generated clients come from one schema, so they share one model API; the SQLite client's
// types stand for both.
import "server-only";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgres/client";
import { dbConfig } from "./config";
import { counted, countingStatements } from "./statement-count";

export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

// Interactive transactions wait for each other on SQLite (one writer); under load the defaults
// (2 s to start, 5 s to run) turn queueing into failures.
const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

// Only when a test counts the statements of each request (statement-count.ts).
const maybeCounted = <T extends object>(adapter: T) => (countingStatements ? counted(adapter) : adapter);

const create = (): Db => {
  const config = dbConfig();
  if (config.flavor === "postgres") {
    const adapter = new PrismaPg({ connectionString: config.url, max: Number(process.env.DATABASE_POOL_SIZE || 10) });
    return new PostgresClient({ adapter: maybeCounted(adapter), transactionOptions }) as unknown as Db;
  }
  return new SqliteClient({ adapter: maybeCounted(new PrismaBetterSqlite3({ url: config.file, timeout: 15_000 })), transactionOptions });
};

const globalForDb = globalThis as unknown as { musterDb?: Db };

/** The process-wide client; kept on globalThis so dev-mode reloads do not open new pools. */
export const db: Db = (globalForDb.musterDb ??= create());
