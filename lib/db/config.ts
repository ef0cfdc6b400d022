// Where the database is. SQLite in ./data is the embedded default; a postgres:// URL switches engines.
import path from "node:path";

export type DbConfig =
  | { flavor: "sqlite"; url: string; file: string }
  | { flavor: "postgres"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/muster.db";

export const dbConfig = (url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): DbConfig => {
  if (/^postgres(ql)?:\/\//.test(url)) return { flavor: "postgres", url };
  if (url.startsWith("file:")) return { flavor: "sqlite", url, file: path.resolve(/*turbopackIgnore: true*/ url.slice("file:".length)) };
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL), got "${url.split(":")[0]}:…"`);
};

/** The folder that holds embedded-mode state: the SQLite file and the generated auth secret. */
export const dataDir = () => path.resolve(/*turbopackIgnore: true*/ process.env.MUSTER_DATA_DIR || "./data");
