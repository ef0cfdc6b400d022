// The operator CLI, run against a test app's database. `muster` sends each command to one
// long-lived `muster batch` process per database and base URL (a process start costs about a
// second and a half; a command, milliseconds), except those that must find the database untouched;
// `musterFails` runs a process of its own, to see its exit code.
import { execFile, spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { createInterface } from "node:readline";
import { promisify } from "node:util";

const run = promisify(execFile);
const CLI = ["--conditions=react-server", "--import", "tsx", "cli/muster.ts"];

type Answer = { ok: true; result: unknown } | { ok: false; error: string };
type Batch = { child: ChildProcessWithoutNullStreams; waiting: Array<(a: Answer) => void>; stderr: string };

const batches = new Map<string, Batch>();

const batchFor = (env: NodeJS.ProcessEnv): Batch => {
  const key = [env.DATABASE_URL, env.MUSTER_DATA_DIR, env.MUSTER_BASE_URL].join("|");
  const existing = batches.get(key);
  if (existing && existing.child.exitCode === null) return existing;
  const child = spawn(process.execPath, [...CLI, "batch"], { env: { ...env, NODE_ENV: "production" } });
  const batch: Batch = { child, waiting: [], stderr: "" };
  createInterface({ input: child.stdout }).on("line", (line) => batch.waiting.shift()?.(JSON.parse(line) as Answer));
  child.stderr.on("data", (d) => (batch.stderr += d));
  child.on("exit", (code) => {
    for (const w of batch.waiting.splice(0)) w({ ok: false, error: `muster batch exited with ${code}: ${batch.stderr}` });
    batches.delete(key);
  });
  // The test process may end without closing it: it must not keep the process alive.
  child.unref();
  batches.set(key, batch);
  return batch;
};

// Commands that must meet the database as they find it: a batch process migrates it first.
const OWN_PROCESS = new Set(["db:migrate", "backup", "restore"]);

/** Runs an operator CLI command against a database and returns its JSON answer. */
export const muster = async <T = Record<string, unknown>>(env: NodeJS.ProcessEnv, ...args: string[]): Promise<T> => {
  if (OWN_PROCESS.has(args[0]!)) {
    const { stdout } = await run(process.execPath, [...CLI, ...args], { env: { ...env, NODE_ENV: "production" } });
    return JSON.parse(stdout) as T;
  }
  const batch = batchFor(env);
  const answer = await new Promise<Answer>((resolve) => {
    batch.waiting.push(resolve);
    batch.child.stdin.write(`${JSON.stringify(args)}\n`);
  });
  if (!answer.ok) throw new Error(`muster ${args.join(" ")}: ${answer.error}`);
  return answer.result as T;
};

/** Ends the batch processes of a database (its app stops; its database is dropped). */
export const closeMuster = async (env: NodeJS.ProcessEnv) => {
  const ended = [...batches.entries()].filter(([key]) => key.startsWith(`${env.DATABASE_URL}|`));
  await Promise.all(
    ended.map(([, b]) => {
      const exited = new Promise((r) => b.child.once("exit", r));
      b.child.stdin.end();
      return Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    }),
  );
};

export const musterFails = async (env: NodeJS.ProcessEnv, ...args: string[]) => {
  try {
    await run(process.execPath, [...CLI, ...args], { env: { ...env, NODE_ENV: "production" } });
  } catch (err) {
    const e = err as { code: number; stderr: string; stdout: string };
    return { code: e.code, error: (JSON.parse(e.stderr.trim().split("\n").pop()!) as { error: string }).error, stdout: e.stdout };
  }
  throw new Error(`expected muster ${args.join(" ")} to fail`);
};
