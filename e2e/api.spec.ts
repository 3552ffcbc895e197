import { expect, test } from "@playwright/test";
import { DEMO_PASSWORD, users } from "./helpers";

test("API: token, company, refresh rotation, reuse detection, missing token", async ({ request }) => {
  const login = await request.post("/api/v1/auth/token", { data: { email: users.sales, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const pair = await login.json();
  expect(pair).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: expect.any(Number) });

  const company = await request.get("/api/v1/company", { headers: { authorization: `Bearer ${pair.accessToken}` } });
  expect(company.status()).toBe(200);
  expect(await company.json()).toMatchObject({ legalName: "Shree Ganesh Agro Foods Pvt. Ltd.", code: "SGAF", stateCode: "27" });

  const refreshed = await request.post("/api/v1/auth/refresh", { data: { refreshToken: pair.refreshToken } });
  expect(refreshed.status()).toBe(200);
  const next = await refreshed.json();
  expect(next.accessToken).toEqual(expect.any(String));
  expect(next.refreshToken).toEqual(expect.any(String));
  expect(next.refreshToken).not.toBe(pair.refreshToken);

  const again = await request.get("/api/v1/company", { headers: { authorization: `Bearer ${next.accessToken}` } });
  expect(again.status()).toBe(200);

  // Presenting the spent refresh token again is treated as theft: 401.
  const reused = await request.post("/api/v1/auth/refresh", { data: { refreshToken: pair.refreshToken } });
  expect(reused.status()).toBe(401);

  const anonymous = await request.get("/api/v1/company");
  expect(anonymous.status()).toBe(401);
  expect(anonymous.headers()["content-type"]).toContain("application/problem+json");
  expect(await anonymous.json()).toMatchObject({ status: 401, code: expect.any(String) });
});
