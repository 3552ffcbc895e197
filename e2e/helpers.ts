import { expect, type Browser, type Page } from "@playwright/test";

/** Every seeded demo account uses this password (scripts/seed.ts). */
export const DEMO_PASSWORD = "Demo@1234";

export const users = {
  owner: "owner@shreeganesh.example",
  sales: "sales@shreeganesh.example",
  retailer: "ravi@sharmakirana.example",
  /** Only the password-reset spec signs in as this accountant, so changing the password affects nothing else. */
  resetter: "accounts@shreeganesh.example",
} as const;

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/login/);
}

/** The demo outbox key the Playwright server starts with (scripts/e2e-server.ts). */
export const E2E_OUTBOX_KEY = "e2e-outbox-key-not-a-secret-0123456789";

/** Opens the local mail outbox as the person who started the demo does: through the key link. */
export async function openOutbox(page: Page) {
  await page.goto(`/dev/outbox-key?key=${E2E_OUTBOX_KEY}`);
  await expect(page).toHaveURL(/\/dev\/outbox$/);
}

/** A fresh browser context signed in as `email`. */
export async function signedIn(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  return page;
}

/** "₹1,23,456.50" → 123456.5 */
export const rupees = (text: string) => Number(text.replace(/[₹,\s]/g, ""));

/** What a retailer owes, as the receipt form shows it to staff. */
export async function outstandingOf(page: Page, connectionId: string): Promise<number> {
  await page.goto(`/payments/new?retailer=${connectionId}`);
  const line = page.getByText(/^Outstanding/).first();
  await expect(line).toBeVisible();
  return rupees((await line.locator("span").first().innerText()).trim());
}
