// SQLite in WAL mode appends every commit to the -wal file until a checkpoint copies the pages
// back into the database. By default the connection that commits does it (every 1,000 pages), on
// the request path: measured, that is more than half of a SCIM create's SQLite time. Here a worker
// thread with its own connection checkpoints instead, on another core, a few times a second; the
// app's connection stops checkpointing while the worker runs, and takes it up again if it stops.
import { Worker } from "node:worker_threads";
import type Database from "better-sqlite3";
import { log } from "@/lib/log/logger";

const DEFAULT_AUTOCHECKPOINT = 1000;

type State = { worker?: Worker; connection?: Database.Database };
const state = ((globalThis as unknown as { musterCheckpoints?: State }).musterCheckpoints ??= {});

const applyAutocheckpoint = () => state.connection?.pragma(`wal_autocheckpoint = ${state.worker ? 0 : DEFAULT_AUTOCHECKPOINT}`);

/** lib/db/client.ts hands over the app's connection when it opens. */
export const appConnectionOpened = (connection: Database.Database) => {
  state.connection = connection;
  applyAutocheckpoint();
};

// PASSIVE only: it never takes the write lock, so it never holds up a request. (RESTART and
// TRUNCATE block writers while they wait for readers; a request whose transaction has read and
// then writes is then refused at once with SQLITE_BUSY — SQLite's deadlock rule skips the busy
// timeout — which a benchmark of 10,000 users turned into dozens of 503s.) The -wal file does not
// grow without end: once a checkpoint has caught up, the next transaction writes it from its start.
const WORKER = `
const { workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");
const db = new Database(workerData.file, { timeout: 2000 });
setInterval(() => {
  try {
    db.pragma("wal_checkpoint(PASSIVE)");
  } catch (err) {
    if (!/busy|locked/i.test(String(err && err.message))) throw err;
  }
}, 200);
`;

/** Starts the checkpointing thread for the embedded database (once per process). */
export const startCheckpoints = (file: string) => {
  if (state.worker) return;
  const worker = new Worker(WORKER, { eval: true, workerData: { file } });
  worker.unref();
  worker.on("online", () => {
    state.worker = worker;
    applyAutocheckpoint();
  });
  worker.on("error", (err) => log.error({ err }, "db: the SQLite checkpoint thread failed; checkpoints are back on the app's connection"));
  worker.on("exit", () => {
    state.worker = undefined;
    applyAutocheckpoint();
  });
};

/** Stops the checkpointing thread (shutdown); closing the app's connection then checkpoints the rest. */
export const stopCheckpoints = async () => {
  await state.worker?.terminate();
};
