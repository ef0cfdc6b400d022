// Serves the built app for Playwright on a fresh SQLite database (E2E_DATA_DIR is wiped first).
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const port = process.argv[2] ?? "3210";
const dir = process.env.E2E_DATA_DIR ?? path.resolve(".e2e/data");
fs.rmSync(dir, { recursive: true, force: true });
fs.mkdirSync(dir, { recursive: true });

const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port, "-H", "127.0.0.1"], {
  stdio: "inherit",
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: `file:${path.join(dir, "e2e.db")}`,
    MUSTER_DATA_DIR: dir,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    MUSTER_BASE_URL: `http://127.0.0.1:${port}`,
  },
});
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
child.on("exit", (code) => process.exit(code ?? 0));
