import { defineConfig } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./e2e/chromium";

// E2E_PORT lets several test servers (each with its own database and build folder) run side by side.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const DB = `data/e2e-${PORT}.db`;

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
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    command: `rm -f ${DB} ${DB}-wal ${DB}-shm && node src/cli/start.mjs`,
    url: `http://localhost:${PORT}/signin`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: {
      PORT: String(PORT),
      DATABASE_URL: `file:./${DB}`,
      NEXT_TELEMETRY_DISABLED: "1",
      ...(process.env.E2E_PORT ? { NEXT_DIST_DIR: `.next-e2e-${PORT}` } : {}),
    },
  },
});
