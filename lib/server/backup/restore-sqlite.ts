// `muster restore --from FILE [--force]`: replaces the SQLite database with a backup, refusing
// whenever that cannot be safe:
// - FILE must pass inspectSqlite (integrity check, Muster's tables, finished migrations) and know no
//   migration this version of Muster lacks (a backup from a newer Muster would not run here);
// - an existing database is replaced only with --force, and only when no process has it open
//   (switching it out of WAL mode needs every other connection closed: a running app refuses it);
// - the old file is kept beside it as <name>.<time>.before-restore, never deleted.
// The backup is first copied next to the database and checked there, then renamed into place, so
// the database file is at every moment either the old one or the whole new one.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { dbConfig } from "@/lib/db/config";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { UserError } from "@/lib/server/errors";
import { POSTGRES_BACKUP_ADVICE } from "./backup-sqlite";
import { inspectSqlite, NotAMusterDatabase } from "./inspect-sqlite";

export type RestoreReport = { engine: "sqlite"; path: string; from: string; previous: string | null; migrationsApplied: string[]; tables: Record<string, number> };

/** Closes the database out of WAL mode, which SQLite allows only when no other connection has it open. */
const takeOffline = (file: string) => {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 0");
    db.pragma("wal_checkpoint(TRUNCATE)");
    const mode = db.pragma("journal_mode = DELETE", { simple: true });
    if (mode !== "delete") throw new Error(`journal mode stayed ${String(mode)}`);
  } catch (err) {
    throw new UserError(
      `${file} is in use (${err instanceof Error ? err.message : String(err)}): stop every Muster process that uses it, then run restore again`,
    );
  } finally {
    db.close();
  }
};

export const restoreSqlite = async (from: string, { force = false }: { force?: boolean } = {}): Promise<RestoreReport> => {
  const config = dbConfig();
  if (config.flavor !== "sqlite") throw new UserError(POSTGRES_BACKUP_ADVICE);
  const source = path.resolve(from);
  if (!fs.existsSync(source)) throw new UserError(`${source} does not exist`);
  const target = config.file;
  if (source === target) throw new UserError("--from is the database itself");
  const exists = fs.existsSync(target);
  if (exists && !force) throw new UserError(`${target} exists: restoring replaces it (it is kept as a .before-restore file). Stop Muster and add --force to go on`);
  fs.mkdirSync(path.dirname(target), { recursive: true });

  const staged = `${target}.restore-${crypto.randomBytes(4).toString("hex")}`;
  fs.copyFileSync(source, staged);
  try {
    let inspection;
    try {
      inspection = inspectSqlite(staged);
    } catch (err) {
      if (err instanceof NotAMusterDatabase) throw new UserError(`Refusing to restore: ${err.message.replace(staged, source)}`);
      throw err;
    }
    const known = new Set(listMigrations("sqlite").map((m) => m.name));
    const unknown = inspection.migrations.names.filter((n) => !known.has(n));
    if (unknown.length) throw new UserError(`Refusing to restore: the backup comes from a newer Muster (migrations ${unknown.join(", ")} are unknown here). Restore it with that version`);
    let previous: string | null = null;
    if (exists) {
      takeOffline(target);
      previous = `${target}.${new Date().toISOString().replace(/[:.]/g, "-")}.before-restore`;
      fs.renameSync(target, previous);
      for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
    }
    fs.renameSync(staged, target);
    // A backup from an older Muster is brought up to date now, as the app would at its start.
    const migrationsApplied = await migrate(config);
    return { engine: "sqlite", path: target, from: source, previous, migrationsApplied, tables: inspection.tables };
  } finally {
    fs.rmSync(staged, { force: true });
  }
};
