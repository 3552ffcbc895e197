// The order flow as people live it: a retailer orders from the portal; vendor staff confirm, pack,
// dispatch and deliver; after every step the retailer sees where the order is, and the mails reach
// the outbox (sent by the background job); then the retailer reorders with one tap.
import { expect, test, type Browser, type Page } from "@playwright/test";
import { openOutbox, signIn, users } from "./helpers";

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** The retailer's view of the order: the step marked current in the progress bar. */
async function expectRetailerSees(page: Page, orderUrl: string, step: string) {
  await page.goto(orderUrl);
  await expect(page.getByRole("list", { name: "Order progress" }).locator('[aria-current="step"]')).toContainText(step);
}

/** Staff press an action button on the order page and confirm it in its dialog. */
async function act(page: Page, button: string, fill?: (dialog: ReturnType<Page["getByRole"]>) => Promise<void>) {
  await page.getByRole("button", { name: button, exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  if (fill) await fill(dialog);
  await dialog.getByRole("button", { name: button, exact: true }).click();
  await expect(dialog).toBeHidden();
}

test("retailer orders in the portal; staff confirm, pack, dispatch and deliver; the retailer follows every step, gets the mails, and reorders", async ({ browser }) => {
  test.setTimeout(120_000);
  const retailer = await signedIn(browser, users.retailer);

  // Start from an empty cart with Shree Ganesh, then add the first product on sale.
  await retailer.goto("/portal/cart");
  const clear = retailer.getByRole("button", { name: "Empty cart" });
  while (await clear.first().isVisible().catch(() => false)) {
    await clear.first().click();
    const confirm = retailer.getByRole("dialog").getByRole("button", { name: "Empty cart" });
    if (await confirm.isVisible().catch(() => false)) await confirm.click();
    await retailer.waitForTimeout(300);
    await retailer.reload();
  }
  await retailer.goto("/portal/catalog?vendor=SGAF");
  const add = retailer.getByRole("button", { name: /^Add .+ to cart$/ }).first();
  const productLabel = (await add.getAttribute("aria-label"))!.replace(/^Add (.+) to cart$/, "$1");
  await add.click();
  await expect(retailer.getByText(/in cart/).first()).toBeVisible();

  await retailer.goto("/portal/cart");
  await expect(retailer.getByRole("list", { name: /Products in your .* cart/ })).toContainText(productLabel);
  await retailer.getByRole("link", { name: /^Checkout/ }).first().click();
  await expect(retailer.getByRole("heading", { name: "Checkout" })).toBeVisible();
  await retailer.getByLabel("Your reference").fill("PO-E2E-1");
  await retailer.getByRole("button", { name: /^Place order/ }).click();
  await expect(retailer.getByText("Order placed").first()).toBeVisible();
  const number = (await retailer.getByRole("heading", { level: 1 }).innerText()).trim();
  expect(number).toMatch(/^SO\/\d{2}-\d{2}\/\d{6}$/);
  const orderUrl = retailer.url();
  await expectRetailerSees(retailer, orderUrl, "Placed");

  // Staff find it in the orders list and move it along.
  const staff = await signedIn(browser, users.owner);
  await staff.goto(`/orders?q=${encodeURIComponent(number)}`);
  await staff.getByRole("link", { name: number }).click();
  await expect(staff.getByRole("heading", { name: number })).toBeVisible();

  await act(staff, "Confirm order");
  await expectRetailerSees(retailer, orderUrl, "Confirmed");
  await act(staff, "Mark packed");
  await expectRetailerSees(retailer, orderUrl, "Packed");
  // The tax invoice before the goods leave: issued from the order page, then back to dispatch.
  const staffOrderUrl = staff.url();
  await staff.getByRole("link", { name: "Create invoice" }).click();
  await staff.getByRole("button", { name: "Issue invoice…" }).click();
  await staff.getByRole("dialog").getByRole("button", { name: /^Issue invoice INV\// }).click();
  await expect(staff).toHaveURL(/\/invoices\/[^/]+$/);
  await staff.goto(staffOrderUrl);
  await act(staff, "Dispatch");
  await expectRetailerSees(retailer, orderUrl, "Dispatched");
  await act(staff, "Mark delivered", (dialog) => dialog.getByLabel("Received by").fill("Sunita Sharma"));
  await expectRetailerSees(retailer, orderUrl, "Delivered");
  await expect(retailer.getByText("Sunita Sharma").first()).toBeVisible();

  // The retailer was mailed at each step (the email-deliver and order-notify jobs ran after commit).
  const subjects = ["placed", "confirmed", "dispatched", "delivered"].map((s) => `Order ${number} ${s}`);
  await expect(async () => {
    await openOutbox(retailer);
    const rows = retailer.getByRole("row").filter({ hasText: users.retailer });
    for (const s of subjects) await expect(rows.filter({ hasText: s })).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });

  // And the bell has them too.
  await retailer.goto("/portal/notifications");
  await expect(retailer.getByText(`Order ${number} delivered`).first()).toBeVisible();

  // One tap: the same products go back into the cart at today's prices.
  await retailer.goto(orderUrl);
  await retailer.getByRole("button", { name: "Reorder" }).first().click();
  await expect(retailer).toHaveURL(/\/portal\/cart/);
  await expect(retailer.getByRole("list", { name: /Products in your .* cart/ })).toContainText(productLabel);
});

test("a retailer cancels an order while the vendor has not confirmed it; staff see it cancelled with the reason", async ({ browser }) => {
  const retailer = await signedIn(browser, users.retailer);
  await retailer.goto("/portal/catalog?vendor=SGAF");
  await retailer.getByRole("button", { name: /^Add .+ to cart$/ }).nth(1).click();
  await expect(retailer.getByText(/in cart/).first()).toBeVisible();
  await retailer.goto("/portal/cart/SGAF/checkout");
  await retailer.getByRole("button", { name: /^Place order/ }).click();
  await expect(retailer.getByText("Order placed").first()).toBeVisible();
  const number = (await retailer.getByRole("heading", { level: 1 }).innerText()).trim();

  await retailer.getByRole("button", { name: "Cancel order" }).click();
  const dialog = retailer.getByRole("dialog");
  await dialog.getByLabel("Reason").fill("Ordered twice by mistake");
  await dialog.getByRole("button", { name: /Cancel order/ }).click();
  await expect(retailer.getByText(/^Cancelled/).first()).toBeVisible();

  const staff = await signedIn(browser, users.owner);
  await staff.goto(`/orders?status=cancelled&q=${encodeURIComponent(number)}`);
  await staff.getByRole("link", { name: number }).click();
  await expect(staff.getByText("Ordered twice by mistake").first()).toBeVisible();
  await expect(staff.getByRole("button", { name: "Confirm order" })).toHaveCount(0);
});
