// A clerk works the orders list from the keyboard: "/" to search, arrows to a row, Enter to open it,
// "n" for a new order, "?" for the list of shortcuts.
import { expect, test } from "@playwright/test";
import { signedIn, users } from "./helpers";

test("keyboard: search, move through the rows, open one, start a new record, see the shortcuts", async ({ browser }) => {
  const page = await signedIn(browser, users.owner);
  await page.goto("/orders");
  await expect(page.getByRole("heading", { name: "Orders", level: 1 })).toBeVisible();
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("/");
  await expect(page.getByPlaceholder(/Order number/)).toBeFocused();
  await page.keyboard.press("Escape");
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const second = page.locator("main table tbody tr").nth(1).getByRole("link").first();
  await expect(second).toBeFocused();
  const number = await second.innerText();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toContainText(number);
  await page.goto("/orders");
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("n");
  await expect(page).toHaveURL(/\/orders\/new$/);
  await page.locator("body").click({ position: { x: 5, y: 300 } });
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
});
