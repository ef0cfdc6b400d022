// Direct SQL on a running app's database, for state no HTTP route exposes. `$1, $2…` placeholders
// work on both engines.
import Database from "better-sqlite3";
import pg from "pg";
import type { RunningApp } from "./app";

type Row = Record<string, unknown>;
export type Connection = { query: (query: string, params?: unknown[]) => Promise<Row[]>; close: () => Promise<void> };

/** A connection kept open, for tests that query between every request (close it when done). */
export const connect = async (app: RunningApp): Promise<Connection> => {
  if (app.db.engine === "sqlite") {
    const db = new Database(app.db.url.slice("file:".length));
    return {
      query: async (query, params = []) => {
        const stmt = db.prepare(query.replace(/\$\d+/g, "?"));
        return stmt.reader ? (stmt.all(...params) as Row[]) : (stmt.run(...params), []);
      },
      close: async () => void db.close(),
    };
  }
  const client = new pg.Client({ connectionString: app.db.url });
  await client.connect();
  return { query: async (query, params = []) => (await client.query(query, params)).rows as Row[], close: () => client.end() };
};

const using = async <T>(app: RunningApp, run: (c: Connection) => Promise<T>): Promise<T> => {
  const c = await connect(app);
  try {
    return await run(c);
  } finally {
    await c.close();
  }
};

export const sql = (app: RunningApp, query: string, params: unknown[] = []): Promise<Row[]> => using(app, (c) => c.query(query, params));

/**
 * Every row of every table, each table's rows sorted, as one comparable value: two dumps are equal
 * exactly when nothing was inserted, changed (updatedAt included) or deleted in between.
 */
export const dumpDatabase = (app: RunningApp): Promise<Record<string, string[]>> =>
  using(app, async (c) => {
    const tables =
      app.db.engine === "sqlite"
        ? await c.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        : await c.query("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'");
    const dump: Record<string, string[]> = {};
    for (const { name } of tables) dump[String(name)] = (await c.query(`SELECT * FROM "${String(name)}"`)).map((row) => JSON.stringify(row)).sort();
    return dump;
  });
