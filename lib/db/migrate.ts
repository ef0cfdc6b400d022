// Brings a database up to date with prisma/<flavor>/migrations on start, without Prisma's native
// schema engine (which cannot be downloaded everywhere). It records applied migrations in
// Prisma's own `_prisma_migrations` table with Prisma's checksum, so `prisma migrate deploy`
// and this runner agree about what has been applied, whichever ran first.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { dbConfig, type DbConfig } from "./config";

type Migration = { name: string; sql: string; checksum: string };
type Applied = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

const migrationsRoot = () => path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.MUSTER_MIGRATIONS_DIR || "prisma");

export const listMigrations = (flavor: DbConfig["flavor"]): Migration[] => {
  const dir = path.join(migrationsRoot(), flavor, "migrations");
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
};

const pending = (all: Migration[], applied: Applied[]): Migration[] => {
  const done = new Map(applied.filter((a) => a.finished_at && !a.rolled_back_at).map((a) => [a.migration_name, a]));
  const failed = applied.find((a) => !a.finished_at && !a.rolled_back_at);
  if (failed) throw new Error(`migration ${failed.migration_name} failed earlier and needs attention`);
  for (const [name, a] of done) {
    const m = all.find((x) => x.name === name);
    if (m && m.checksum !== a.checksum) throw new Error(`migration ${name} was modified after it was applied`);
  }
  return all.filter((m) => !done.has(m.name));
};

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
  "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
  "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`;

const PG_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`;

const migrateSqlite = async (file: string): Promise<string[]> => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const { default: Database } = await import("better-sqlite3");
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL"); // persists in the file: readers never block the writer
    db.pragma("busy_timeout = 10000");
    db.exec(SQLITE_TABLE);
    // Prisma's SQLite migrations redefine tables (create new, copy, drop old, rename). With foreign
    // keys on, dropping the old table would cascade-delete the rows that point at it, and the pragma
    // is ignored inside a transaction: switch it off around the transaction, then check integrity.
    db.pragma("foreign_keys = OFF");
    // BEGIN IMMEDIATE takes the write lock, so two processes starting together apply each migration once.
    const run = db.transaction(() => {
      const todo = pending(listMigrations("sqlite"), db.prepare(`SELECT * FROM "_prisma_migrations"`).all() as Applied[]);
      for (const m of todo) {
        db.exec(m.sql);
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES (?, ?, ?, current_timestamp, 1)`,
        ).run(crypto.randomUUID(), m.checksum, m.name);
      }
      const broken = db.pragma("foreign_key_check") as unknown[];
      if (broken.length) throw new Error(`migrations left ${broken.length} rows with broken foreign keys`);
      return todo.map((m) => m.name);
    });
    try {
      return run.immediate();
    } finally {
      db.pragma("foreign_keys = ON");
    }
  } finally {
    db.close();
  }
};

// Several app instances may start at once against one PostgreSQL: an advisory lock lets one migrate.
const MIGRATION_LOCK = 72_707_301;

const migratePostgres = async (url: string): Promise<string[]> => {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(PG_TABLE);
    const { rows } = await client.query<Applied>(`SELECT * FROM "_prisma_migrations"`);
    const todo = pending(listMigrations("postgres"), rows);
    for (const m of todo) {
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ($1, $2, $3, now(), 1)`,
          [crypto.randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw err;
      }
    }
    return todo.map((m) => m.name);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
};

/** Applies pending migrations; returns the names applied (empty when already up to date). */
export const migrate = async (config: DbConfig = dbConfig()): Promise<string[]> =>
  config.flavor === "sqlite" ? migrateSqlite(config.file) : migratePostgres(config.url);
