// Where the van goes: staff drop the delivery pin for a retailer and set its receiving hours; the
// retailer's owner sets the shop's own on a phone.
import { expect, test } from "@playwright/test";
import { signedIn, users } from "./helpers";

test("staff drop a retailer's delivery pin on the map and set the hours it receives goods", async ({ browser }) => {
  const page = await signedIn(browser, users.owner);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/retailers?q=Sharma");
  await page.getByRole("link", { name: /Sharma Kirana/ }).first().click();
  await page.waitForURL(/\/retailers\/[^/]+$/);
  const map = page.getByRole("region", { name: /Map: click to drop the delivery pin/ });
  await map.scrollIntoViewIfNeeded();
  await expect(map.locator(".leaflet-marker-icon")).toHaveCount(1); // the PIN code's centre, grey
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.6, box.y + box.height * 0.4);
  await expect(page.getByText(/^Pin at /)).toBeVisible();
  await page.getByLabel("Receives goods from").fill("10:00");
  await page.getByLabel("until").fill("13:30");
  await page.getByRole("button", { name: "Save location" }).click();
  await expect(page.getByText("Location saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByText(/Trips and the route planner use your pin, and deliver 10:00–13:30 \(your hours\)/)).toBeVisible();
});

test("a retailer's owner sets the shop's receiving hours on a phone", async ({ browser }) => {
  const phone = await signedIn(browser, users.retailer);
  await phone.setViewportSize({ width: 390, height: 844 });
  await phone.goto("/portal/profile");
  await expect(phone.getByRole("heading", { name: "Shop location and receiving hours" })).toBeVisible();
  await phone.getByLabel("Receives goods from").fill("09:00");
  await phone.getByLabel("until").fill("12:00");
  await phone.getByRole("button", { name: "Save location" }).click();
  await expect(phone.getByText("Location saved.")).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await phone.reload();
  await expect(phone.getByLabel("Receives goods from")).toHaveValue("09:00");
});
