import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, users } from "./helpers";

// Catalog and stock as the vendor and a retailer live them: staff add a product, receive stock into
// the plant, and the retailer finds it in the portal at their price, in stock.

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

test("staff create a product and receive stock; the retailer sees it in the portal catalog", async ({ browser }) => {
  const stamp = Date.now() % 1_000_000;
  const sku = `SGF-MKHN-${stamp}`;
  const name = `Roasted Makhana 250 g ${stamp}`;

  const staff = await signedIn(browser, users.owner);
  await staff.goto("/products/new");
  await staff.getByLabel("SKU", { exact: true }).fill(sku);
  await staff.getByLabel("Name", { exact: true }).fill(name);
  await staff.getByLabel("Brand", { exact: true }).fill("Shree Ganesh");
  await staff.getByLabel("HSN code", { exact: true }).fill("20081990");
  await staff.getByLabel("GST rate", { exact: true }).selectOption("5");
  await staff.getByLabel("Unit", { exact: true }).selectOption("PCS");
  await staff.getByLabel("Selling price", { exact: true }).fill("118");
  await staff.getByLabel("MRP", { exact: true }).fill("150");
  await staff.getByLabel("Reorder level", { exact: true }).fill("20");

  // A wrong HSN code is refused next to its field, and nothing is saved.
  await staff.getByLabel("HSN code", { exact: true }).fill("20");
  await staff.getByRole("button", { name: "Add product" }).click();
  await expect(staff.getByText("HSN code is 4, 6 or 8 digits")).toBeVisible();
  await staff.getByLabel("HSN code", { exact: true }).fill("20081990");
  await staff.getByRole("button", { name: "Add product" }).click();
  await expect(staff).toHaveURL(/\/products\/[^/?]+\?saved=created/);
  await expect(staff.getByRole("heading", { name })).toBeVisible();

  // It is in the products list, out of stock.
  await staff.goto(`/products?q=${encodeURIComponent(sku)}`);
  const row = staff.getByRole("row").filter({ hasText: sku });
  await expect(row).toContainText(name);
  await expect(row).toContainText(/out of stock/i);

  // Goods receipt into the default warehouse.
  await staff.goto("/inventory/receipts/new");
  await staff.getByLabel("Supplier", { exact: true }).fill("Bihar Makhana Growers Co-op");
  await staff.getByLabel("Supplier invoice no.").fill(`BMG/${stamp}`);
  const picker = staff.getByRole("combobox", { name: "Product, line 1" });
  await picker.fill(sku);
  await staff.getByRole("option", { name: new RegExp(sku) }).click();
  await staff.getByLabel(/^Quantity.*line 1$/).fill("120");
  await staff.getByLabel("Unit cost in rupees, line 1").fill("82.50");
  await staff.getByRole("button", { name: "Receive stock" }).click();
  await expect(staff).toHaveURL(/\/inventory\/receipts\/[^/]+$/);
  await expect(staff.getByText(/GRN\/\d{2}-\d{2}\/\d{5}/).first()).toBeVisible();

  // The ledger of the product shows the receipt.
  await staff.goto(`/products?q=${encodeURIComponent(sku)}`);
  await expect(staff.getByRole("row").filter({ hasText: sku })).toContainText(/in stock/i);

  // The retailer (Sharma Kirana buys from Shree Ganesh Foods) finds it at the base price, in stock.
  const retailer = await signedIn(browser, users.retailer);
  await retailer.goto(`/portal/catalog?vendor=SGAF&q=${encodeURIComponent(String(stamp))}`);
  const card = retailer.getByRole("group", { name, exact: true });
  await expect(card).toBeVisible();
  await expect(card).toContainText("₹118.00");
  await expect(card).toContainText("In stock");
  await expect(card).toContainText("MRP ₹150.00");
});

test("retailer browses a vendor's catalog with their own list prices and filters by category", async ({ page }) => {
  await signIn(page, users.retailer);
  await page.getByRole("link", { name: "Catalog" }).click();
  await expect(page).toHaveURL(/\/portal\/catalog\?vendor=/);
  const products = page.getByRole("list", { name: "Products" });
  await expect(products.getByRole("listitem").first()).toBeVisible();
  // Another vendor of the same retailer is one tab away.
  await page.getByRole("navigation", { name: "Vendors" }).getByRole("link", { name: "Navrang Home Textiles" }).click();
  await expect(page).toHaveURL(/vendor=NVRT/);
  await expect(products.getByRole("listitem").first()).toBeVisible();
  // A search with no match shows a clear empty state.
  await page.getByLabel("Search", { exact: true }).fill("zzz-no-such-thing");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No products match")).toBeVisible();
});
