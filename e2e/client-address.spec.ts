import { expect, test } from "@playwright/test";

// Through the app's real server (scripts/serve.ts): the client address is the TCP peer. Neither a
// rotated X-Forwarded-For nor a forged copy of the server's private peer-address header moves a
// client to a fresh rate-limit bucket (no TRUSTED_PROXIES are set for this suite).
test("a client that rotates X-Forwarded-For and forges the peer-address header still meets the sign-in limit", async ({ request }) => {
  const email = `rotating-${Date.now()}@attacker.example`;
  const statuses: number[] = [];
  let retryAfter: string | undefined;
  for (let i = 1; i <= 11; i++) {
    const res = await request.post("/api/v1/auth/token", {
      data: { email, password: `guess-${i}` },
      headers: { "x-forwarded-for": `203.0.113.${i}`, "x-real-ip": `192.0.2.${i}`, "x-erp-peer-address": `198.51.100.${i}`, "X-ERP-Peer-Address": `198.51.100.${i + 100}` },
    });
    statuses.push(res.status());
    if (res.status() === 429) {
      retryAfter = res.headers()["retry-after"];
      expect(await res.json()).toMatchObject({ code: "rate_limited" });
    }
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
  expect(Number(retryAfter)).toBeGreaterThan(0);
});

test("the sign-in page says how long to wait after too many wrong passwords", async ({ page }) => {
  const email = `typo-${Date.now()}@shreeganesh.example`;
  await page.goto("/login");
  // Each try waits for the server's answer (the form's action), so six tries are six attempts.
  const submit = async (password: string) => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/login"), page.getByRole("button", { name: "Sign in" }).click()]);
    // The form resets its fields once the answer is shown; the next try types after that.
    await expect(page.getByLabel("Password")).toHaveValue("");
  };
  for (let i = 1; i <= 5; i++) {
    await submit(`Wrong#${i}`);
    await expect(page.getByText("Email or password is incorrect")).toBeVisible();
  }
  await submit("Wrong#6");
  await expect(page.getByText(/Too many sign-in attempts\. Try again in \d+ seconds?\./)).toBeVisible();
  // The form's failures were counted against this browser's own address (not an "unknown" one):
  // the same browser's next try through the API meets the same delay.
  const api = await page.evaluate(async (email) => {
    const res = await fetch("/api/v1/auth/token", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: "Wrong#7" }) });
    return { status: res.status, retryAfter: res.headers.get("retry-after") };
  }, email);
  expect(api.status).toBe(429);
  expect(Number(api.retryAfter)).toBeGreaterThan(0);
});
