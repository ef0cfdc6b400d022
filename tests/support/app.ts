// Starts the built app (`next build` must have run) on a free port against a fresh database,
// the way an IdP or a browser would meet it.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync } from "node:fs";
import net from "node:net";
import { freshDatabase, type Engine, type TestDatabase } from "./engines";

export type RunningApp = { baseUrl: string; db: TestDatabase; env: NodeJS.ProcessEnv; stop: () => Promise<void>; /** What the app wrote to stdout and stderr so far. */ output: () => string };

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });

const waitForHealth = async (baseUrl: string, child: ChildProcess, log: () => string, ready: (status: number) => boolean) => {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${baseUrl}/api/health`);
      if (ready(res.status)) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`app did not become healthy:\n${log()}`);
};

type Options = { env?: Record<string, string>; ready?: (healthStatus: number) => boolean; /** A second instance on this app's database (not dropped when it stops). */ sharing?: RunningApp };

export const startApp = async (engine: Engine, { env: extraEnv = {}, ready = (s) => s === 200, sharing }: Options = {}): Promise<RunningApp> => {
  const db = sharing ? { ...sharing.db, drop: async () => undefined } : await freshDatabase(engine);
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: db.url,
    MUSTER_DATA_DIR: db.dataDir,
    NEXTAUTH_URL: baseUrl,
    MUSTER_BASE_URL: baseUrl,
    NEXTAUTH_SECRET: "test-secret-not-for-production-use-0123456789",
    ...extraEnv,
  };
  let output = "";
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  await waitForHealth(baseUrl, child, () => output, ready);
  return {
    baseUrl,
    db,
    env,
    output: () => output,
    stop: async () => {
      // TEST_APP_LOG=<file> keeps the app's output, to read a server error behind a failed test.
      if (process.env.TEST_APP_LOG) appendFileSync(process.env.TEST_APP_LOG, output);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await db.drop();
    },
  };
};
