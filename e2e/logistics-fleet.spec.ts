// The fleet as a dispatcher uses it: the vehicles list flags papers that lapse soon, a registration number
// the e-way bill system would refuse is refused with the reason and saved once fixed, a driver of a hired
// transporter is added; Settings → Shipping shows the sandbox courier account. Screens at 1366×768 and on
// a 390-wide phone without sideways scrolling (screenshots under test-results/fleet/).
import { expect, test, type Page } from "@playwright/test";
import { signIn, users } from "./helpers";

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/fleet/${name}.png`, fullPage: true });

async function noSidewaysScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(1);
}

test("vehicles: expiring-paper badge, a bad registration number refused then fixed", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, users.owner);
  await page.getByRole("link", { name: "Fleet" }).first().click();
  await expect(page).toHaveURL(/\/fleet$/);
  const ace = page.getByRole("row").filter({ hasText: "MH12TR4521" });
  await expect(ace.getByText("PUC certificate expires in 9d")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "23BH4412C" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "KA51AB7719" }).getByText("Hired", { exact: true })).toBeVisible();
  await shot(page, "vehicles-1366");

  await page.getByRole("link", { name: "Papers due" }).click();
  await expect(page.getByRole("row").filter({ hasText: "MH12TR4521" })).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "MH14GU8830" })).toHaveCount(0);

  await page.goto("/fleet");
  await page.getByRole("link", { name: "Add vehicle" }).click();
  await page.getByLabel("Registration number").fill("MX 15 AB 1234");
  await page.getByLabel("Make and model").fill("Tata 407");
  await page.getByLabel("Type").selectOption("TRUCK");
  await page.getByLabel("Capacity (kg)").fill("2500");
  await page.getByLabel("Capacity (m³)").fill("12");
  await page.getByLabel("PUC valid till").fill("2027-03-31");
  await page.getByRole("button", { name: "Add vehicle" }).click();
  await expect(page.getByText("MX is not a state code of Indian registration plates")).toBeVisible();
  await shot(page, "vehicle-error-1366");

  await page.getByLabel("Registration number").fill("mh-15 xy 9090");
  await expect(page.getByText("Saved as MH15XY9090 (State series)")).toBeVisible();
  await page.getByRole("button", { name: "Add vehicle" }).click();
  await expect(page.getByText("Vehicle MH15XY9090 saved.")).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "MH15XY9090" })).toContainText("Tata 407");
});

test("drivers: add an external driver of a hired transporter", async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, users.owner);
  await page.goto("/fleet/drivers");
  await expect(page.getByRole("row").filter({ hasText: "Rahul Jadhav" }).getByText("Employee")).toBeVisible();
  await page.getByRole("link", { name: "Add driver" }).click();
  await page.getByLabel("Who drives").selectOption("EXTERNAL");
  await page.getByLabel("Name").fill("Prakash Naik");
  await page.getByLabel("Transporter").fill("Shree Sai Roadlines, Bengaluru");
  await page.getByLabel("Mobile number").fill("12345");
  await page.getByLabel("Licence number").fill("KA05 2016 0098765");
  await page.getByRole("button", { name: "Add driver" }).click();
  await expect(page.getByText(/10-digit Indian mobile number/)).toBeVisible();
  await page.getByLabel("Mobile number").fill("98450 67788");
  await page.getByRole("button", { name: "Add driver" }).click();
  await expect(page.getByText("Driver Prakash Naik saved.")).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Prakash Naik" });
  await expect(row).toContainText("+91 98450 67788");
  await expect(row).toContainText("KA0520160098765");
  await shot(page, "drivers-1366");
});

test("phone-sized screens have no sideways scroll; Settings → Shipping lists the sandbox", async ({ page }) => {
  // Seven pages with full-page screenshots: more than one ordinary test's time on a busy machine.
  test.slow();
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, users.owner);
  for (const [path, name] of [
    ["/fleet", "vehicles-390"],
    ["/fleet/vehicles/new", "vehicle-form-390"],
    ["/fleet/drivers", "drivers-390"],
    ["/fleet/drivers/new", "driver-form-390"],
    ["/settings/shipping", "shipping-settings-390"],
  ] as const) {
    await page.goto(path);
    await expect(page.locator("main")).toBeVisible();
    await noSidewaysScroll(page);
    await shot(page, name);
  }
  await expect(page.getByText("Courier partner (shipping sandbox)")).toBeVisible();
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/settings/shipping");
  await shot(page, "shipping-settings-1366");
  await page.goto("/fleet/vehicles/new");
  await shot(page, "vehicle-form-1366");
});
