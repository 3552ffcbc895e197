import { expect, test } from "@playwright/test";
import { signIn, users } from "./helpers";

test("retailer signs in and lands on the portal of their business", async ({ page }) => {
  await signIn(page, users.retailer);
  await expect(page).toHaveURL(/\/portal/);
  await expect(page.getByText("Sharma Kirana", { exact: false }).first()).toBeVisible();
});

test("the business owner removes a team member only after confirming in a dialog", async ({ page }) => {
  await signIn(page, users.retailer);
  await page.goto("/portal/profile");
  const row = page.getByRole("row").filter({ hasText: "Sunita Sharma" });
  await row.getByRole("button", { name: "Remove Sunita Sharma" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove Sunita Sharma from your business?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText(/signed out everywhere/)).toBeVisible();
  // Changed their mind: nothing happens.
  await dialog.getByRole("button", { name: "Keep member" }).click();
  await expect(dialog).toBeHidden();
  await page.reload();
  await expect(row.getByText("Inactive")).toHaveCount(0);
  // Confirmed: removed.
  await row.getByRole("button", { name: "Remove Sunita Sharma" }).click();
  await dialog.getByRole("button", { name: "Remove member" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByText("Inactive")).toBeVisible();
  await expect(row.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
});
