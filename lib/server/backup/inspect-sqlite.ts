// What a SQLite file holds, checked before it is trusted as a Muster database: SQLite's own
// integrity check, Prisma's migrations table (which migrations, all finished) and each table's rows.
import "server-only";
import Database from "better-sqlite3";

export type SqliteInspection = { integrity: string; migrations: { applied: number; latest: string | null; names: string[] }; tables: Record<string, number> };

export class NotAMusterDatabase extends Error {}

export const inspectSqlite = (file: string): SqliteInspection => {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (err) {
    throw new NotAMusterDatabase(`${file} cannot be opened as a SQLite database (${err instanceof Error ? err.message : String(err)})`);
  }
  try {
    let integrity: string;
    try {
      integrity = (db.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    } catch (err) {
      throw new NotAMusterDatabase(`${file} is not a SQLite database (${err instanceof Error ? err.message : String(err)})`);
    }
    if (integrity !== "ok") throw new NotAMusterDatabase(`${file} fails SQLite's integrity check: ${integrity.slice(0, 300)}`);
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
    if (!names.includes("_prisma_migrations") || !names.includes("Workspace")) throw new NotAMusterDatabase(`${file} is a SQLite database, but not Muster's (no migrations table or no Workspace table)`);
    const applied = db.prepare(`SELECT migration_name AS name, finished_at AS finished, rolled_back_at AS rolledBack FROM "_prisma_migrations" ORDER BY migration_name`).all() as { name: string; finished: unknown; rolledBack: unknown }[];
    const unfinished = applied.find((m) => !m.finished && !m.rolledBack);
    if (unfinished) throw new NotAMusterDatabase(`${file} has a migration that did not finish (${unfinished.name})`);
    const done = applied.filter((m) => m.finished && !m.rolledBack).map((m) => m.name);
    const tables: Record<string, number> = {};
    for (const name of names) if (name !== "_prisma_migrations") tables[name] = (db.prepare(`SELECT COUNT(*) AS n FROM "${name}"`).get() as { n: number }).n;
    return { integrity, migrations: { applied: done.length, latest: done.at(-1) ?? null, names: done }, tables };
  } finally {
    db.close();
  }
};
