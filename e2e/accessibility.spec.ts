// Every main page, staff and retailer, has no accessibility violation of serious or critical impact
// (axe-core: contrast, names, roles, lists, labels), at the office laptop's 1366 × 768.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { signedIn, users } from "./helpers";

const staffPages = ["/dashboard", "/orders", "/invoices", "/payments", "/receivables", "/retailers", "/products", "/inventory", "/shipments", "/trips", "/trips/plan", "/reports", "/reports/sales", "/reports/gst"];
const portalPages = ["/portal", "/portal/catalog?vendor=SGAF", "/portal/cart", "/portal/orders", "/portal/invoices", "/portal/vendors"];

async function seriousViolations(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("heading", { level: 1 }).first().waitFor();
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${path}: ${v.id} (${v.impact}) — ${v.nodes.length} element(s), e.g. ${v.nodes[0]?.target.join(" ")}: ${v.nodes[0]?.failureSummary?.split("\n")[1]?.trim() ?? v.help}`);
}

test("staff pages have no serious or critical accessibility violations", async ({ browser }) => {
  test.setTimeout(180_000);
  const page = await signedIn(browser, users.owner);
  await page.setViewportSize({ width: 1366, height: 768 });
  const found: string[] = [];
  for (const path of staffPages) found.push(...(await seriousViolations(page, path)));
  expect(found).toEqual([]);
});

test("retailer portal pages have no serious or critical accessibility violations", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, users.retailer);
  await page.setViewportSize({ width: 1366, height: 768 });
  const found: string[] = [];
  for (const path of portalPages) found.push(...(await seriousViolations(page, path)));
  expect(found).toEqual([]);
});
