// The demo's year of trade (scripts/demo-catalog/seed-history.ts) reaches the charts: the sales report
// by month over the last 13 months has sales in every month, more in the festive months than in the
// monsoon; the dashboard draws its charts. Screens kept at 1366×768 and on a 390-wide phone.
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, users } from "./helpers";

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The accessible table behind the sales chart: [month, taxable] rows. */
async function monthlyTaxable(page: Page): Promise<[string, number][]> {
  const rows = page.locator("table", { has: page.locator("caption", { hasText: "Taxable value by month" }) }).locator("tbody tr");
  const out: [string, number][] = [];
  for (const r of await rows.all()) {
    const cells = await r.locator("th, td").allTextContents();
    out.push([cells[0]!.trim(), Number(cells[1]!.replace(/[₹,\s]/g, ""))]);
  }
  return out;
}

test("a year of sales with a festive peak, on the report and the dashboard", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto("/login");
  await page.getByLabel("Email").fill(users.owner);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The dashboard computes the month's figures on first load; give a busy machine time.
  await expect(page).toHaveURL(/\/dashboard/, { timeout: 60_000 });
  const now = new Date();
  const from = day(new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth() - 1, 1)));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`/reports/sales?from=${from}&to=${day(now)}&groupBy=month`);
  await expect(page.locator(".chart-surface:visible").first()).toBeVisible();
  const months = await monthlyTaxable(page);
  expect(months.length).toBeGreaterThanOrEqual(13);
  expect(months.filter(([, v]) => v > 0).length).toBeGreaterThanOrEqual(13);
  const of = (name: RegExp) => months.filter(([m]) => name.test(m)).reduce((s, [, v]) => s + v, 0);
  // September–November (Navratri, Diwali) sell more than June–August (monsoon).
  expect(of(/^(Sep|Oct|Nov) /)).toBeGreaterThan(of(/^(Jun|Jul|Aug) /));
  await page.screenshot({ path: "test-results/history-sales-1366.png", fullPage: true });
  await page.goto("/dashboard");
  await expect(page.locator(".chart-surface:visible").first()).toBeVisible();
  await page.screenshot({ path: "test-results/history-dashboard-1366.png", fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/reports/sales?from=${from}&to=${day(now)}&groupBy=month`);
  await expect(page.locator(".chart-surface:visible").first()).toBeVisible();
  await page.screenshot({ path: "test-results/history-sales-390.png", fullPage: true });
  await page.goto("/dashboard");
  await expect(page.locator(".chart-surface:visible").first()).toBeVisible();
  await page.screenshot({ path: "test-results/history-dashboard-390.png", fullPage: true });
});
