import { expect, test } from "@playwright/test";
import { signIn, users } from "./helpers";

test("forgotten password is reset with the code from the outbox", async ({ page }) => {
  const email = users.resetter;
  const newPassword = `Chakan#${Date.now() % 100000}`;

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText(/6-digit code/i).first()).toBeVisible();

  // Read the mail in the local outbox: newest first, open the one to this address.
  await page.goto("/dev/outbox");
  await page.getByRole("link").filter({ hasText: email }).first().click();
  await expect(page).toHaveURL(/\/dev\/outbox\/.+/);
  const text = await page.locator("main").innerText();
  const code = text.match(/\b(\d{6})\b/)?.[1];
  expect(code, `a 6-digit code in the mail:\n${text}`).toBeTruthy();

  await page.goto("/reset-password");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Code").fill(code!);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByLabel("Confirm password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/dashboard/);
});
