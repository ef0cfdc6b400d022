import { defineConfig, devices } from "@playwright/test";

// e2e runs the built app (`next build` first) on its own port and a fresh SQLite database in .e2e/.
const port = Number(process.env.E2E_PORT || 3210);
export const E2E_DATA_DIR = `${process.cwd()}/.e2e/data-${port}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: `test-results/${port}`,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    viewport: { width: 1366, height: 860 },
    launchOptions: {
      // Playwright cannot download its browsers here; Debian's Chromium is used instead.
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], viewport: { width: 1366, height: 860 } } }],
  webServer: {
    command: `node e2e/support/serve.mjs ${port}`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    // The server's request log (a JSON line per request) would bury the test report: warnings and errors only.
    env: { E2E_DATA_DIR, MUSTER_LOG_LEVEL: process.env.MUSTER_LOG_LEVEL ?? "warn" },
    stdout: "pipe",
    stderr: "pipe",
  },
});
