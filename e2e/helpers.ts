import { expect, type Page } from "@playwright/test";

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
