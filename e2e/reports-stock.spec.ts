// The stock and receivables reports as the owner uses them: open each from the reports index,
// follow a figure to the rows behind it (their total is the figure), and download the view as CSV.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { signIn, users } from "./helpers";

async function downloadCsv(page: Page) {
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, "utf8") };
}

test("stock report: a warehouse's value opens its ledger rows; the view downloads as CSV", async ({ page }) => {
  await signIn(page, users.owner);
  await page.goto("/reports");
  await page.getByRole("main").getByRole("link", { name: /^Stock/ }).click();
  await expect(page.getByRole("heading", { name: "Stock", level: 1 })).toBeVisible();
  const figure = page.getByRole("link", { name: /^Ledger rows behind ₹/ }).first();
  const value = (await figure.innerText()).trim();
  await figure.click();
  await expect(page).toHaveURL(/\/reports\/stock\/ledger\?warehouseId=/);
  await expect(page.getByText(`value at cost ${value}`)).toBeVisible();
  await page.goBack();
  const csv = await downloadCsv(page);
  expect(csv.name).toBe("stock-value-by-warehouse.csv");
  expect(csv.text).toContain(`Total,,,`);
  await page.getByRole("link", { name: "Reorder" }).click();
  await expect(page.getByText("Suggested = reorder level + daily outflow")).toBeVisible();
});

test("receivables report: a month's collections open their payments; credit limits flag over-limit retailers; CSV", async ({ page }) => {
  await signIn(page, users.owner);
  await page.goto("/reports");
  await page.getByRole("main").getByRole("link", { name: /^Receivables/ }).click();
  await expect(page.getByRole("heading", { name: "Receivables", level: 1 })).toBeVisible();
  const figure = page.getByRole("link", { name: /^Payments behind ₹/ }).first();
  const value = (await figure.innerText()).trim();
  await figure.click();
  await expect(page).toHaveURL(/\/reports\/receivables\/documents\?kind=payments/);
  await expect(page.getByText(`net collected ${value}`)).toBeVisible();
  await page.getByRole("link", { name: "Back to the report" }).click();
  const csv = await downloadCsv(page);
  expect(csv.name).toMatch(/^collections-month-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text).toContain("Month,Code,Key,Receipts,Received");
  await page.getByRole("link", { name: "Credit limits" }).click();
  await expect(page.getByText("Exposure = outstanding (ledger balance) + open orders")).toBeVisible();
  await expect(page.locator("p", { hasText: /over the limit/ })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("%");
});
