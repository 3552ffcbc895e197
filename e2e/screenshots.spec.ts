// Not a behaviour test: full-page screenshots of the key screens, for people reviewing the UI.
// Written to e2e/screenshots/ (gitignored). Run alone with `npx playwright test --project screenshots`.
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { openOutbox, signIn, users } from "./helpers";

const dir = path.join(import.meta.dirname, "screenshots");

async function shoot(page: Page, name: string, url?: string) {
  if (url) await page.goto(url);
  await page.waitForLoadState("networkidle");
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

test("staff screens", async ({ page }) => {
  await shoot(page, "01-login", "/login");
  await shoot(page, "02-forgot-password", "/forgot-password");
  await signIn(page, users.owner);
  await expect(page).toHaveURL(/\/dashboard/);
  await shoot(page, "03-dashboard");
  await shoot(page, "04-company-settings", "/settings/company");
  await shoot(page, "05-employees", "/employees");
  await page.getByRole("link", { name: "Add employee" }).click();
  await shoot(page, "06-add-employee");
  await openOutbox(page);
  await shoot(page, "07-outbox");
  await shoot(page, "08-api-docs", "/api-docs");
});

test("retailer network, vendor side", async ({ page }) => {
  await signIn(page, users.owner);
  await shoot(page, "11-retailers", "/retailers");
  // The list pages at 20 rows; search finds the shop wherever it sorts.
  await page.goto("/retailers?q=Sharma");
  await page.getByRole("link", { name: "Sharma Kirana" }).first().click();
  await expect(page).toHaveURL(/\/retailers\/.+/);
  await shoot(page, "12-retailer-detail");
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, "12b-mobile-retailer-detail");
  await page.setViewportSize({ width: 1366, height: 860 });
  await shoot(page, "13-invite-retailer", "/retailers/invite");
  await shoot(page, "14-invitations", "/retailers/invitations");
  await shoot(page, "15-join-requests", "/retailers/requests");
});

test("catalog, pricing and inventory", async ({ page }) => {
  await signIn(page, users.owner);
  await shoot(page, "30-products", "/products");
  await page.getByRole("row").nth(1).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/products\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "31-product-detail");
  await shoot(page, "32-product-new", "/products/new");
  await shoot(page, "33-categories", "/products/categories");
  await shoot(page, "34-import", "/products/import");
  await shoot(page, "35-price-lists", "/price-lists");
  await page.getByRole("link", { name: /Wholesale/ }).first().click();
  await expect(page).toHaveURL(/\/price-lists\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "36-price-list-detail");
  await shoot(page, "37-inventory", "/inventory");
  await shoot(page, "38-receipts", "/inventory/receipts");
  await shoot(page, "39-receipt-new", "/inventory/receipts/new");
  await shoot(page, "40-ledger", "/inventory/ledger");
  await shoot(page, "41-low-stock", "/inventory/low-stock");
  await shoot(page, "42-valuation", "/inventory/valuation");
  await shoot(page, "43-counts", "/inventory/counts");
});

test("retailer portal", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, users.retailer);
  await expect(page).toHaveURL(/\/portal/);
  await shoot(page, "10-portal");
  await shoot(page, "16-portal-vendors", "/portal/vendors");
  await shoot(page, "17-portal-join", "/portal/vendors/join");
  await shoot(page, "18-portal-profile", "/portal/profile");
  // Removing a team member asks first.
  // (The delivery-location card above the team has its own "Remove pin" button.)
  const remove = page.getByRole("button", { name: /^Remove (?!pin$)/ }).first();
  if (await remove.count()) {
    await remove.click();
    await expect(page.getByRole("dialog")).toBeVisible();
    await page.screenshot({ path: path.join(dir, "18b-portal-profile-remove-member.png") });
    await page.getByRole("button", { name: "Keep member" }).click();
  }
  // Pay now on an invoice: the sandbox's checkout over the invoice list.
  await page.goto("/portal/invoices");
  await page.getByRole("button", { name: "Pay now" }).first().click();
  await expect(page.getByRole("dialog").getByText("Local payment sandbox — no real money moves")).toBeVisible();
  await page.screenshot({ path: path.join(dir, "18c-portal-sandbox-checkout.png") });
  await page.getByRole("dialog").getByRole("button", { name: "Cancel" }).click();
  await shoot(page, "19-portal-catalog", "/portal/catalog?vendor=SGAF");
});

test("mobile portal catalog", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, users.retailer);
  await shoot(page, "24-mobile-portal-catalog", "/portal/catalog?vendor=SGAF");
});

test("mobile dashboard", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, users.owner);
  await shoot(page, "20-mobile-dashboard");
  await shoot(page, "21-mobile-employees", "/employees");
  await shoot(page, "22-mobile-products", "/products");
  await shoot(page, "23-mobile-inventory", "/inventory");
});

test("orders, vendor side", async ({ page }) => {
  await signIn(page, users.owner);
  await shoot(page, "50-orders", "/orders");
  await shoot(page, "51-orders-on-hold", "/orders?status=on_hold");
  await page.getByRole("link", { name: /^SO\// }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "52-order-detail-held");
  await page.goto("/orders?status=delivered");
  await page.getByRole("link", { name: /^SO\// }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "53-order-detail-delivered");
  await page.goto("/orders?status=confirmed");
  await page.getByRole("link", { name: /^SO\// }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto(`${page.url()}/pick-list`);
  await shoot(page, "54-pick-list");
  await shoot(page, "55-order-new", "/orders/new");
  await shoot(page, "56-notifications", "/notifications");
  await shoot(page, "57-notification-settings", "/settings/notifications");
  await shoot(page, "58-background-jobs", "/settings/jobs");
});

test("orders, retailer side", async ({ page }) => {
  await signIn(page, users.retailer);
  await shoot(page, "60-portal-orders", "/portal/orders");
  await page.getByRole("link", { name: /^SO\// }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "61-portal-order-detail");
  await page.goto("/portal/catalog?vendor=SGAF");
  await page.getByRole("button", { name: /^Add .+ to cart$/ }).first().click();
  await expect(page.getByText(/in cart/).first()).toBeVisible();
  await shoot(page, "62-portal-cart", "/portal/cart");
  await shoot(page, "63-portal-checkout", "/portal/cart/SGAF/checkout");
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, "64-mobile-portal-cart", "/portal/cart");
  await shoot(page, "65-mobile-portal-orders", "/portal/orders");
});

test("billing, vendor side", async ({ page }) => {
  await signIn(page, users.owner);
  await shoot(page, "70-invoices", "/invoices");
  await page.getByRole("link", { name: /^INV\// }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "71-invoice-detail");
  const invoiceUrl = page.url();
  await shoot(page, "72-credit-note-form", `${invoiceUrl}/credit-note`);
  await shoot(page, "73-invoice-new", "/invoices/new");
  await shoot(page, "74-invoices-from-orders", "/invoices/from-orders");
  await shoot(page, "75-credit-notes", "/invoices?type=credit_note");
  await shoot(page, "76-payments", "/payments");
  await page.getByRole("link", { name: /^RCT\// }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "77-payment-detail");
  await shoot(page, "78-payment-new", "/payments/new");
  await shoot(page, "79-receivables", "/receivables");
  await page.getByRole("link", { name: /freshmart/i }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "80-retailer-ledger");
  await shoot(page, "81-gst-settings", "/settings/gst");
  await shoot(page, "82-e-invoicing-settings", "/settings/e-invoicing");
});

test("billing, retailer side", async ({ page }) => {
  await signIn(page, users.retailer);
  await shoot(page, "85-portal-invoices", "/portal/invoices");
  await page.getByRole("link", { name: /^INV\// }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await shoot(page, "86-portal-invoice-detail");
  await shoot(page, "87-portal-statement", "/portal/statement");
});

test("account, data safety and online payments, vendor side", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, users.owner);
  await shoot(page, "90-account-security", "/account");
  await shoot(page, "91-data-backups", "/settings/backups");
  await shoot(page, "92-settings-payments", "/settings/payments");
  await shoot(page, "93-payment-events", "/settings/payments/events");
});

test("account and online payments, retailer on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, users.retailer);
  await shoot(page, "94-mobile-portal-account", "/portal/account");
  await shoot(page, "95-mobile-portal-invoices", "/portal/invoices");
  // No horizontal page scroll on a phone: wide tables scroll inside their own box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: /^Pay/ }).first().click();
  // A Razorpay-type vendor: Standard Checkout, here the local sandbox's stand-in for it.
  const checkout = page.getByRole("dialog");
  await expect(checkout.getByText("Local payment sandbox — no real money moves")).toBeVisible();
  await page.screenshot({ path: path.join(dir, "96-mobile-sandbox-checkout.png") });
  const box = await checkout.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await checkout.getByRole("button", { name: "Cancel" }).click();
  await expect(checkout).toBeHidden();
  await page.goto("/portal/statement");
  await page.getByRole("button", { name: /^Pay ₹/ }).first().click();
  await expect(page).toHaveURL(/\/sandbox-gateway\/pay\//);
  await shoot(page, "96b-mobile-sandbox-pay-page");
});

test("paying the whole outstanding: the ledger's pay link and the statement's Pay now", async ({ page, browser }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, users.owner);
  await page.goto("/retailers?q=Sharma");
  await page.getByRole("link", { name: /Sharma Kirana/ }).first().click();
  await page.waitForURL(/\/retailers\/[^/]+$/);
  await page.goto(`${new URL(page.url()).pathname}/ledger`);
  await shoot(page, "97-retailer-ledger-pay-link");
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot(page, "97b-mobile-retailer-ledger-pay-link");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1366, height: 768 });

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await signIn(phone, users.retailer);
  await shoot(phone, "98-mobile-portal-statement-pay-now", "/portal/statement");
  await expect(phone.getByRole("button", { name: /^Pay ₹/ }).first()).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test("portal home and the invoice preview, at a laptop's and a phone's width", async ({ page }) => {
  const sizes = [{ tag: "1366", width: 1366, height: 768 }, { tag: "390", width: 390, height: 844 }];
  await signIn(page, users.retailer);
  for (const s of sizes) {
    await page.setViewportSize({ width: s.width, height: s.height });
    await shoot(page, `10c-portal-home-${s.tag}`, "/portal");
  }
  await page.getByRole("button", { name: "Menu" }).click();
  await page.screenshot({ path: path.join(dir, "10d-portal-menu-390.png") });
  await page.context().clearCookies();

  await signIn(page, users.owner);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/invoices/from-orders");
  const partial = page.getByRole("link", { name: "Partial…" }).first();
  const href = await partial.getAttribute("href");
  for (const s of sizes) {
    await page.setViewportSize({ width: s.width, height: s.height });
    await page.goto(href!);
    await expect(page.getByRole("region", { name: /^Preview of tax invoice/ })).toBeVisible();
    await shoot(page, `75-invoice-preview-${s.tag}`);
    await page.getByRole("button", { name: "Issue invoice…" }).click();
    await expect(page.getByRole("dialog").getByRole("button", { name: /^Issue invoice INV\// })).toBeVisible();
    await page.screenshot({ path: path.join(dir, `75b-invoice-confirm-${s.tag}.png`) });
    await page.getByRole("dialog").getByRole("button", { name: "Back to edit" }).click();
  }
});
