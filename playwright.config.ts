// End-to-end specs in Debian's Chromium against a production build served by scripts/e2e-server.ts
// (its own embedded PostgreSQL under .data/e2e-postgres, a fresh seeded database every run).
import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const CI = !!process.env.CI;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results/playwright",
  // One worker. Tried (2026-12-07): two workers, each with a server and a copy of the seeded database of its own.
  // On 2 cores the CPU was then saturated (0 % idle: two Chromiums, two servers, PostgreSQL) and each spec took
  // about twice as long, so the suite was no shorter. Debian's chromium-headless-shell instead of Chromium's new
  // headless mode made no difference either (the same five specs: 151 s against 154 s).
  fullyParallel: false,
  workers: 1,
  retries: CI ? 1 : 0,
  forbidOnly: CI,
  timeout: 45_000,
  expect: { timeout: 10_000 },
  // The JSON report feeds the one-line total that scripts/test-all.sh prints at the end.
  reporter: [["list"], ["json", { outputFile: "test-results/playwright.json" }]],
  use: {
    baseURL,
    screenshot: "only-on-failure",
    trace: CI ? "retain-on-failure" : "off",
    locale: "en-IN",
    timezoneId: "Asia/Kolkata",
    viewport: { width: 1366, height: 860 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage"],
    },
  },
  projects: [
    // What people do: staff, retailer, password reset, REST API.
    { name: "chromium", testIgnore: /screenshots\.spec\.ts/ },
    // Full-page screenshots of the key screens into e2e/screenshots/ (gitignored) for review:
    // `npm run screenshots` (npm test runs the chromium project only).
    { name: "screenshots", testMatch: /screenshots\.spec\.ts/ },
  ],
  webServer: {
    command: "node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts",
    url: `${baseURL}/api/v1/openapi.json`,
    env: { E2E_PORT: String(PORT) },
    timeout: 240_000,
    reuseExistingServer: !!process.env.E2E_REUSE_SERVER,
    stdout: process.env.E2E_SERVER_LOG ? "pipe" : "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
