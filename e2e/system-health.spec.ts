// Settings → System health as an owner finds it on a single server: the database answers, no read
// replica is configured (reports read the primary), the job queue's depth. Sales staff cannot open it.
// A load balancer gets the same from /api/ready, and /api/health answers without the database.
import { expect, test } from "@playwright/test";
import { signIn, users } from "./helpers";

test("an owner sees the database ready and no replica; sales staff cannot open the page; /api/ready and /api/health answer", async ({ browser, request }) => {
  const owner = await (await browser.newContext()).newPage();
  await signIn(owner, users.owner);
  await owner.goto("/settings/backups");
  await owner.getByRole("link", { name: "System health" }).click();
  await expect(owner).toHaveURL(/\/settings\/system$/);
  await expect(owner.getByRole("heading", { name: "System health" })).toBeVisible();
  await expect(owner.getByText("Ready", { exact: true })).toBeVisible();
  await expect(owner.getByText(/^Answering in \d+ ms$/)).toBeVisible();
  await expect(owner.getByTestId("replica-status")).toContainText("Not configured: reports read the primary");
  await expect(owner.getByText(/^\d+ waiting, \d+ running$/)).toBeVisible();
  // On a machine with a second core the instance draws PDFs on worker threads (one by default).
  await expect(owner.getByTestId("pdf-rendering")).toContainText(/^PDFs are drawn on \d+ worker threads? \(\d+ started\): \d+ drawing, \d+ waiting$/);

  const sales = await (await browser.newContext()).newPage();
  await signIn(sales, users.sales);
  await sales.goto("/settings/notifications");
  await expect(sales.getByRole("link", { name: "System health" })).toHaveCount(0);
  await sales.goto("/settings/system");
  await expect(sales).toHaveURL(/\/dashboard/);

  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: "ready", database: { status: "ok" }, replica: { status: "not configured" }, jobs: { status: "ok" } });
  const health = await request.get("/api/health");
  expect(await health.json()).toEqual({ status: "ok" });
});
