// The dispatcher plans the demo vendor's day (the Pune beat: 26 shops, the fleet's vans). Moving a stop,
// locking a trip and re-planning are covered by tests/integration/route-planning.test.ts.
import { expect, test, type Page } from "@playwright/test";
import { signedIn, users } from "./helpers";

/** The trip cards, in order: number and its stops' names. */
async function tripCards(page: Page) {
  const out: { number: string; stops: string[] }[] = [];
  // The planner's drafts (a scheduled trip of the day, made by hand, is shown too but cannot change).
  for (const card of await page.locator("[data-trip]").filter({ has: page.getByRole("button", { name: /^(Lock|Unlock)$/ }) }).all()) {
    const number = (await card.getAttribute("data-trip"))!;
    const stops = await card.locator("li[data-stop]").evaluateAll((els) => els.map((e) => e.getAttribute("data-stop")!));
    out.push({ number, stops });
  }
  return out;
}

test("the dispatcher plans the demo day: every van, the Pune beat on trips with ETAs, on the map", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, users.owner);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/trips/plan");
  await expect(page.getByRole("heading", { name: "Plan the day" })).toBeVisible();
  await page.getByLabel("Depot").selectOption({ label: "Chakan Plant (CHK)" });
  await expect(page.getByRole("button", { name: /Plan the day|Plan again/ })).toBeVisible();
  // Every van of the fleet.
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  expect(await page.getByRole("checkbox", { checked: true }).count()).toBeGreaterThanOrEqual(3);
  await page.getByRole("button", { name: /Plan the day|Plan again/ }).click();
  await expect(page.getByRole("button", { name: "Plan again" })).toBeVisible({ timeout: 30_000 });

  const planned = await tripCards(page);
  expect(planned.length).toBeGreaterThanOrEqual(3);
  // Every ready shipment of the day's beat was considered: placed on a trip or listed with its reason.
  const notPlaced = await page.locator("li").filter({ hasText: / kg · .* — / }).count();
  expect(planned.reduce((n, t) => n + t.stops.length, 0) + notPlaced).toBeGreaterThanOrEqual(25);

  // Each trip's stops carry an ETA inside the shop's hours, and the map draws them.
  await expect(page.getByRole("region", { name: "Map of the day's trips" }).locator(".leaflet-marker-icon").first()).toBeVisible();
  await expect(page.locator("[data-trip] li[data-stop]").first()).toContainText(/ETA \d{2}:\d{2}/);
});
