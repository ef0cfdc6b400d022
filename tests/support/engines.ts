// Which database engines the integration suite runs on: SQLite always, PostgreSQL when
// TEST_DATABASE_URL points at a server (each run gets a fresh database there).
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export type Engine = "sqlite" | "postgres";

export const engines = (): Engine[] => (process.env.TEST_DATABASE_URL ? ["sqlite", "postgres"] : ["sqlite"]);

export type TestDatabase = { engine: Engine; url: string; dataDir: string; drop: () => Promise<void> };

/** A fresh, empty database of the given engine (migrations are applied by whoever opens it). */
export const freshDatabase = async (engine: Engine, admin = process.env.TEST_DATABASE_URL!): Promise<TestDatabase> => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "muster-test-"));
  if (engine === "sqlite") {
    return { engine, url: `file:${path.join(dataDir, "test.db")}`, dataDir, drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const name = `muster_t_${crypto.randomBytes(5).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    engine,
    url: url.toString(),
    dataDir,
    drop: async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
};
