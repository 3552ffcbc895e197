import { expect, test } from "@playwright/test";
import { signIn, users } from "./helpers";

test("retailer signs in and lands on the portal of their business", async ({ page }) => {
  await signIn(page, users.retailer);
  await expect(page).toHaveURL(/\/portal/);
  await expect(page.getByText("Sharma Kirana", { exact: false }).first()).toBeVisible();
});
