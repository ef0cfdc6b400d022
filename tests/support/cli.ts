import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Runs the operator CLI against a database and parses its JSON output. */
export const muster = async <T = Record<string, unknown>>(env: NodeJS.ProcessEnv, ...args: string[]): Promise<T> => {
  const { stdout } = await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/muster.ts", ...args], { env: { ...env, NODE_ENV: "production" } });
  return JSON.parse(stdout) as T;
};

export const musterFails = async (env: NodeJS.ProcessEnv, ...args: string[]) => {
  try {
    await run(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/muster.ts", ...args], { env: { ...env, NODE_ENV: "production" } });
  } catch (err) {
    const e = err as { code: number; stderr: string; stdout: string };
    return { code: e.code, error: (JSON.parse(e.stderr.trim().split("\n").pop()!) as { error: string }).error, stdout: e.stdout };
  }
  throw new Error(`expected muster ${args.join(" ")} to fail`);
};
