// The browser's security headers on every kind of response, the framed login page, a page load with no
// CSP violation, unknown API paths, and 404 (not 200) for records that do not exist or are another's.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import sharp from "sharp";
import { DEMO_PASSWORD, signIn, users } from "./helpers";

const otherVendorOwner = "hitesh@navrangtextiles.example";
/** Kaveri's owner uploads a logo and a product image here, so the demo company's screens stay as seeded. */
const imageVendorOwner = "suresh@kaveridistributors.example";

async function bearer(request: APIRequestContext, email: string) {
  const res = await request.post("/api/v1/auth/token", { data: { email, password: DEMO_PASSWORD } });
  expect(res.status()).toBe(200);
  return { authorization: `Bearer ${(await res.json()).accessToken}` };
}

function expectCommonHeaders(res: APIResponse) {
  const h = res.headers();
  expect(h["x-frame-options"], res.url()).toBe("DENY");
  expect(h["x-content-type-options"], res.url()).toBe("nosniff");
  expect(h["referrer-policy"], res.url()).toBe("strict-origin-when-cross-origin");
  expect(h["permissions-policy"], res.url()).toContain("camera=()");
  expect(h["cross-origin-opener-policy"], res.url()).toMatch(/^same-origin/);
  expect(h["content-security-policy"], res.url()).toContain("frame-ancestors 'none'");
  // HSTS_MAX_AGE is not set for the suite (plain http): no Strict-Transport-Security.
  expect(h["strict-transport-security"], res.url()).toBeUndefined();
}

async function expectPageHeaders(res: APIResponse) {
  expectCommonHeaders(res);
  const csp = res.headers()["content-security-policy"];
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(nonce, csp).toBeTruthy();
  const scriptSrc = /script-src ([^;]+)/.exec(csp)![1];
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain("'unsafe-inline'");
  expect(scriptSrc).not.toContain("'unsafe-eval'");
  // Next.js put this response's nonce on every script it rendered.
  const html = await res.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
  return nonce!;
}

const fileCsp = "default-src 'none'; frame-ancestors 'none'; sandbox";

test("every kind of response carries the security headers", async ({ page, request }) => {
  // Pages: the login page (anonymous) twice — a new nonce each time.
  const login = await request.get("/login");
  expect(login.status()).toBe(200);
  const n1 = await expectPageHeaders(login);
  const n2 = await expectPageHeaders(await request.get("/login"));
  expect(n2).not.toBe(n1);

  // A static asset of the build.
  const asset = /\/_next\/static\/[^"']+\.js/.exec(await (await request.get("/login")).text())![0];
  const js = await request.get(asset);
  expect(js.status()).toBe(200);
  expectCommonHeaders(js);

  // The not-found page: HTTP 404, with a page policy.
  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  await expectPageHeaders(missing);

  // A dashboard page, signed in.
  await signIn(page, users.owner);
  const dash = await page.request.get("/dashboard");
  expect(dash.status()).toBe(200);
  await expectPageHeaders(dash);

  // API JSON, an API error and the not-found API answer: the policy that allows nothing.
  const auth = await bearer(request, users.owner);
  const json = await request.get("/api/v1/company", { headers: auth });
  expect(json.status()).toBe(200);
  expectCommonHeaders(json);
  expect(json.headers()["content-security-policy"]).toBe(fileCsp);
  const problem = await request.get("/api/v1/company");
  expect(problem.status()).toBe(401);
  expect(problem.headers()["content-type"]).toContain("application/problem+json");
  expectCommonHeaders(problem);
  expect(problem.headers()["content-security-policy"]).toBe(fileCsp);

  // Files: a CSV export and an invoice PDF (no sandbox: Chromium's PDF viewer would refuse to run).
  const csv = await request.get("/api/v1/products/export?format=csv", { headers: auth });
  expect(csv.status()).toBe(200);
  expectCommonHeaders(csv);
  const invoices = (await (await request.get("/api/v1/invoices", { headers: auth })).json()).data as { id: string }[];
  expect(invoices.length).toBeGreaterThan(0);
  const pdf = await request.get(`/api/v1/invoices/${invoices[0].id}/pdf`, { headers: auth });
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expectCommonHeaders(pdf);
  expect(pdf.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");

  // next-auth's own routes still answer (the /api catch-all does not shadow them).
  const session = await request.get("/api/auth/session");
  expect(session.status()).toBe(200);
  expect(session.headers()["content-type"]).toContain("application/json");
  expectCommonHeaders(session);
});

test("the company logo: a PNG signature followed by HTML is refused; an image is re-encoded and served as an image only", async ({ request }) => {
  const auth = await bearer(request, imageVendorOwner);
  const html = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from("<html><script>alert(document.cookie)</script></html>")]);
  const refused = await request.put("/api/v1/company/logo", { headers: { ...auth, "content-type": "image/png" }, data: html });
  expect(refused.status()).toBe(400);
  expect(await refused.json()).toMatchObject({ code: "validation", errors: { logo: [expect.any(String)] } });

  const png = await sharp({ create: { width: 40, height: 20, channels: 3, background: "#1d4ed8" } }).png().toBuffer();
  const polyglot = Buffer.concat([png, Buffer.from("<html><script>alert(1)</script></html>")]);
  expect((await request.put("/api/v1/company/logo", { headers: { ...auth, "content-type": "image/png" }, data: polyglot })).status()).toBe(200);
  const logo = await request.get("/api/v1/company/logo", { headers: auth });
  expect(logo.status()).toBe(200);
  expectCommonHeaders(logo);
  expect(logo.headers()).toMatchObject({ "content-type": "image/png", "content-security-policy": fileCsp, "content-disposition": 'inline; filename="logo.png"' });
  const body = await logo.body();
  expect(body.includes(Buffer.from("<script>"))).toBe(false);
  expect((await sharp(body).metadata()).width).toBe(40);

  const pub = await request.get("/api/v1/vendors/KCDB/logo");
  expect(pub.status()).toBe(200);
  expectCommonHeaders(pub);
  expect(pub.headers()).toMatchObject({ "content-type": "image/png", "content-security-policy": fileCsp });
});

test("unknown /api paths answer 404 problem+json for every method; real routes still answer", async ({ request }) => {
  for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) {
    for (const path of ["/api/v1/no-such-thing", "/api/v1/orders/x/no-such-action", "/api/nothing"]) {
      const res = await request.fetch(path, { method, ...(method === "GET" ? {} : { data: {} }) });
      expect(res.status(), `${method} ${path}`).toBe(404);
      expect(res.headers()["content-type"], `${method} ${path}`).toBe("application/problem+json");
      expect(await res.json()).toMatchObject({ status: 404, code: "not_found" });
      expectCommonHeaders(res);
    }
  }
  expect((await request.get("/api/v1/openapi.json")).status()).toBe(200);
  expect((await request.get("/api/v1/orders")).status()).toBe(401);
  expect((await request.get("/api/auth/providers")).status()).toBe(200);
});

test("the browser finds the favicon, the app icons and the manifest, signed out, and pages link them", async ({ page, request }) => {
  for (const [path, type] of [["/favicon.ico", "image/x-icon"], ["/icon.svg", "image/svg+xml"], ["/apple-touch-icon.png", "image/png"], ["/icon-192.png", "image/png"], ["/manifest.webmanifest", "application/manifest+json"]]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(200);
    expect(res.headers()["content-type"], path).toContain(type);
    expectCommonHeaders(res);
  }
  await page.goto("/login");
  await expect(page.locator('head link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
  await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
});

test("a page on another origin cannot frame the login page", async ({ page, baseURL }) => {
  const target = `${baseURL}/login`;
  const server: Server = createServer((req, res) => {
    res.setHeader("content-type", "text/html");
    if (req.url === "/inner") return res.end("<!doctype html><p id=inner>framed fine</p>");
    res.end(`<!doctype html><h1>Win a prize</h1><iframe id=control src="/inner"></iframe><iframe id=victim src="${target}" width=800 height=600></iframe>`);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const messages: string[] = [];
    page.on("console", (m) => messages.push(m.text()));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    // The control frame from the attacker's own origin loads: the harness frames things.
    await expect(page.frameLocator("#control").locator("#inner")).toHaveText("framed fine");
    await expect.poll(() => messages.some((m) => /frame-ancestors|X-Frame-Options/i.test(m)), { timeout: 10_000 }).toBe(true);
    const victim = page.frames().find((f) => f.url() === target || f.url().startsWith("chrome-error://"));
    expect(victim?.url() ?? "chrome-error://", "the login page must not load in the frame").toMatch(/^chrome-error:\/\//);
    await expect(page.frameLocator("#victim").getByLabel("Password")).toHaveCount(0);
  } finally {
    await new Promise((r) => server.close(r));
  }
});

/**
 * Records CSP violations (the DOM event and Chromium's console line) from the first script on. The page
 * hands each DOM violation to the test as it happens, so nothing is read back from a page that may be
 * navigating (a client redirect or refresh destroys the context a read would run in).
 */
async function watchCsp(page: Page) {
  const problems: string[] = [];
  await page.exposeFunction("__reportCsp", (violation: string) => problems.push(violation));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      void (window as unknown as { __reportCsp: (v: string) => Promise<void> }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|connect|frame)/i.test(m.text())) problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  return async (path: string) => {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(200);
    await page.waitForLoadState("networkidle");
    // Hydrated: Next's inline bootstrap script (nonce'd) ran and React took over. A wait, not a read: it
    // runs again in the new document if the page navigates meanwhile.
    await page.waitForFunction(() => Array.isArray((self as unknown as { __next_f?: unknown[] }).__next_f), undefined, { timeout: 10_000 });
    expect(problems, `CSP violations on ${path}`).toEqual([]);
  };
}

test("the main screens load with no CSP violation: scripts, styles, charts, images", async ({ page, request }) => {
  test.setTimeout(150_000);
  const visit = await watchCsp(page);
  await visit("/login");
  await visit("/api-docs");
  // The reference renders each section's fields from the OpenAPI document, server-side.
  await visit("/api-docs/orders");
  await expect(page.locator("#type-Order")).toContainText("timeline[].fromStatus");

  const auth = await bearer(request, imageVendorOwner);
  const product = ((await (await request.get("/api/v1/products?limit=1", { headers: auth })).json()).data as { id: string }[])[0];
  const jpeg = await sharp({ create: { width: 32, height: 32, channels: 3, background: "#16a34a" } }).jpeg().toBuffer();
  expect((await request.post(`/api/v1/products/${product.id}/images`, { headers: { ...auth, "content-type": "image/jpeg" }, data: jpeg })).status()).toBe(201);
  const png = await sharp({ create: { width: 24, height: 24, channels: 3, background: "#9333ea" } }).png().toBuffer();
  expect((await request.put("/api/v1/company/logo", { headers: { ...auth, "content-type": "image/png" }, data: png })).status()).toBe(200);

  await signIn(page, imageVendorOwner);
  for (const path of ["/dashboard", "/orders", "/orders/new", "/invoices", "/receivables", "/payments/new", "/retailers", "/inventory", "/price-lists", "/products/new", `/products/${product.id}`, "/settings/company"]) await visit(path);
  // The images came through the API and drew.
  await visit(`/products/${product.id}`);
  const img = page.locator("img[src*='/images/']").first();
  await expect(img).toBeVisible();
  expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(32);
  await visit("/settings/company");
  expect(await page.getByAltText("Company logo").evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(24);
  // Client-side navigation (scripts loaded by the nonce'd bootstrap) works.
  await page.getByRole("link", { name: "Orders", exact: true }).first().click();
  await expect(page).toHaveURL(/\/orders$/);
});

test("the retailer portal loads with no CSP violation; only its invoice pages allow Razorpay Checkout", async ({ page }) => {
  const visit = await watchCsp(page);
  await signIn(page, users.retailer);
  for (const path of ["/portal", "/portal/catalog", "/portal/cart", "/portal/orders", "/portal/invoices", "/portal/statement"]) await visit(path);
  const res = await page.request.get("/portal/invoices");
  const csp = res.headers()["content-security-policy"];
  expect(csp).toContain("https://checkout.razorpay.com");
  expect(csp).not.toContain("stripe");
  expect(res.headers()["cross-origin-opener-policy"]).toBe("same-origin-allow-popups");
  expect((await page.request.get("/portal")).headers()["content-security-policy"]).not.toContain("razorpay");
});

test("pages of records that do not exist or belong to another company answer HTTP 404", async ({ page, request }) => {
  // Ids of another vendor's records, read with that vendor's own token.
  const other = await bearer(request, otherVendorOwner);
  const firstId = async (path: string, headers = other) => {
    const res = await request.get(path, { headers });
    expect(res.status(), path).toBe(200);
    const data = (await res.json()).data as { id: string }[];
    expect(data.length, path).toBeGreaterThan(0);
    return data[0].id;
  };
  const foreign = {
    order: await firstId("/api/v1/orders"),
    invoice: await firstId("/api/v1/invoices"),
    product: await firstId("/api/v1/products"),
    retailer: await firstId("/api/v1/retailers"),
    priceList: await firstId("/api/v1/price-lists"),
    warehouse: await firstId("/api/v1/warehouses"),
  };
  const none = "cm0000000000000000000none";
  const staffPaths = (id: Record<keyof typeof foreign, string>) => [
    `/orders/${id.order}`,
    `/orders/${id.order}/edit`,
    `/orders/${id.order}/pick-list`,
    `/invoices/${id.invoice}`,
    `/invoices/${id.invoice}/credit-note`,
    `/products/${id.product}`,
    `/products/${id.product}/edit`,
    `/retailers/${id.retailer}`,
    `/retailers/${id.retailer}/ledger`,
    `/price-lists/${id.priceList}`,
    `/inventory/warehouses/${id.warehouse}`,
  ];
  const missing = { order: none, invoice: none, product: none, retailer: none, priceList: none, warehouse: none };

  await signIn(page, users.owner);
  for (const path of [...staffPaths(foreign), ...staffPaths(missing), `/payments/${none}`, `/inventory/counts/${none}`, `/inventory/receipts/${none}`, `/inventory/transfers/${none}`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
  }
  // The owner's own records still open.
  const own = await bearer(request, users.owner);
  const ownOrder = await firstId("/api/v1/orders", own);
  expect((await page.request.get(`/orders/${ownOrder}`)).status()).toBe(200);

  // The portal: another retailer's order and invoice, and ids that do not exist.
  const vendorOrders = (await (await request.get("/api/v1/orders?limit=100", { headers: own })).json()).data as { id: string; retailer: { name: string } }[];
  const notRavis = vendorOrders.find((o) => !o.retailer.name.includes("Sharma"))!;
  const vendorInvoices = (await (await request.get("/api/v1/invoices?limit=100", { headers: own })).json()).data as { id: string }[];
  const notRavisInvoice = vendorInvoices.find((i) => !JSON.stringify(i).includes("Sharma"))!;
  expect(notRavis && notRavisInvoice).toBeTruthy();
  await page.context().clearCookies();
  await signIn(page, users.retailer);
  for (const path of [`/portal/orders/${notRavis.id}`, `/portal/invoices/${notRavisInvoice.id}`, `/portal/orders/${none}`, `/portal/invoices/${none}`]) {
    const res = await page.request.get(path);
    expect(res.status(), path).toBe(404);
  }
  expect((await page.request.get("/portal/orders")).status()).toBe(200);
});
