// The notification centre as people use it: a retailer's order (placed over the API, as the mobile
// app would) rings the vendor's bell; staff confirm it and the retailer's bell rings; each opens the
// notification and lands on the order. The background job workers of the app deliver all of it.
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, signIn, users } from "./helpers";

async function token(request: APIRequestContext, email: string) {
  const res = await request.post("/api/v1/auth/token", { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).accessToken}` };
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

/** Opens the bell's panel, reloading until a notification titled `title` is there (the job runs after commit). */
async function bellShows(page: Page, title: RegExp) {
  await expect(async () => {
    await page.reload();
    await page.getByRole("button", { name: /^Notifications, \d+ unread$/ }).click();
    await expect(page.getByRole("dialog", { name: "Latest notifications" }).getByRole("button", { name: title })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

test("an order rings the vendor's bell, its confirmation the retailer's; each opens the order", async ({ browser, request }) => {
  test.setTimeout(120_000);
  const retailerApi = await token(request, users.retailer);
  const ownerApi = await token(request, users.owner);

  // The retailer orders the minimum of a product in stock, over the API.
  const catalog = await (await request.get("/api/v1/me/vendors/SGAF/catalog?limit=50", { headers: retailerApi })).json();
  const product = catalog.data.find((p: { availability: string; price: unknown }) => p.availability === "in_stock" && p.price);
  expect(product).toBeTruthy();
  const placed = await request.post("/api/v1/orders", { headers: retailerApi, data: { vendorCode: "SGAF", lines: [{ productId: product.id, quantity: product.minOrderQty }] } });
  expect(placed.status()).toBe(201);
  const order = await placed.json();

  // The owner's bell: "New order … from Sharma Kirana"; opening it marks it read and shows the order.
  const owner = await signedIn(browser, users.owner);
  await bellShows(owner, new RegExp(`New order ${order.number.replace(/\//g, "\\/")}`));
  await owner.getByRole("dialog", { name: "Latest notifications" }).getByRole("button", { name: new RegExp(`New order ${order.number.replace(/\//g, "\\/")}`) }).click();
  await expect(owner).toHaveURL(new RegExp(`/orders/${order.id}$`));

  // Staff confirm; the retailer's bell rings and leads to the order in the portal.
  expect((await request.post(`/api/v1/orders/${order.id}/confirm`, { headers: ownerApi, data: {} })).status()).toBe(200);
  const retailer = await signedIn(browser, users.retailer);
  await retailer.goto("/portal");
  await bellShows(retailer, new RegExp(`Order ${order.number.replace(/\//g, "\\/")} confirmed`));
  await retailer.getByRole("dialog", { name: "Latest notifications" }).getByRole("button", { name: new RegExp(`Order ${order.number.replace(/\//g, "\\/")} confirmed`) }).click();
  await expect(retailer).toHaveURL(new RegExp(`/portal/orders/${order.id}$`));

  // The full list: read ones are no longer unread; "Mark all read" empties the unread tab and the badge.
  await retailer.goto("/portal/notifications");
  await expect(retailer.getByRole("heading", { name: "Notifications" })).toBeVisible();
  await expect(retailer.getByRole("button", { name: new RegExp(`^Order ${order.number.replace(/\//g, "\\/")} confirmed$`) })).toBeVisible();
  // Background jobs (e-mails with PDFs, other notifications) may still land while this runs: mark all
  // read until the unread tab stays empty.
  await expect(async () => {
    await retailer.goto("/portal/notifications?show=unread");
    const markAll = retailer.getByRole("button", { name: "Mark all read" });
    if (await markAll.isVisible()) {
      await markAll.click();
      await expect(markAll).toBeHidden({ timeout: 5000 });
      await retailer.goto("/portal/notifications?show=unread");
    }
    await expect(retailer.getByText("You're all caught up")).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 30_000 });
  await expect(retailer.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
});

test("staff choose which order events they also get by email; owners see failed background jobs", async ({ browser }) => {
  const sales = await signedIn(browser, users.sales);
  await sales.goto("/settings/notifications");
  const dispatched = sales.getByRole("checkbox", { name: /Order dispatched/ });
  const was = await dispatched.isChecked();
  await dispatched.setChecked(!was);
  await expect(sales.getByText("Saved")).toBeVisible();
  await sales.reload();
  await expect(dispatched).toBeChecked({ checked: !was });
  await dispatched.setChecked(was);
  await expect(sales.getByText("Saved")).toBeVisible();
  // Sales cannot open the failed-jobs screen; the owner can.
  await sales.goto("/settings/jobs");
  await expect(sales).toHaveURL(/\/dashboard/);
  const owner = await signedIn(browser, users.owner);
  await owner.goto("/settings/jobs");
  await expect(owner.getByRole("heading", { name: "Background jobs" })).toBeVisible();
  await expect(owner.getByText("No failed jobs").or(owner.getByRole("table", { name: "Failed background jobs" }))).toBeVisible();
});
