// Bulk actions as a clerk uses them: choose orders on the list, confirm, print their pick lists,
// mark them packed and invoice them, reading a result per order (one on credit hold is skipped);
// then choose invoices, request their IRNs and e-mail them, reading a result per document. Screenshots at 1366×768 and phone
// width go to test-results/ for review.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn, users } from "./helpers";

const shots = (name: string) => `test-results/bulk-${name}.png`;

/** Orders and invoices made for this spec through the API, so it does not depend on what others left. */
async function setUp(request: APIRequestContext) {
  const login = await request.post("/api/v1/auth/token", { data: { email: users.owner, password: DEMO_PASSWORD } });
  const auth = { authorization: `Bearer ${(await login.json()).accessToken}` };
  const connection = async (code: string) => (await (await request.get(`/api/v1/retailers?q=${code}`, { headers: auth })).json()).data[0].id as string;
  const products = (await (await request.get("/api/v1/products?limit=100", { headers: auth })).json()).data as { id: string; unit: string; available: string }[];
  // A product sold by the piece, well in stock, bought in its smallest allowed quantity.
  let line: { productId: string; quantity: string } | null = null;
  for (const p of products.filter((p) => p.unit === "PCS" && Number(p.available) >= 100)) {
    const d = await (await request.get(`/api/v1/products/${p.id}`, { headers: auth })).json();
    if (d.sellInPacks) continue;
    line = { productId: p.id, quantity: String(Math.max(1, Math.ceil(Number(d.minOrderQty ?? 1)))) };
    break;
  }
  if (!line) throw new Error("the demo catalog has no product sold by the piece in stock");
  const sharma = await connection("NSK-0042");
  const place = async (connectionId: string, i: number) => {
    const res = await request.post("/api/v1/orders", { headers: { ...auth, "idempotency-key": `bulk-e2e-order-${Date.now()}-${i}` }, data: { connectionId, lines: [line], notes: "Bulk actions check" } });
    expect(res.status()).toBe(201);
    return (await res.json()) as { number: string; creditHold: boolean };
  };
  const orders: string[] = [];
  for (let i = 0; i < 3; i++) orders.push((await place(sharma, i)).number);
  // Laxmi Kirana owes more than its credit limit: its new order waits on credit hold.
  const held = await place(await connection("PUN-0118"), 3);
  expect(held.creditHold).toBe(true);
  // Two invoices issued while e-invoicing was switched off: they have no IRN until someone asks.
  const settings = async (eInvoiceEnabled: boolean) => expect((await request.patch("/api/v1/e-invoice-settings", { headers: auth, data: { eInvoiceEnabled } })).status()).toBe(200);
  await settings(false);
  const invoices: string[] = [];
  try {
    for (let i = 0; i < 2; i++) {
      const res = await request.post("/api/v1/invoices", { headers: { ...auth, "idempotency-key": `bulk-e2e-invoice-${Date.now()}-${i}` }, data: { connectionId: sharma, lines: [line] } });
      expect(res.status()).toBe(201);
      invoices.push((await res.json()).number);
    }
  } finally {
    await settings(true);
  }
  return { orders, held: held.number, invoices };
}

function bar(page: Page) {
  return page.getByRole("region", { name: "Bulk actions" });
}

async function choose(page: Page, numbers: string[]) {
  for (const n of numbers) await page.getByRole("checkbox", { name: `Select ${n}` }).check();
}

/** axe-core's serious and critical findings on the page as it is now (the bar and results open). */
async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The results panel: one line per row, "Done SO/… Confirmed". */
async function expectResults(page: Page, heading: RegExp, lines: [string, string, string][]) {
  const panel = page.getByRole("region", { name: heading });
  // Each row is its own transaction, one after another: a loaded machine takes a while for invoices.
  await expect(panel).toBeVisible({ timeout: 60_000 });
  // Focus moves to the outcome, so a keyboard or screen reader user hears it.
  await expect(panel.getByRole("heading")).toBeFocused();
  for (const [outcome, number, message] of lines) await expect(panel.getByRole("listitem").filter({ hasText: number })).toContainText(`${outcome}${number}${message}`);
  return panel;
}

test("staff confirm, print, pack and invoice several orders, then request IRNs for and e-mail several invoices, with a result per row", async ({ page, request }) => {
  test.setTimeout(300_000);
  const { orders, held, invoices } = await setUp(request);
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, users.owner);

  await page.goto("/orders?status=placed");
  // Nothing chosen: no bar.
  await expect(bar(page)).toHaveCount(0);
  // Keyboard: Space ticks the focused box.
  await page.getByRole("checkbox", { name: `Select ${orders[0]}` }).focus();
  await page.keyboard.press("Space");
  await choose(page, [...orders.slice(1), held]);
  await expect(bar(page)).toContainText("4 orders selected");
  // The role may do all of it; the states allow confirming (3 of the 4) and printing, not packing or invoicing yet.
  await expect(bar(page).getByRole("button", { name: "Confirm: 3 of the 4 selected" })).toHaveText("Confirm (3)");
  await expect(bar(page).getByRole("link", { name: "Print pick lists" })).toBeVisible();
  await expect(bar(page).getByRole("button", { name: /Mark packed|Invoice/ })).toHaveCount(0);
  // The list still fits the laptop screen with its new column.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await page.screenshot({ path: shots("orders-selected-1366"), fullPage: false });

  await bar(page).getByRole("button", { name: /^Confirm/ }).click();
  await expectResults(page, /^Confirm: 3 done, 1 skipped$/, [...orders.map((n): [string, string, string] => ["Done", n, "Confirmed"]), ["Skipped", held, "On credit hold"]]);
  await page.screenshot({ path: shots("orders-confirmed-1366"), fullPage: true });
  // Confirmed orders leave the Placed tab; the held one stays, still chosen for another try.
  for (const n of orders) await expect(page.getByRole("checkbox", { name: `Select ${n}` })).toHaveCount(0);
  await expect(page.getByRole("checkbox", { name: `Select ${held}` })).toBeChecked();
  await expect(bar(page)).toContainText("1 order selected");
  // The results panel and the bar open together pass axe-core too.
  expect(await seriousViolations(page)).toEqual([]);

  // Print their pick lists: one page, a sheet per order.
  await page.goto("/orders?status=confirmed");
  await choose(page, orders);
  await bar(page).getByRole("link", { name: "Print pick lists" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Pick lists of 3 orders" })).toBeVisible();
  for (const n of orders) await expect(page.getByRole("article", { name: `Pick list ${n}` })).toBeVisible();
  await expect(page.getByRole("button", { name: "Print 3 pick lists" })).toBeVisible();

  // Pack them, then invoice them (which asks first: tax invoices are final).
  await page.goto("/orders?status=confirmed");
  await choose(page, orders);
  await bar(page).getByRole("button", { name: "Mark packed" }).click();
  await expectResults(page, /^Mark packed: 3 done$/, orders.map((n) => ["Done", n, "Packed"]));
  await page.goto("/orders?status=packed");
  await choose(page, orders);
  await bar(page).getByRole("button", { name: "Invoice" }).click();
  const dialog = page.getByRole("dialog", { name: "Issue tax invoices for these 3 orders?" });
  await dialog.getByRole("button", { name: "Issue invoices" }).click();
  const invoiced = await expectResults(page, /^Invoice: 3 done$/, orders.map((n) => ["Done", n, "Invoiced: INV/"]));
  await expect(invoiced.getByRole("link", { name: /^INV\// })).toHaveCount(3);
  const made = (await invoiced.getByRole("listitem").filter({ hasText: orders[0] }).innerText()).match(/INV\/[\d-]+\/\d+/)![0];
  // Again on the same orders: each is skipped, nothing is invoiced twice.
  await choose(page, orders);
  await bar(page).getByRole("button", { name: "Invoice" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Issue invoices" }).click();
  await expectResults(page, /^Invoice: 3 skipped$/, orders.map((n) => ["Skipped", n, "Already invoiced"]));

  // Invoices: the two issued while e-invoicing was off have no IRN; ask for them, with one that has
  // been sent to the IRP already.
  await page.goto("/invoices?q=Sharma");
  await choose(page, [...invoices, made]);
  await expect(bar(page)).toContainText("3 documents selected");
  const zip = bar(page).getByRole("link", { name: "Download PDFs (ZIP)" });
  await expect(zip).toHaveAttribute("href", /^\/api\/v1\/invoices\/pdfs\?ids=[\w-]+,[\w-]+,[\w-]+$/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
  await page.screenshot({ path: shots("invoices-selected-1366"), fullPage: false });
  await bar(page).getByRole("button", { name: /^Request IRN/ }).click();
  await page.getByRole("dialog", { name: "Report these 3 documents to the IRP?" }).getByRole("button", { name: "Request IRNs" }).click();
  const irn = await expectResults(page, /^Request IRN: 2 done, 1 skipped$/, invoices.map((n) => ["Done", n, "Queued for the IRP"]));
  // The invoice made from the order went to the IRP when it was issued (the job may have answered already).
  await expect(irn.getByRole("listitem").filter({ hasText: made })).toContainText(/^Skipped.*Already (waiting for the IRP|has an IRN)$/);

  // Then mail all three to the retailer.
  await choose(page, [...invoices, made]);
  await bar(page).getByRole("button", { name: "E-mail PDFs" }).click();
  await page.getByRole("dialog", { name: "E-mail these 3 documents to the retailers?" }).getByRole("button", { name: "Send e-mails" }).click();
  await expectResults(page, /^E-mail PDFs: 3 done$/, [...invoices, made].map((n) => ["Done", n, "E-mailed to "]));
  await page.screenshot({ path: shots("invoices-emailed-1366"), fullPage: true });

  // Phone width: the same list, the bar wraps under the table.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/orders?status=packed");
  await choose(page, orders.slice(0, 2));
  await expect(bar(page)).toContainText("2 orders selected");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: shots("orders-selected-phone"), fullPage: false });
  await page.goto("/invoices?q=Sharma");
  await choose(page, invoices);
  await page.screenshot({ path: shots("invoices-selected-phone"), fullPage: false });
});
