// Settings → Data & backups as an owner finds it on a fresh install: no backup yet, so a warning
// says so and how to make one; the schedule and retention are shown. Sales staff neither see the
// tab nor open the page. The same status is on the API.
import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, signIn, users } from "./helpers";

test("an owner sees that no backup exists yet; sales staff cannot open the page", async ({ browser, request }) => {
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, users.owner);
  await owner.goto("/settings/notifications");
  await owner.getByRole("link", { name: "Data & backups" }).click();
  await expect(owner).toHaveURL(/\/settings\/backups$/);
  await expect(owner.getByRole("heading", { name: "Data & backups" })).toBeVisible();
  const warning = owner.getByRole("alert").filter({ hasText: "No backup has been made yet" });
  await expect(warning).toBeVisible();
  await expect(warning).toContainText("npm run db:backup");
  await expect(owner.getByText("Daily at 02:30 (India time)")).toBeVisible();
  await expect(owner.getByText("14 days")).toBeVisible();

  const sales = await (await browser.newContext()).newPage();
  await signIn(sales, users.sales);
  await sales.goto("/settings/notifications");
  await expect(sales.getByRole("link", { name: "Notifications", exact: true })).toBeVisible();
  await expect(sales.getByRole("link", { name: "Data & backups" })).toHaveCount(0);
  await sales.goto("/settings/backups");
  await expect(sales).toHaveURL(/\/dashboard/);

  const login = await request.post("/api/v1/auth/token", { data: { email: users.owner, password: DEMO_PASSWORD } });
  const res = await request.get("/api/v1/system/backups", { headers: { authorization: `Bearer ${(await login.json()).accessToken}` } });
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ lastRun: null, lastSuccess: null, stale: true, staleAfterHours: 36, retentionDays: 14 });
});
