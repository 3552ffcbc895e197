import { expect, test } from "@playwright/test";
import { openOutbox, signIn, users } from "./helpers";

test("forgotten password is reset with the code from the outbox", async ({ page }) => {
  // A user no other spec signs in as, so the new password changes nothing elsewhere.
  const email = users.resetter;
  const newPassword = `Chakan#${Date.now() % 100000}`;

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();
  const enterCode = await page.getByRole("link", { name: "Enter the code" }).getAttribute("href");

  // Read the mail in the local outbox: newest first, open the one to this address. A background job
  // makes the code and its mail a moment after the request, so look again until it is there.
  const mailRow = page.getByRole("row").filter({ hasText: email }).filter({ hasText: "password reset code" }).first();
  await expect(async () => {
    await openOutbox(page);
    await expect(mailRow).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  await mailRow.getByRole("link").click();
  await expect(page).toHaveURL(/\/dev\/outbox\/.+/);
  await expect(page.getByText(email).first()).toBeVisible();
  const text = await page.getByTestId("email-text").innerText();
  const code = text.match(/\b(\d{6})\b/)?.[1];
  expect(code, `a 6-digit code in the mail:\n${text}`).toBeTruthy();

  await page.goto(enterCode ?? "/reset-password");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Code").fill(code!);
  await page.getByLabel("New password").fill(newPassword);
  await page.getByLabel("Confirm password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Password changed")).toBeVisible();
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/login/);

  // The old password no longer works; the new one does.
  await page.getByLabel("Password").fill("Demo@1234");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Email or password is incorrect")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);

  await signIn(page, email, newPassword);
  await expect(page).toHaveURL(/\/dashboard/);
});
