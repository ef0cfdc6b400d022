// The operator CLI against the e2e server's database, for setup steps a test is not about.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { E2E_DATA_DIR } from "../../playwright.config";

export const muster = <T = Record<string, unknown>>(...args: string[]): T => {
  const out = execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "cli/muster.ts", ...args], {
    env: { ...process.env, NODE_ENV: "production", DATABASE_URL: `file:${path.join(E2E_DATA_DIR, "e2e.db")}`, MUSTER_DATA_DIR: E2E_DATA_DIR },
  });
  return JSON.parse(out.toString()) as T;
};

/** A SCIM token for the workspace with this slug. */
export const scimToken = (slug: string) => muster<{ token: string; tenantUrl: string }>("token:create", "--workspace", slug, "--name", "e2e").token;
