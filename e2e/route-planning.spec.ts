// The dispatcher plans the demo vendor's day (the Pune beat: 26 shops, the fleet's vans), picks a stop on
// the map and sends it to the emptiest van with room, locks the trip it came from, plans again, and the locked trip
// keeps its stops in their order while the moved stop stays where it was put.
import { expect, test, type Page } from "@playwright/test";
import { signedIn, users } from "./helpers";

type Card = { number: string; stops: string[]; draft: boolean };

/** Every trip card of the day that can still change, in order: number, stops' names, and whether it is a
 *  planner's draft (those have Lock). */
async function tripCards(page: Page): Promise<Card[]> {
  const out: Card[] = [];
  for (const card of await page.locator("[data-trip]").all()) {
    const number = (await card.getAttribute("data-trip"))!;
    const stops = await card.locator("li[data-stop]").evaluateAll((els) => els.map((e) => e.getAttribute("data-stop")!));
    const draft = (await card.getByRole("button", { name: /^(Lock|Unlock)$/ }).count()) > 0;
    if (!draft && (await card.getByRole("combobox").count()) === 0) continue;
    out.push({ number, stops, draft });
  }
  return out;
}

/** A stop's marker: its title is "<trip> · <n>. <shop> · ETA h:mm am". */
const marker = (page: Page, trip: string, shop: string) => page.locator(`.leaflet-marker-icon[title^="${trip} · "][title*=". ${shop} · ETA"]`);

test("the dispatcher plans the day, moves a stop on the map, locks a trip and plans again", async ({ browser }) => {
  test.setTimeout(150_000);
  const page = await signedIn(browser, users.owner);
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto("/trips/plan");
  await expect(page.getByRole("heading", { name: "Plan the day" })).toBeVisible();
  await page.getByLabel("Depot").selectOption({ label: "Chakan Plant (CHK)" });
  const planButton = page.getByRole("button", { name: /Plan the day|Plan again/ });
  await expect(planButton).toBeVisible();
  // Every van of the fleet.
  for (const box of await page.getByRole("checkbox").all()) await box.check();
  expect(await page.getByRole("checkbox", { checked: true }).count()).toBeGreaterThanOrEqual(3);
  await planButton.click();
  await expect(page.getByRole("button", { name: "Plan again" })).toBeVisible({ timeout: 30_000 });

  const planned = await tripCards(page);
  const drafts = planned.filter((t) => t.draft);
  expect(drafts.length).toBeGreaterThanOrEqual(3);
  // Every ready shipment of the day's beat was considered: placed on a trip or listed with its reason.
  const notPlaced = await page.locator("li").filter({ hasText: / kg · .* — / }).count();
  expect(drafts.reduce((n, t) => n + t.stops.length, 0) + notPlaced).toBeGreaterThanOrEqual(25);
  // Each trip's stops carry an ETA, and the map draws them.
  const map = page.getByRole("region", { name: "Map of the day's trips" });
  await expect(map.locator(".leaflet-marker-icon").first()).toBeVisible();
  await expect(page.locator("[data-trip] li[data-stop]").first()).toContainText(/ETA \d{1,2}:\d{2} [ap]m/);

  // Move on the map: the dispatcher clicks a stop of a planner's trip (markers in the town centre overlap;
  // take one the mouse can reach: inside the map and topmost at its centre) and sends it to another van.
  await map.scrollIntoViewIfNeeded();
  const mapBox = (await map.boundingBox())!;
  // Zoom in on the beat with the wheel, as far as keeps all of it inside the map (the point under the mouse stays put).
  const beat = (await Promise.all(drafts.flatMap((t) => t.stops.map((shop) => marker(page, t.number, shop).boundingBox())))).filter((b) => b !== null);
  const [left, right] = [Math.min(...beat.map((b) => b.x)), Math.max(...beat.map((b) => b.x + b.width))];
  const [top, bottom] = [Math.min(...beat.map((b) => b.y)), Math.max(...beat.map((b) => b.y + b.height))];
  const [cx, cy] = [(left + right) / 2, (top + bottom) / 2];
  const visibleBottom = Math.min(mapBox.y + mapBox.height, 768);
  const room = Math.min((cx - mapBox.x - 50) / ((right - left) / 2), (mapBox.x + mapBox.width - 10 - cx) / ((right - left) / 2), (cy - mapBox.y - 10) / ((bottom - top) / 2), (visibleBottom - 10 - cy) / ((bottom - top) / 2));
  await page.mouse.move(cx, cy);
  for (let i = 0; i < Math.max(0, Math.min(4, Math.floor(Math.log2(room)))); i++) {
    await page.mouse.wheel(0, -60); // one zoom level per notch in Leaflet
    await page.waitForTimeout(500);
  }
  const reachable = async (trip: string, shop: string) => {
    const m = marker(page, trip, shop);
    if ((await m.count()) !== 1) return null;
    const box = await m.boundingBox();
    if (!box) return null;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const inside = x > mapBox.x + 50 && x < mapBox.x + mapBox.width - 10 && y > mapBox.y + 10 && y < Math.min(mapBox.y + mapBox.height, 768) - 10;
    const top = await m.evaluate((el, [px, py]) => document.elementFromPoint(px, py)?.closest(".leaflet-marker-icon") === el, [x, y]);
    return inside && top ? { x, y } : null;
  };
  let source: Card | undefined;
  let moved = "";
  let at: { x: number; y: number } | null = null;
  for (const d of drafts.filter((x) => x.stops.length > 1)) {
    for (const shop of [...d.stops].reverse()) {
      if ((at = await reachable(d.number, shop))) {
        [source, moved] = [d, shop];
        break;
      }
    }
    if (at) break;
  }
  expect(source, "a stop of a planner's trip within reach on the map").toBeTruthy();
  await page.mouse.click(at!.x, at!.y);
  const panel = page.getByRole("region", { name: `Stop ${moved}` });
  await expect(panel).toBeVisible();
  // Send it to the emptiest van that has room for it. A van the stop would overflow (by weight or volume)
  // refuses it, naming itself ("Over the capacity of <van>: …"), and the stop stays on its trip; the
  // dispatcher then tries the next emptiest.
  const choices = (await panel.getByRole("button", { name: /% full\)$/ }).allInnerTexts())
    .map((text) => ({ text, full: Number(text.match(/\((\d+)% full\)$/)![1]), van: text.split(" · ")[1]!.replace(/ \(\d+% full\)$/, "") }))
    .sort((a, b) => a.full - b.full);
  let target: Card | undefined;
  for (const choice of choices) {
    const card = planned.find((t) => t.number.endsWith(`/${choice.text.split(" · ")[0]}`))!;
    const placed = page.locator(`[data-trip="${card.number}"] li[data-stop="${moved}"]`);
    const refused = page.getByText(`Over the capacity of ${choice.van}`);
    await panel.getByRole("button", { name: choice.text }).click();
    await expect(placed.or(refused)).toBeVisible({ timeout: 15_000 });
    if (await placed.isVisible()) {
      target = card;
      break;
    }
    await expect(page.locator(`[data-trip="${source!.number}"] li[data-stop="${moved}"]`)).toHaveCount(1);
  }
  expect(target, "a van with room for the stop").toBeTruthy();
  const targetCard = page.locator(`[data-trip="${target!.number}"]`);
  await expect(targetCard.locator(`li[data-stop="${moved}"]`)).toContainText("(locked)");
  await expect(page.locator(`[data-trip="${source!.number}"] li[data-stop="${moved}"]`)).toHaveCount(0);
  // Its ETA follows: the moved stop now has one on its new trip.
  await expect(targetCard.locator(`li[data-stop="${moved}"]`)).toContainText(/ETA \d{1,2}:\d{2} [ap]m/);

  // Lock the trip the stop came from (a planner's draft), and plan again.
  const lockedCard = page.locator(`[data-trip="${source!.number}"]`);
  await lockedCard.getByRole("button", { name: "Lock" }).click();
  await expect(lockedCard.getByText("Locked", { exact: true })).toBeVisible();
  const lockedStops = (await tripCards(page)).find((t) => t.number === source!.number)!.stops;
  expect(lockedStops).not.toContain(moved);
  // The re-plan is a server action posted to this page; wait for its answer before reading the cards.
  const replanned = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/trips/plan");
  await page.getByRole("button", { name: "Plan again" }).click();
  expect((await replanned).ok()).toBe(true);
  await expect(async () => {
    const again = await tripCards(page);
    expect(again.find((t) => t.number === source!.number)?.stops).toEqual(lockedStops);
    // The moved stop stays where the dispatcher put it.
    expect(again.find((t) => t.number === target!.number)?.stops).toContain(moved);
  }).toPass({ timeout: 30_000 });
  await expect(lockedCard.getByText("Locked", { exact: true })).toBeVisible();
});
