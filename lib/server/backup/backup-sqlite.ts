// `muster backup --out FILE`: a consistent copy of the SQLite database while the app keeps writing.
// VACUUM INTO reads the database in one read transaction (a snapshot: in WAL mode writers carry on
// meanwhile) and writes a compact copy. The SQLite backup API (better-sqlite3's db.backup) would
// restart its copy each time another process writes, so under a busy IdP it might never finish.
// The copy goes to a temporary name beside FILE and is renamed once checked, so FILE is complete or absent.
import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { dbConfig } from "@/lib/db/config";
import { UserError } from "@/lib/server/errors";
import { inspectSqlite, type SqliteInspection } from "./inspect-sqlite";

export const POSTGRES_BACKUP_ADVICE =
  "On PostgreSQL, back up with pg_dump and restore with pg_restore (see the README's Backups section): Muster's own backup and restore are for the SQLite file.";

export type BackupReport = { engine: "sqlite"; path: string; bytes: number; tookMs: number; integrity: string; migrations: { applied: number; latest: string | null }; tables: SqliteInspection["tables"] };

export const backupSqlite = (out: string): BackupReport => {
  const config = dbConfig();
  if (config.flavor !== "sqlite") throw new UserError(POSTGRES_BACKUP_ADVICE);
  if (!fs.existsSync(config.file)) throw new UserError(`There is no database at ${config.file} to back up (check DATABASE_URL)`);
  const target = path.resolve(out);
  if (target === config.file) throw new UserError("--out must not be the database itself");
  if (fs.existsSync(target)) throw new UserError(`${target} exists already: choose a new file name (a backup never overwrites)`);
  if (!fs.existsSync(path.dirname(target))) throw new UserError(`The folder ${path.dirname(target)} does not exist`);
  const started = Date.now();
  const partial = `${target}.partial-${crypto.randomBytes(4).toString("hex")}`;
  const source = new Database(config.file, { readonly: true, fileMustExist: true });
  try {
    source.pragma("busy_timeout = 15000"); // a checkpoint may hold the file for a moment
    source.prepare("VACUUM INTO ?").run(partial);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  } finally {
    source.close();
  }
  let inspection: SqliteInspection;
  try {
    inspection = inspectSqlite(partial);
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  const { integrity, migrations, tables } = inspection;
  return { engine: "sqlite", path: target, bytes: fs.statSync(target).size, tookMs: Date.now() - started, integrity, migrations: { applied: migrations.applied, latest: migrations.latest }, tables };
};
