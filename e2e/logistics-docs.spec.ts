// Delivery challans and e-way bills, as the dispatcher of Shree Ganesh Foods works with them: a challan for
// stock going from the Chakan plant to the Nashik depot (and its PDF), and an e-way bill through the local
// sandbox for a packed, invoiced shipment, whose truck then breaks down (Part B updated). Screens are also
// checked at 1366×768 and on a 390-wide phone: no sideways scrolling; screenshots go to e2e/screenshots/.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signIn, users } from "./helpers";

const shots = path.join(import.meta.dirname, "screenshots");

async function noSidewaysScroll(page: Page, name: string) {
  await page.waitForLoadState("networkidle");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} scrolls sideways by ${overflow}px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: path.join(shots, `logistics-docs-${name}.png`), fullPage: true });
}

test("a stock-transfer challan and its PDF", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, users.owner);
  await page.getByRole("link", { name: "Challans" }).first().click();
  await expect(page.getByRole("heading", { name: "Delivery challans" })).toBeVisible();
  await noSidewaysScroll(page, "challans-1366");
  await page.getByRole("link", { name: "New challan" }).click();
  await expect(page.getByLabel("Purpose", { exact: true })).toHaveValue("STOCK_TRANSFER");
  await page.getByLabel("From warehouse").selectOption({ label: "CHK · Chakan Plant" });
  await page.getByLabel("To warehouse").selectOption({ label: "NSK · Nashik Depot" });
  await page.getByLabel("Note on the purpose").fill("Weekly top-up of the Nashik depot");
  const picker = page.getByRole("combobox", { name: "Product, line 1" });
  await picker.fill("SG-BS-500");
  await page.getByRole("option", { name: /SG-BS-500/ }).click();
  await page.getByLabel(/^Quantity.*line 1$/).fill("40");
  await noSidewaysScroll(page, "challan-new-1366");
  await page.getByRole("button", { name: "Issue challan" }).click();
  await expect(page).toHaveURL(/\/challans\/[^/?]+\?created=1$/);
  const number = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(number).toMatch(/^DC\/\d{2}-\d{2}\/\d{5}$/);
  await expect(page.getByText("Weekly top-up of the Nashik depot")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "SG-BS-500" })).toContainText("40");
  await noSidewaysScroll(page, "challan-detail-1366");

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download PDF" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${number.replaceAll("/", "-")}.pdf`);
  const bytes = await (await file.createReadStream()).toArray();
  expect(Buffer.concat(bytes).subarray(0, 5).toString()).toBe("%PDF-");

  await page.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(page, "challan-detail-390");
  await page.goto("/challans");
  await expect(page.getByRole("link", { name: number })).toBeVisible();
  await noSidewaysScroll(page, "challans-390");
  await page.goto("/challans/new");
  await noSidewaysScroll(page, "challan-new-390");
});

test("an e-way bill for an invoiced shipment through the sandbox, then a new vehicle after a breakdown", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, users.owner);
  await page.goto("/eway-bills");
  await expect(page.getByRole("heading", { name: "E-way bills", level: 1 })).toBeVisible();
  await noSidewaysScroll(page, "eway-bills-1366");
  // The invoiced shipment waiting at the warehouse (the other one is the depot transfer on its challan).
  const waiting = page.getByRole("region", { name: "Shipments without an e-way bill" }).getByRole("listitem").filter({ hasNotText: "Nashik Depot" }).getByRole("link").first();
  await waiting.click();
  await expect(page).toHaveURL(/\/eway-bills\/shipments\//);
  await expect(page.getByText("Sandbox — not reported to GSTN")).toBeVisible();
  const form = page.getByRole("form", { name: /Generate e-way bill for INV\// }).first();
  await form.getByLabel("Distance (km)").fill("abc");
  await form.getByLabel("Vehicle number").fill("MH12TR4521");
  await form.getByRole("button", { name: "Generate e-way bill" }).click();
  await expect(form.getByText(/Distance must be a number/)).toBeVisible();
  await form.getByLabel("Distance (km)").fill("160");
  await noSidewaysScroll(page, "shipment-panel-1366");
  await form.getByRole("button", { name: "Generate e-way bill" }).click();

  // The job reaches the sandbox after commit; the panel shows the number once it is back.
  const bill = page.getByRole("link", { name: /^\d{12}$/ }).first();
  await expect(async () => {
    await page.reload();
    await expect(bill).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  const ewbNo = (await bill.innerText()).trim();
  await bill.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ewbNo);
  await expect(page.getByText("Generated", { exact: true })).toBeVisible();
  await expect(page.getByRole("table", { name: "Vehicle history" })).toContainText("MH12TR4521");

  await page.getByRole("button", { name: "Update Part B" }).click();
  const partB = page.getByRole("form", { name: "Update Part B" });
  await partB.getByLabel("Vehicle number").fill("MH14 CD 9876");
  await partB.getByLabel("Reason").selectOption("1");
  await partB.getByLabel("Remark").fill("Breakdown near Lonavala");
  await partB.getByLabel("From place").fill("Lonavala");
  await noSidewaysScroll(page, "eway-bill-part-b-1366");
  await partB.getByRole("button", { name: "Send Part B" }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("table", { name: "Vehicle history" })).toContainText("MH14CD9876", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByRole("table", { name: "Vehicle history" })).toContainText("Due to break down — Breakdown near Lonavala");

  await page.setViewportSize({ width: 390, height: 844 });
  await noSidewaysScroll(page, "eway-bill-detail-390");
  await page.goto("/eway-bills");
  await expect(page.getByRole("link", { name: ewbNo })).toBeVisible();
  await noSidewaysScroll(page, "eway-bills-390");
});
