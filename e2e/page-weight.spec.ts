// What the busiest pages cost to load: the compressed JavaScript a cold visit downloads stays within a
// budget, so a heavy client library (a chart kit, a whole icon set) cannot slip back in unnoticed.
// The framework's own chunks are ~135 KB of every page; bench/page-weight.ts measures every page.
import { expect, test } from "@playwright/test";
import { scriptWeight } from "../bench/lib/script-weight";
import { signedIn, users } from "./helpers";

// KB of compressed JavaScript. Forms with client validation and the map carry ~55 KB more than a list.
const staffBudgets: Record<string, number> = { "/dashboard": 180, "/reports/sales": 180, "/orders": 195, "/invoices": 180, "/orders/new": 230, "/trips/plan": 230 };
const portalBudgets: Record<string, number> = { "/portal": 175, "/portal/catalog?vendor=SGAF": 175, "/portal/invoices": 175 };

for (const [who, email, budgets] of [["staff", users.owner, staffBudgets], ["retailer", users.retailer, portalBudgets]] as const) {
  test(`${who} pages ship no more JavaScript than their budget`, async ({ browser, baseURL }) => {
    test.setTimeout(90_000);
    const page = await signedIn(browser, email);
    const over: string[] = [];
    for (const [path, budget] of Object.entries(budgets)) {
      const w = await scriptWeight(page.context(), `${baseURL}${path}`, path);
      if (w.compressedKB > budget) over.push(`${path}: ${w.compressedKB} KB > ${budget} KB (largest: ${w.largest.map((l) => `${l.url} ${l.kb} KB`).join(", ")})`);
    }
    expect(over).toEqual([]);
  });
}
