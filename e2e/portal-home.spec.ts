// What a retailer opens the portal for, on the home page: what they owe each vendor (and Pay opens the
// vendor's pay page for exactly that), the orders on their way to the shop, and their usual items put
// back into the cart in one click. On a phone every portal page fits the screen (nothing to scroll
// sideways) and the sections are one tap away in the menu.
import { expect, test, type Page } from "@playwright/test";
import { rupees, signIn, users } from "./helpers";

test("a retailer sees what they owe with Pay, what is on the way, and reorders a usual item from the home page", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, users.retailer);
  await page.goto("/portal");

  // Amount due per vendor.
  const dues = page.getByRole("list", { name: "Amount due per vendor" });
  const sgaf = dues.getByRole("listitem").filter({ hasText: "Shree Ganesh" });
  await expect(sgaf).toBeVisible();
  const owed = rupees(await sgaf.getByLabel(/^Outstanding with/).innerText());
  expect(owed).toBeGreaterThan(0);
  // The overdue part (payments made by other specs of the run may have cleared it).
  await expect(sgaf.getByText(/^(Overdue ₹[\d,.]+|Nothing overdue)$/)).toBeVisible();

  // On the way: the Navrang order that left the godown, and Shree Ganesh's packed order on today's trip.
  const onTheWay = page.getByRole("list", { name: "Orders on the way" });
  await expect(onTheWay.getByRole("link").filter({ hasText: "Dispatched" }).first()).toBeVisible();
  await expect(onTheWay.getByRole("link").filter({ hasText: "On a delivery trip" }).first()).toBeVisible();

  // Order again: one click puts the last quantity into that vendor's cart.
  const usual = page.getByRole("list", { name: "Usual items" });
  const add = usual.getByRole("button", { name: /^Add .+ to cart$/ }).first();
  const label = (await add.getAttribute("aria-label"))!;
  const productName = label.replace(/^Add .+? of (.+) to cart$/, "$1");
  await add.click();
  await expect(usual.getByRole("status").first()).toContainText("in cart");
  await page.goto("/portal/cart");
  await expect(page.getByRole("list", { name: /Products in your .* cart/ }).first()).toContainText(productName);

  // Pay opens the vendor's pay page for everything owed (the local payment sandbox in the demo).
  await page.goto("/portal");
  await sgaf.getByRole("button", { name: /^Pay ₹/ }).click();
  await expect(page).toHaveURL(/\/sandbox-gateway\/pay\//);
  await expect(page.getByText("Local payment sandbox — no real money moves")).toBeVisible();
  expect(rupees(await page.getByRole("heading", { level: 1 }).innerText())).toBe(owed);
});

test("every portal page fits a phone: no sideways scrolling, and the sections are in the menu", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, users.retailer);
  await page.setViewportSize({ width: 390, height: 844 });
  // Pages with an id: the first order and invoice of the lists.
  await page.goto("/portal/orders");
  const order = await page.locator('main a[href^="/portal/orders/"]').first().getAttribute("href");
  await page.goto("/portal/invoices");
  const invoice = await page.locator('main a[href^="/portal/invoices/"]').first().getAttribute("href");
  const pages = ["/portal", "/portal/catalog", "/portal/catalog?vendor=SGAF", "/portal/cart", "/portal/orders", order!, "/portal/invoices", invoice!, "/portal/statement", "/portal/vendors", "/portal/vendors/join", "/portal/profile", "/portal/account", "/portal/notifications"];
  const wide: string[] = [];
  for (const url of pages) {
    await page.goto(url);
    await page.waitForLoadState("networkidle");
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.scrollingElement!.scrollWidth, innerWidth: window.innerWidth }));
    if (scrollWidth > innerWidth) wide.push(`${url}: ${scrollWidth} > ${innerWidth} (${await widest(page)})`);
  }
  expect(wide).toEqual([]);

  // The menu: every section one tap away, and the tap closes it.
  await page.goto("/portal");
  const nav = page.getByRole("navigation", { name: "Portal" });
  await expect(nav.getByRole("link", { name: "Statement" })).toBeHidden();
  await nav.getByRole("button", { name: "Menu" }).click();
  for (const name of ["Home", "Catalog", "Cart", "Orders", "Invoices", "Statement", "My vendors", "Business profile"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
  await nav.getByRole("link", { name: "Statement" }).click();
  await expect(page).toHaveURL(/\/portal\/statement/);
  await expect(nav.getByRole("link", { name: "Invoices" })).toBeHidden();
});

/** The element that sticks out furthest to the right, to say what overflows. */
function widest(page: Page) {
  return page.evaluate(() => {
    let worst: Element | null = null;
    let right = window.innerWidth;
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect().right;
      if (r > right) [worst, right] = [el, r];
    }
    if (!worst) return "nothing found";
    const e = worst as HTMLElement;
    return `${e.tagName.toLowerCase()}.${String(e.className).split(" ").slice(0, 4).join(".")} right=${Math.round(right)}`;
  });
}
