// GST returns as an accountant files them: last month's GSTR-1 with its sections, a problem named
// with its document (linked), the tie-out, GSTR-3B with its derivation, coverage, and the JSON the
// offline tool imports downloaded. Screens checked at 1366×768 and on a 390-wide phone.
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { signedIn, users } from "./helpers";

test("GSTR-1 of last month: sections, a problem named, ties to the books; GSTR-3B; JSON download", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await signedIn(browser, users.owner);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole("link", { name: "Reports" }).first().click();
  await page.getByRole("link", { name: /GST returns/ }).first().click();
  await expect(page).toHaveURL(/\/reports\/gst/);
  await expect(page.getByRole("heading", { name: "GST returns" })).toBeVisible();

  // Every section of the demo month, by its table name.
  const sections = page.getByRole("table", { name: "GSTR-1 sections" });
  for (const s of ["b2b", "b2cl", "b2cs", "cdnr", "cdnur", "exp", "nil"]) await expect(sections.getByText(s, { exact: true })).toBeVisible();
  await expect(page.getByText("Ties", { exact: true })).toBeVisible();

  // The export without a shipping bill is named, and its number links to the document.
  const problems = page.getByRole("list", { name: "Problems" });
  const item = problems.getByRole("listitem").filter({ hasText: "no shipping bill" }).first();
  await expect(item).toBeVisible();
  const docLink = item.getByRole("link", { name: /^INV\/\d{2}-\d{2}\/\d{6}$/ });
  const number = (await docLink.innerText()).trim();
  await page.screenshot({ path: "test-results/gst-returns-1366.png", fullPage: true });

  // The JSON as the offline tool imports it.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download GSTR-1 JSON" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^GSTR1_27[0-9A-Z]{13}_\d{6}\.json$/);
  const json = JSON.parse(await readFile((await download.path())!, "utf8"));
  expect(json).toMatchObject({ version: "GST3.0.4", hash: "hash" });
  expect(json.exp.flatMap((e: { inv: { inum: string }[] }) => e.inv.map((i) => i.inum))).toContain(number);
  expect(Object.keys(json.hsn)).toEqual(expect.arrayContaining(["hsn_b2b", "hsn_b2c"]));

  // GSTR-3B with the documents behind a figure.
  await page.getByRole("link", { name: "GSTR-3B" }).click();
  await expect(page.getByRole("heading", { name: /^3\.1 Details of outward supplies/ })).toBeVisible();
  await page.getByText("(b) Outward taxable supplies (zero rated)").click();
  await expect(page.getByRole("table", { name: "GSTR-3B table 3.1" }).getByRole("link", { name: number })).toBeVisible();
  await page.screenshot({ path: "test-results/gst-returns-3b-1366.png", fullPage: true });

  // Coverage.
  await page.getByRole("link", { name: "E-invoice & e-way bill" }).click();
  await expect(page.getByRole("heading", { name: /^Needed an IRN and have none/ })).toBeVisible();

  // A phone: no sideways scroll of the page.
  await page.setViewportSize({ width: 390, height: 844 });
  for (const tab of ["", "?tab=gstr3b", "?tab=coverage"]) {
    await page.goto(`/reports/gst${tab}`);
    await expect(page.getByRole("heading", { name: "GST returns" })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: `test-results/gst-returns-390${tab.replace(/\W+/g, "-")}.png`, fullPage: true });
  }
});
