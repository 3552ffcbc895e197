// The owner's morning: the dashboard (chart drawn without a CSP violation, figures also as a
// table), a work queue followed to its filtered list, the sales report by month, a figure drilled
// down to its documents, the report downloaded as CSV and Excel, and the invoices list exported.
// Screens checked at 1366×768 and on a 390-wide phone (no horizontal scroll).
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { DEMO_PASSWORD, users } from "./helpers";

function watchCsp(page: Page) {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return problems;
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("dashboard → work queue → sales report → drill-down → CSV and Excel", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await (await browser.newContext()).newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill(users.owner);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The dashboard computes the month's figures on first load; give a busy machine time.
  await expect(page).toHaveURL(/\/dashboard/, { timeout: 30_000 });
  const csp = watchCsp(page);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => ((window as unknown as { __csp: string[] }).__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/dashboard");
  await expect(page.getByRole("heading", { name: "Needs attention" })).toBeVisible();
  // The chart drew (an SVG drawn on the server) and its numbers are also a table.
  await expect(page.locator(".chart-surface:visible").first()).toBeVisible();
  await page.getByText("Show as table").first().click();
  await expect(page.getByRole("table", { name: /Sales by day/ })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect([...csp, ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []))], "CSP violations on the dashboard").toEqual([]);
  await page.screenshot({ path: "test-results/reports-dashboard-1366.png", fullPage: true });

  // A work queue leads to its list, filtered.
  await page.locator('[data-queue="overdue"]').click();
  await expect(page).toHaveURL(/\/invoices\?payment=overdue/);
  await expect(page.getByRole("heading", { name: "Invoices" })).toBeVisible();
  // The list exports what it shows.
  const [listCsv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export these documents as CSV" }).click()]);
  expect(listCsv.suggestedFilename()).toMatch(/^invoices-\d{4}-\d{2}-\d{2}\.csv$/);
  const listText = await readFile((await listCsv.path())!, "utf8");
  expect(listText.split("\r\n")[0]).toContain("Number,Type,Status,Issue date");

  // The sales report: this financial year by month.
  await page.goto("/reports");
  await page.getByRole("link", { name: /^Sales/ }).first().click();
  await expect(page).toHaveURL(/\/reports\/sales/);
  await page.getByLabel("From").fill("2026-04-01");
  await page.getByLabel("Group by").selectOption("month");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/groupBy=month/);
  await expect(page).toHaveURL(/from=2026-04-01/);
  const table = page.getByRole("table", { name: /Sales from 2026-04-01/ });
  await expect(table).toBeVisible();
  await page.screenshot({ path: "test-results/reports-sales-1366.png", fullPage: true });

  // Drill down from a month's figure to its documents: their sum is the figure.
  const figure = table.getByRole("link", { name: /^Documents behind/ }).last();
  const figureText = (await figure.innerText()).trim();
  await figure.click();
  await expect(page.getByRole("heading", { name: "Documents behind the figure" })).toBeVisible();
  await expect(page.getByText(figureText).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /^(INV|CN|DN)\// }).first()).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/from=2026-04-01/);

  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download CSV" }).click()]);
  expect(csv.suggestedFilename()).toMatch(/^sales-month-2026-04-01-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = await readFile((await csv.path())!, "utf8");
  expect(text).toContain("Total,");
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Excel" }).click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  const bytes = await readFile((await xlsx.path())!);
  expect(bytes.subarray(0, 2).toString()).toBe("PK");

  // A phone: readable, no sideways scroll.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard");
  await expect(page.locator(".chart-surface:visible").first()).toBeVisible();
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/reports-dashboard-390.png", fullPage: true });
  await page.goto("/reports/sales?from=2026-04-01&groupBy=month");
  await noHorizontalScroll(page);
  await page.screenshot({ path: "test-results/reports-sales-390.png", fullPage: true });
  expect(csp).toEqual([]);
});
