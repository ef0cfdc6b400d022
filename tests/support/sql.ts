// Direct SQL on a running app's database, for state no HTTP route exposes. `$1, $2…` placeholders
// work on both engines.
import Database from "better-sqlite3";
import pg from "pg";
import type { RunningApp } from "./app";

export const sql = async (app: RunningApp, query: string, params: unknown[] = []): Promise<Record<string, unknown>[]> => {
  if (app.db.engine === "sqlite") {
    const db = new Database(app.db.url.slice("file:".length));
    try {
      const stmt = db.prepare(query.replace(/\$\d+/g, "?"));
      return stmt.reader ? (stmt.all(...params) as Record<string, unknown>[]) : (stmt.run(...params), []);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: app.db.url });
  await client.connect();
  try {
    return (await client.query(query, params)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
};
