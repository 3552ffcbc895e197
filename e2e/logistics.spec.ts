// Logistics as people live it: the dispatcher makes shipments of packed, invoiced orders, builds
// today's trip with a vehicle and a driver, schedules and starts it; the driver, on a phone, delivers
// two stops with proof of delivery (a signature drawn on the screen) and one short; the retailer
// sees the delivery in the portal.
import { expect, test, type Page } from "@playwright/test";
import { signIn, users } from "./helpers";

const driverEmail = "rahul.jadhav@shreeganesh.example";

async function sign(page: Page) {
  const pad = page.getByRole("img", { name: "Signature" });
  // A stop with several orders pushes the pad below a phone's screen: bring it in before drawing on it.
  await pad.scrollIntoViewIfNeeded();
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height * 0.7);
  await page.mouse.down();
  for (const [x, y] of [[0.3, 0.2], [0.5, 0.8], [0.7, 0.3], [0.9, 0.6]]) await page.mouse.move(box.x + box.width * x, box.y + box.height * y, { steps: 5 });
  await page.mouse.up();
}

test("the dispatcher builds and starts today's trip; the driver delivers with POD on a phone; the retailer sees it", async ({ browser }) => {
  test.setTimeout(180_000);
  const staff = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  await signIn(staff, users.owner);

  // Shipments of the packed, invoiced orders of three shops.
  const made: string[] = [];
  for (const shop of ["Laxmi Kirana", "Patil Provision Stores", "Sharma Kirana"]) {
    await staff.goto("/shipments/new");
    await staff.getByRole("region", { name: shop }).first().getByRole("button", { name: /^Create shipment of/ }).click();
    const heading = staff.getByRole("heading", { name: /^SHP\// });
    await expect(heading).toBeVisible();
    made.push((await heading.innerText()).match(/SHP\/\d{2}-\d{2}\/\d+/)![0]);
  }

  // Today's trip: the tempo and Rahul.
  await staff.goto("/trips");
  const pick = async (label: string, text: string) => {
    const select = staff.getByLabel(label, { exact: true });
    await select.selectOption((await select.locator("option", { hasText: text }).getAttribute("value"))!);
  };
  await pick("Vehicle", "MH12TR4521");
  await pick("Driver", "Rahul Jadhav");
  await staff.getByRole("button", { name: "Create trip" }).click();
  await expect(staff.getByRole("heading", { name: /^TRP\// })).toBeVisible();
  // Only the three just made (today's Pune beat waits at the depot too, for the planner).
  for (const number of made) await staff.getByRole("checkbox", { name: `Load ${number}`, exact: true }).check();
  await staff.getByRole("button", { name: /^Load \d+ shipments?/ }).click();
  await expect(staff.getByRole("heading", { name: /Stops \(3\)/ })).toBeVisible();
  const sharmaOrder = (await staff.getByRole("list", { name: "Stops in order" }).locator("li").filter({ hasText: "Sharma Kirana" }).getByText(/SO\/\d{2}-\d{2}\/\d{6}/).first().innerText()).match(/SO\/\d{2}-\d{2}\/\d{6}/)![0];
  await staff.getByRole("button", { name: "Schedule" }).click();
  await expect(staff.getByText("Scheduled", { exact: true })).toBeVisible();
  await staff.getByRole("button", { name: "Start trip" }).click();
  await staff.getByRole("dialog").getByRole("button", { name: "Start trip" }).click();
  await expect(staff.getByText("In transit", { exact: true })).toBeVisible();

  // The driver, on a phone.
  const driver = await (await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true })).newPage();
  await signIn(driver, driverEmail);
  await driver.goto("/driver");
  await driver.getByRole("link", { name: /TRP\/.*On the road/ }).click();
  for (let i = 0; i < 3; i++) {
    await driver.getByRole("list", { name: "Stops in order" }).getByRole("link", { name: /To do/ }).first().click();
    await driver.getByRole("button", { name: "Arrived" }).click();
    await expect(driver.getByText(/^Arrived/)).toBeVisible();
    const shop = (await driver.getByRole("heading", { level: 1 }).innerText()).replace(/^\d+\.\s*/, "");
    if (i < 2) {
      await driver.getByRole("button", { name: "Deliver" }).click();
    } else {
      await driver.getByRole("button", { name: "Partly" }).click();
      await driver.getByLabel(/^Delivered /).first().fill("0");
    }
    await driver.getByLabel("Received by").fill(`Owner of ${shop}`);
    await sign(driver);
    await driver.getByRole("button", { name: "Save delivery" }).click();
    await expect(driver.getByText(`Received by Owner of ${shop}`)).toBeVisible();
    await driver.getByRole("link", { name: /^← TRP\// }).click();
  }
  await driver.goto("/driver");
  await expect(driver.getByText("Done").first()).toBeVisible();

  // Back in the office: each stop's proof of delivery, with the signature the driver took.
  await staff.reload();
  const proofs = staff.getByLabel("Proof of delivery");
  await expect(proofs).toHaveCount(3);
  const signature = proofs.first().getByRole("img", { name: /^Signature of Owner of / });
  await signature.scrollIntoViewIfNeeded();
  await expect.poll(() => signature.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  // The retailer sees the delivery and its tracking in the portal.
  const retailer = await (await browser.newContext()).newPage();
  await signIn(retailer, users.retailer);
  await retailer.goto("/portal/orders");
  await retailer.getByRole("link", { name: sharmaOrder }).first().click();
  const tracking = retailer.getByRole("list", { name: "Tracking events" });
  await expect(tracking.getByText(/Out for delivery on MH12TR4521/)).toBeVisible();
  await expect(tracking.getByText(/delivered to Owner of Sharma Kirana/i)).toBeVisible();
});
