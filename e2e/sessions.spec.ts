import { createServer, type Server } from "node:http";
import { expect, test, type Browser } from "@playwright/test";
import { DEMO_PASSWORD, openOutbox, signIn, users } from "./helpers";

// Written as the attacks: a copied cookie replayed after sign-out and after a password reset, a page
// on the same site (another port) writing through the API with the victim's cookie, and an anonymous
// visitor reading the demo mail outbox.

async function signedInContext(browser: Browser, email: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email);
  return { context, page };
}

test("a copied session cookie stops working the moment its owner signs out", async ({ browser }) => {
  const victim = await signedInContext(browser, users.sales);
  const stolen = await victim.context.cookies();

  const thief = await browser.newContext();
  await thief.addCookies(stolen);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/dashboard");
  await expect(thiefPage).toHaveURL(/\/dashboard/); // the copy works while the session lives…

  await victim.page.getByRole("button", { name: "Sign out" }).first().click();
  await expect(victim.page).toHaveURL(/\/login/);

  await thiefPage.goto("/dashboard"); // …and not a request longer
  await expect(thiefPage).toHaveURL(/\/login/);
  expect((await thief.request.get("/api/v1/me")).status()).toBe(401);
});

test("a password reset ends the old cookie and the old access token", async ({ browser, request }) => {
  const victim = await signedInContext(browser, users.sales);
  const token = (await (await request.post("/api/v1/auth/token", { data: { email: users.sales, password: DEMO_PASSWORD } })).json()).accessToken;
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(200);

  // The owner of the account resets the password (to the same demo password, so other specs still sign in).
  const mailbox = await browser.newPage();
  const resetMails = mailbox.getByRole("row").filter({ hasText: users.sales }).filter({ hasText: "password reset code" });
  await openOutbox(mailbox);
  const before = await resetMails.count();
  expect((await request.post("/api/v1/auth/password-reset/request", { data: { email: users.sales } })).status()).toBe(202);
  // A background job makes the code and its mail a moment later: look again until the new one is there.
  await expect(async () => {
    await mailbox.reload();
    expect(await resetMails.count()).toBeGreaterThan(before);
  }).toPass({ timeout: 45_000 });
  const code = (await resetMails.first().innerText()).match(/\b(\d{6})\b/)?.[1];
  expect(code).toBeTruthy();
  expect((await request.post("/api/v1/auth/password-reset/confirm", { data: { email: users.sales, code, password: DEMO_PASSWORD } })).status()).toBe(200);

  await victim.page.goto("/dashboard");
  await expect(victim.page).toHaveURL(/\/login/);
  expect((await request.get("/api/v1/me", { headers: { authorization: `Bearer ${token}` } })).status()).toBe(401);
});

test("a page on another port of the same site cannot write through the API with the owner's cookie", async ({ browser }) => {
  const owner = await signedInContext(browser, users.owner);
  const unread = async () => (await (await owner.context.request.get("/api/v1/notifications?limit=1")).json()).unreadCount as number;
  const before = await unread();
  expect(before).toBeGreaterThan(0);

  // The attacker's page: a "simple" cross-origin POST (no preflight), cookies included (same site).
  const target = new URL("/api/v1/notifications/read-all", test.info().project.use.baseURL).href;
  const server: Server = createServer((_req, res) => {
    res.setHeader("content-type", "text/html");
    res.end(`<!doctype html><script>fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "content-type": "text/plain" }, body: "{}" }).finally(() => { document.title = "sent"; });</script>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as { port: number }).port;
  try {
    const evil = await owner.context.newPage();
    await evil.goto(`http://localhost:${port}/`);
    await expect(evil).toHaveTitle("sent");
  } finally {
    server.close();
  }
  expect(await unread()).toBe(before);

  // Our own pages still write with the cookie: the bell's "Mark all read".
  const res = await owner.page.evaluate(async () => {
    const r = await fetch("/api/v1/notifications/read-all", { method: "POST", headers: { "x-requested-with": "vendor-erp" } });
    return r.status;
  });
  expect(res).toBeLessThan(300);
  expect(await unread()).toBe(0);
});

test("the demo outbox refuses anonymous readers and wrong keys", async ({ page }) => {
  await page.goto("/dev/outbox");
  await expect(page).toHaveURL(/\/dev\/outbox\/unlock/);
  await expect(page.getByRole("heading", { name: "Open the demo mail outbox" })).toBeVisible();
  await expect(page.getByRole("table")).toHaveCount(0);
  await page.getByLabel("Outbox key").fill("a-guess");
  await page.getByRole("button", { name: "Open the outbox" }).click();
  await expect(page.getByText("That key is not right.")).toBeVisible();
  const anyMail = await page.request.get("/dev/outbox/some-id", { maxRedirects: 0 });
  expect(anyMail.status()).toBeGreaterThanOrEqual(300);
  expect(anyMail.status()).toBeLessThan(400);
  expect(anyMail.headers().location).toContain("/dev/outbox/unlock");
  // The red banner says this is a demo, on every page.
  await page.goto("/login");
  await expect(page.getByRole("note").filter({ hasText: "Demo mode" })).toBeVisible();
});
