// The dispatcher plans the demo vendor's day (the Pune beat: 26 shops, the fleet's vans), moves a stop
// to the van with the most room by dragging it on the map, locks the trip it came from, plans again, and
// the locked trip keeps its stops in their order while the moved stop stays where it was put.
import { expect, test, type Page } from "@playwright/test";
import { signedIn, users } from "./helpers";

type Card = { number: string; stops: string[]; room: number; draft: boolean };

/** Every trip card of the day that can still change, in order: number, stops' names, the room left in
 *  the van (by the tighter of kg and m³), and whether it is a planner's draft (those have Lock). */
async function tripCards(page: Page): Promise<Card[]> {
  const out: Card[] = [];
  for (const card of await page.locator("[data-trip]").all()) {
    const number = (await card.getAttribute("data-trip"))!;
    const stops = await card.locator("li[data-stop]").evaluateAll((els) => els.map((e) => e.getAttribute("data-stop")!));
    const text = await card.innerText();
    const pcts = [...text.matchAll(/\((\d+)%/g)].map((m) => Number(m[1]));
    const draft = (await card.getByRole("button", { name: /^(Lock|Unlock)$/ }).count()) > 0;
    if (!draft && (await card.getByRole("combobox").count()) === 0) continue;
    out.push({ number, stops, room: 100 - Math.max(0, ...pcts), draft });
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

  // Move: a stop of a planner's trip goes to the van with the most room, dragged onto one of its stops
  // on the map. The beat's markers overlap at the first zoom: zoom in on them with the wheel, then take
  // markers the mouse can reach (inside the map and topmost at their centre).
  await map.scrollIntoViewIfNeeded();
  const mapBox = (await map.boundingBox())!;
  const beat = (await Promise.all(drafts.flatMap((t) => t.stops.map((shop) => marker(page, t.number, shop).boundingBox())))).filter((b) => b !== null);
  const cx = beat.reduce((n, b) => n + b.x + b.width / 2, 0) / beat.length;
  const cy = beat.reduce((n, b) => n + b.y + b.height / 2, 0) / beat.length;
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 3; i++) {
    await page.mouse.wheel(0, -240);
    await page.waitForTimeout(400);
  }
  const reachable = async (trip: string, shop: string) => {
    const m = marker(page, trip, shop);
    if ((await m.count()) !== 1) return null;
    const box = (await m.boundingBox())!;
    const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
    const inside = x > mapBox.x + 50 && x < mapBox.x + mapBox.width - 10 && y > mapBox.y + 10 && y < Math.min(mapBox.y + mapBox.height, 768) - 10;
    const top = await m.evaluate((el, [px, py]) => document.elementFromPoint(px, py)?.closest(".leaflet-marker-icon") === el, [x, y]);
    return inside && top ? { x, y } : null;
  };
  let target: Card | undefined;
  let onto: { x: number; y: number } | null = null;
  for (const t of [...planned].sort((a, b) => b.room - a.room)) {
    for (const shop of t.stops) if ((onto = await reachable(t.number, shop))) break;
    if (onto) {
      target = t;
      break;
    }
  }
  let source: Card | undefined;
  let moved = "";
  let from: { x: number; y: number } | null = null;
  for (const t of drafts.filter((d) => d.number !== target?.number && d.stops.length > 1)) {
    for (const shop of [...t.stops].reverse()) {
      if ((from = await reachable(t.number, shop))) {
        [source, moved] = [t, shop];
        break;
      }
    }
    if (from) break;
  }
  expect(target && onto && from && source).toBeTruthy();
  await page.mouse.move(from!.x, from!.y);
  await page.mouse.down();
  await page.mouse.move(onto!.x + 3, onto!.y + 3, { steps: 12 });
  await page.mouse.up();
  const targetCard = page.locator(`[data-trip="${target!.number}"]`);
  await expect(targetCard.locator(`li[data-stop="${moved}"]`)).toBeVisible({ timeout: 15_000 });
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
