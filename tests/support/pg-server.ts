// A PostgreSQL server of the test's own (Debian's binaries, a temporary data directory, a free
// port), which a test may stop and start again like an operator restarting the database, without
// touching the shared server that other tests use.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./app";

export type PostgresServer = { adminUrl: string; stop: () => void; start: () => void; destroy: () => void };

const binDir = (): string | null => {
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, "bin", "initdb"))).sort((x, y) => Number(y) - Number(x));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
};

/** Whether this machine can run a server of the test's own (CI installs Debian's postgresql). */
export const canRunPostgres = () => binDir() !== null;

export const startPostgresServer = async (): Promise<PostgresServer> => {
  const bin = binDir();
  if (!bin) throw new Error("PostgreSQL's binaries are not installed (/usr/lib/postgresql/<version>/bin)");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "muster-pg-"));
  const data = path.join(dir, "data");
  const port = await freePort();
  // PostgreSQL refuses to run as root: run it as the postgres user when the test is root.
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) => {
    const full = [path.join(bin, cmd), ...args];
    const res = asRoot ? spawnSync("su", ["postgres", "-s", "/bin/sh", "-c", full.map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ")], { encoding: "utf8" }) : spawnSync(full[0]!, full.slice(1), { encoding: "utf8" });
    if (res.status !== 0) throw new Error(`${cmd} failed (${res.status}): ${res.stderr || res.stdout}`);
  };
  if (asRoot) execFileSync("chown", ["postgres", dir]);
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => run("pg_ctl", ["-D", data, "-o", options, "-l", path.join(dir, "server.log"), "-w", "-t", "30", "start"]);
  // "fast": what a restart by a service manager does — sessions are ended, connections cut.
  const stop = () => run("pg_ctl", ["-D", data, "-m", "fast", "-w", "-t", "30", "stop"]);
  start();
  return {
    adminUrl: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
};
