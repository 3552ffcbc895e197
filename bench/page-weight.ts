// The JavaScript each main page ships, as a browser downloads it: compressed bytes of every script a cold
// visit loads (the shared framework chunks included), measured in Debian's Chromium through the DevTools
// protocol against a running production build (`scripts/e2e-server.ts` or `npm start` with demo data).
//
//   E2E_PORT=3200 node node_modules/tsx/dist/cli.mjs scripts/e2e-server.ts &
//   BENCH_BASE_URL=http://localhost:3200 npx tsx bench/page-weight.ts
//
// Writes bench/results/page-weight-<date>.json. Each page is opened in a fresh, signed-in context, so no chunk
// is counted as cached from the page before.
import { mkdirSync, writeFileSync } from "node:fs";
import { chromium, type Browser } from "playwright";
import { scriptWeight, type ScriptWeight } from "./lib/script-weight";

const BASE = process.env.BENCH_BASE_URL ?? "http://localhost:3200";
const PASSWORD = "Demo@1234";
const staff = "owner@shreeganesh.example";
const retailer = "ravi@sharmakirana.example";

export const staffPages = ["/dashboard", "/orders", "/orders/new", "/invoices", "/invoices/new", "/payments", "/receivables", "/retailers", "/products", "/inventory", "/shipments", "/trips", "/trips/plan", "/reports", "/reports/sales", "/reports/stock", "/reports/gst"];
export const portalPages = ["/portal", "/portal/catalog?vendor=SGAF", "/portal/cart", "/portal/orders", "/portal/invoices"];

async function signedInState(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${BASE}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/login"));
  const state = await context.storageState();
  await context.close();
  return state;
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-dev-shm-usage"],
  });
  const results: ScriptWeight[] = [];
  for (const [email, paths] of [[staff, staffPages], [retailer, portalPages]] as const) {
    const storageState = await signedInState(browser, email);
    for (const path of paths) {
      const context = await browser.newContext({ storageState, viewport: { width: 1366, height: 768 } });
      results.push(await scriptWeight(context, `${BASE}${path}`, path));
      await context.close();
    }
  }
  await browser.close();
  console.table(results.map(({ path, scripts, compressedKB, uncompressedKB }) => ({ path, scripts, compressedKB, uncompressedKB })));
  mkdirSync("bench/results", { recursive: true });
  const file = `bench/results/page-weight-${new Date().toISOString().slice(0, 10)}${process.env.RESULT_SUFFIX ?? ""}.json`;
  writeFileSync(file, JSON.stringify({ measuredAt: new Date().toISOString(), base: BASE, pages: results }, null, 2) + "\n");
  console.log(`wrote ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
