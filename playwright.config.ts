import { defineConfig } from "@playwright/test";

const PORT = 3100;

/**
 * Browser tests drive Debian's Chromium (Playwright's own download is not reachable here) against
 * a production build served on its own SQLite file, created fresh for every run.
 */
export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && node src/cli/start.mjs",
    url: `http://localhost:${PORT}/signin`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { PORT: String(PORT), DATABASE_URL: "file:./data/e2e.db", NEXT_TELEMETRY_DISABLED: "1" },
  },
});
