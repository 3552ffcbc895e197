import { describe, expect, it } from "vitest";
import * as company from "@/app/api/v1/company/route";
import * as logo from "@/app/api/v1/company/logo/route";
import * as employees from "@/app/api/v1/employees/route";
import * as employee from "@/app/api/v1/employees/[id]/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import * as token from "@/app/api/v1/auth/token/route";
import * as refresh from "@/app/api/v1/auth/refresh/route";
import * as logout from "@/app/api/v1/auth/logout/route";
import * as me from "@/app/api/v1/me/route";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { PASSWORD, createRetailerUser, createStaff, tenant } from "../support/factories";
import { call } from "../support/http";
import { HTML_PAYLOAD, describeImage, pngImage, pngSignatureThenHtml, pngWithHtmlInside, webpImage } from "../support/images";

async function staffToken(role: Parameters<typeof tenant>[0] = "OWNER") {
  const t = await tenant(role);
  return { ...t, token: (await issueTokenPair(prisma, t.actor)).accessToken };
}
const email = () => `api-${Math.random().toString(36).slice(2, 9)}@test.example`;

describe("REST API v1", () => {
  it("token → company → refresh → reuse detection → logout, over the route handlers", async () => {
    const t = await tenant();
    const issued = await call(token.POST, { method: "POST", path: "/api/v1/auth/token", body: { email: t.user.email, password: PASSWORD } });
    expect(issued.status).toBe(200);
    expect(issued.json).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String), expiresIn: 900 });
    const got = await call(company.GET, { path: "/api/v1/company", token: issued.json.accessToken });
    expect(got.status).toBe(200);
    expect(got.json).toMatchObject({ id: t.company.id, legalName: t.company.legalName, stateName: "Maharashtra" });
    const rotated = await call(refresh.POST, { method: "POST", body: { refreshToken: issued.json.refreshToken } });
    expect(rotated.status).toBe(200);
    const reused = await call(refresh.POST, { method: "POST", body: { refreshToken: issued.json.refreshToken } });
    expect(reused.status).toBe(401);
    expect(reused.json.code).toBe("unauthenticated");
    expect((await call(refresh.POST, { method: "POST", body: { refreshToken: rotated.json.refreshToken } })).status).toBe(401);
    expect((await call(logout.POST, { method: "POST", body: { refreshToken: rotated.json.refreshToken } })).status).toBe(204);
  });

  it("wrong password is 401 problem+json; unauthenticated calls are 401 with a request id", async () => {
    const t = await tenant();
    const bad = await call(token.POST, { method: "POST", body: { email: t.user.email, password: "nope" } });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("content-type")).toBe("application/problem+json");
    expect(bad.json).toMatchObject({ status: 401, code: "invalid_credentials", title: "Unauthorized", type: expect.stringContaining("invalid-credentials") });
    const anon = await call(company.GET, { path: "/api/v1/company" });
    expect(anon.status).toBe(401);
    expect(anon.headers.get("x-request-id")).toMatch(/.{8,}/);
    expect(anon.json.requestId).toBe(anon.headers.get("x-request-id"));
    expect((await call(company.GET, { token: "garbage" })).status).toBe(401);
    expect((await call(company.GET, { headers: { authorization: "Basic abc" } })).status).toBe(401);
  });

  it("echoes a well-formed client request id", async () => {
    const t = await staffToken();
    const res = await call(company.GET, { token: t.token, headers: { "x-request-id": "mobile-1234-abcd" } });
    expect(res.headers.get("x-request-id")).toBe("mobile-1234-abcd");
  });

  it("body rules: malformed JSON 400, over 1 MB 413, non-JSON 415, unknown fields 400 naming them", async () => {
    const t = await staffToken();
    const malformed = await call(company.PATCH, { method: "PATCH", token: t.token, rawBody: '{"tradeName": ' });
    expect(malformed.status).toBe(400);
    expect(malformed.json.code).toBe("malformed_json");
    const big = await call(company.PATCH, { method: "PATCH", token: t.token, body: { tradeName: "x".repeat(1024 * 1024 + 10) } });
    expect(big.status).toBe(413);
    expect(big.json.code).toBe("payload_too_large");
    const form = await call(company.PATCH, { method: "PATCH", token: t.token, rawBody: "tradeName=x", headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(form.status).toBe(415);
    const unknown = await call(company.PATCH, { method: "PATCH", token: t.token, body: { tradeName: "Ok", colour: "red", gstn: "x" } });
    expect(unknown.status).toBe(400);
    expect(unknown.json.code).toBe("validation");
    expect(unknown.json.errors).toEqual({ colour: ["Unknown field"], gstn: ["Unknown field"] });
    expect(unknown.json.detail).toContain("colour");
    expect((await prisma.company.findUniqueOrThrow({ where: { id: t.company.id } })).tradeName).toBeNull();
  });

  it("PATCH /company validates GSTIN by check digit and answers with field errors", async () => {
    const t = await staffToken();
    const res = await call(company.PATCH, { method: "PATCH", token: t.token, body: { gstin: "27AAPFU0939F1ZA" } });
    expect(res.status).toBe(400);
    expect(res.json.errors.gstin[0]).toContain("check digit");
    const ok = await call(company.PATCH, { method: "PATCH", token: t.token, body: { gstin: "27AAPFU0939F1ZV", pan: "AAPFU0939F" } });
    expect(ok.status).toBe(200);
    expect(ok.json.gstin).toBe("27AAPFU0939F1ZV");
  });

  it("insufficient role is 403; another tenant's employee is 404", async () => {
    const a = await staffToken();
    const sales = await createStaff(a.company.id, "SALES");
    const salesToken = (await issueTokenPair(prisma, sales.actor)).accessToken;
    const denied = await call(company.PATCH, { method: "PATCH", token: salesToken, body: { tradeName: "x" } });
    expect(denied.status).toBe(403);
    expect(denied.json.code).toBe("forbidden");
    expect((await call(employees.POST, { method: "POST", token: salesToken, body: { name: "X", email: email(), role: "SALES" } })).status).toBe(403);
    const b = await staffToken();
    const cross = await call(employee.PATCH, { method: "PATCH", token: b.token, params: { id: sales.membership.id }, body: { role: "MANAGER" } });
    expect(cross.status).toBe(404);
    expect(cross.json.code).toBe("not_found");
    expect((await call(employee.DELETE, { method: "DELETE", token: b.token, params: { id: sales.membership.id } })).status).toBe(404);
    const list = await call(employees.GET, { path: `/api/v1/employees?q=${encodeURIComponent(sales.user.email)}`, token: b.token });
    expect(list.json.data).toEqual([]);
  });

  it("retailer tokens cannot reach vendor resources", async () => {
    const r = await createRetailerUser();
    const rt = (await issueTokenPair(prisma, r.actor)).accessToken;
    expect((await call(company.GET, { token: rt })).status).toBe(403);
    expect((await call(employees.GET, { path: "/api/v1/employees", token: rt })).status).toBe(403);
    const who = await call(me.GET, { token: rt });
    expect(who.json).toMatchObject({ kind: "retailer", retailerId: r.retailer.id, companies: [] });
  });

  it("Idempotency-Key: a replay returns the first response and creates nothing; another body is 422", async () => {
    const t = await staffToken();
    const body = { name: "Farhan Qureshi", email: email(), role: "WAREHOUSE" };
    const first = await call(employees.POST, { method: "POST", token: t.token, body, headers: { "idempotency-key": "add-farhan-1" } });
    expect(first.status).toBe(201);
    const replay = await call(employees.POST, { method: "POST", token: t.token, body, headers: { "idempotency-key": "add-farhan-1" } });
    expect(replay.status).toBe(201);
    expect(replay.json).toEqual(first.json);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await prisma.membership.count({ where: { companyId: t.company.id, user: { email: body.email } } })).toBe(1);
    const other = await call(employees.POST, { method: "POST", token: t.token, body: { ...body, role: "SALES" }, headers: { "idempotency-key": "add-farhan-1" } });
    expect(other.status).toBe(422);
    expect(other.json.code).toBe("idempotency_mismatch");
    // Keys are per caller: another company may use the same key for its own request.
    const b = await staffToken();
    expect((await call(employees.POST, { method: "POST", token: b.token, body: { ...body, email: email() }, headers: { "idempotency-key": "add-farhan-1" } })).status).toBe(201);
  });

  it("an error answer is replayed too, and a duplicate without a key is a 409", async () => {
    const t = await staffToken();
    const body = { name: "Dup", email: t.user.email, role: "SALES" };
    const a = await call(employees.POST, { method: "POST", token: t.token, body, headers: { "idempotency-key": "dup-1" } });
    const b = await call(employees.POST, { method: "POST", token: t.token, body, headers: { "idempotency-key": "dup-1" } });
    expect(a.status).toBe(409);
    expect(b.status).toBe(409);
    expect(b.json).toEqual(a.json);
  });

  it("cursor pagination walks the whole list once", async () => {
    const t = await staffToken();
    for (let i = 0; i < 4; i++) await createStaff(t.company.id, "SALES", { name: `Person ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; json: { data: { id: string }[]; nextCursor: string | null } } = await call(employees.GET, { path: `/api/v1/employees?limit=2${cursor ? `&cursor=${cursor}` : ""}`, token: t.token });
      expect(res.status).toBe(200);
      seen.push(...res.json.data.map((e) => e.id));
      cursor = res.json.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(5);
    expect((await call(employees.GET, { path: "/api/v1/employees?limit=500", token: t.token })).status).toBe(400);
    expect((await call(employees.GET, { path: "/api/v1/employees?cursor=%%%", token: t.token })).status).toBe(400);
  });

  it("PATCH and DELETE /employees/{id} change role and deactivate", async () => {
    const t = await staffToken();
    const s = await createStaff(t.company.id, "SALES");
    const patched = await call(employee.PATCH, { method: "PATCH", token: t.token, params: { id: s.membership.id }, body: { role: "ACCOUNTANT" } });
    expect(patched.json).toMatchObject({ id: s.membership.id, role: "ACCOUNTANT" });
    const deleted = await call(employee.DELETE, { method: "DELETE", token: t.token, params: { id: s.membership.id } });
    expect(deleted.json).toMatchObject({ active: false });
  });

  it("uploads, serves and removes the company logo, checking type and size", async () => {
    const t = await staffToken();
    const png = await pngImage();
    const put = async (bytes: Buffer, type: string, tok = t.token) =>
      logo.PUT(new Request("http://localhost/api/v1/company/logo", { method: "PUT", headers: { authorization: `Bearer ${tok}`, "content-type": type }, body: new Uint8Array(bytes) }), { params: Promise.resolve({}) });
    expect((await put(png, "image/png")).status).toBe(200);
    const got = await logo.GET(new Request("http://localhost/api/v1/company/logo", { headers: { authorization: `Bearer ${t.token}` } }), { params: Promise.resolve({}) });
    expect(got.headers.get("content-type")).toBe("image/png");
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    expect(got.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(got.headers.get("content-disposition")).toBe('inline; filename="logo.png"');
    expect(await describeImage(Buffer.from(await got.arrayBuffer()))).toMatchObject({ format: "png", width: 4, height: 3 });
    expect((await call(company.GET, { token: t.token })).json.logoUrl).toMatch(/^\/api\/v1\/company\/logo\?v=\d+$/);
    const wrongType = await put(png, "image/jpeg");
    expect(wrongType.status).toBe(400);
    expect((await put(Buffer.from("<svg/>"), "image/svg+xml")).status).toBe(400);
    expect((await put(Buffer.concat([png, Buffer.alloc(600 * 1024)]), "image/png")).status).toBe(400);
    const sales = await createStaff(t.company.id, "SALES");
    expect((await put(png, "image/png", (await issueTokenPair(prisma, sales.actor)).accessToken)).status).toBe(403);
    const other = await staffToken();
    expect((await call(logo.GET, { token: other.token })).status).toBe(404);
    expect((await call(logo.DELETE, { method: "DELETE", token: t.token })).status).toBe(204);
    expect((await call(logo.GET, { token: t.token })).status).toBe(404);
  });

  it("a logo that starts with a PNG signature and goes on as HTML is refused; a polyglot comes back re-encoded, never as sent", async () => {
    const t = await staffToken();
    const put = (bytes: Buffer, type = "image/png") =>
      logo.PUT(new Request("http://localhost/api/v1/company/logo", { method: "PUT", headers: { authorization: `Bearer ${t.token}`, "content-type": type }, body: new Uint8Array(bytes) }), { params: Promise.resolve({}) });
    const refused = await put(pngSignatureThenHtml());
    expect(refused.status).toBe(400);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect(await refused.json()).toMatchObject({ code: "validation", errors: { logo: ["Not a readable PNG, JPEG or WebP image"] } });
    expect(await prisma.company.findUniqueOrThrow({ where: { id: t.company.id }, select: { logo: true } })).toEqual({ logo: null });

    const polyglot = await pngWithHtmlInside();
    expect((await put(polyglot)).status).toBe(200);
    const served = Buffer.from(await (await logo.GET(new Request("http://localhost/api/v1/company/logo", { headers: { authorization: `Bearer ${t.token}` } }), { params: Promise.resolve({}) })).arrayBuffer());
    expect(served.equals(polyglot)).toBe(false);
    expect(served.includes(Buffer.from(HTML_PAYLOAD))).toBe(false);
    expect(await describeImage(served)).toMatchObject({ format: "png", width: 8, height: 8 });

    // A WebP logo is stored as PNG, so the invoice PDF can print it; a huge one is scaled to 1024 px.
    expect((await put(await webpImage(2000, 500), "image/webp")).status).toBe(200);
    const row = await prisma.company.findUniqueOrThrow({ where: { id: t.company.id }, select: { logo: true, logoMimeType: true } });
    expect(row.logoMimeType).toBe("image/png");
    expect(await describeImage(row.logo!)).toMatchObject({ format: "png", width: 1024, height: 256 });
  });

  it("serves an OpenAPI 3.1 document covering every route", async () => {
    const res = await call(openapi.GET, { path: "/api/v1/openapi.json" });
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe("3.1.0");
    const paths = Object.keys(res.json.paths);
    for (const p of ["/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/company", "/api/v1/employees", "/api/v1/employees/{id}"]) expect(paths).toContain(p);
    const body = res.json.paths["/api/v1/employees"].post.requestBody.content["application/json"].schema;
    expect(body.required).toEqual(expect.arrayContaining(["name", "email", "role"]));
    expect(body.additionalProperties).toBe(false);
  });
});

describe("REST API v1: retailer network", () => {
  it("invite over HTTP → accept publicly → both sides see the connection; other tenants get 404", async () => {
    const { POST: invite } = await import("@/app/api/v1/invitations/route");
    const { GET: byToken } = await import("@/app/api/v1/invitations/by-token/[token]/route");
    const { POST: accept } = await import("@/app/api/v1/invitations/accept/route");
    const { GET: retailers } = await import("@/app/api/v1/retailers/route");
    const { GET: retailer } = await import("@/app/api/v1/retailers/[id]/route");
    const { GET: myVendors } = await import("@/app/api/v1/me/vendors/route");
    const v = await staffToken();
    const to = email();
    const created = await call(invite, { method: "POST", token: v.token, body: { email: to, creditLimit: 20000, paymentTermsDays: 7 }, headers: { "idempotency-key": "inv-1" } });
    expect(created.status).toBe(201);
    const mail = await prisma.emailMessage.findFirstOrThrow({ where: { to, template: "retailer_invitation" } });
    const tok = decodeURIComponent(/\/invite\/(\S+)/.exec(mail.text)![1]);
    expect((await call(byToken, { params: { token: tok } })).json).toMatchObject({ state: "pending", account: "new" });
    const ok = await call(accept, { method: "POST", body: { token: tok, name: "Kavita Joshi", password: "Store@2026", business: { legalName: "Joshi Provision Stores", stateCode: "27", addressLine1: "14 Canada Corner", city: "Nashik", pincode: "422005" } } });
    expect(ok.status).toBe(200);
    expect(ok.json.connection).toMatchObject({ status: "ACTIVE", creditLimit: "20000.00" });
    const again = await call(accept, { method: "POST", body: { token: tok, password: "Store@2026" } });
    expect(again.status).toBe(409);
    expect(again.json.code).toBe("invalid_transition");
    const list = await call(retailers, { path: "/api/v1/retailers?q=joshi", token: v.token });
    expect(list.json.data).toHaveLength(1);
    const id = list.json.data[0].id;
    expect((await call(retailer, { token: v.token, params: { id } })).status).toBe(200);
    const other = await staffToken();
    expect((await call(retailer, { token: other.token, params: { id } })).status).toBe(404);
    expect((await call(retailers, { path: "/api/v1/retailers", token: other.token })).json.data).toEqual([]);
    const pair = await call(token.POST, { method: "POST", body: { email: to, password: "Store@2026" } });
    const mine = await call(myVendors, { token: pair.json.accessToken });
    expect(mine.json.data).toEqual([expect.objectContaining({ status: "ACTIVE", vendor: expect.objectContaining({ id: v.company.id }) })]);
    expect((await call(retailers, { path: "/api/v1/retailers", token: pair.json.accessToken })).status).toBe(403);
  });

  it("join request over HTTP: retailer asks, vendor approves, invalid transitions are 409", async () => {
    const { POST: join } = await import("@/app/api/v1/join-requests/route");
    const { POST: act } = await import("@/app/api/v1/join-requests/[id]/[action]/route");
    const v = await staffToken();
    const r = await createRetailerUser();
    const rt = (await issueTokenPair(prisma, r.actor)).accessToken;
    const req = await call(join, { method: "POST", token: rt, body: { vendorCode: v.company.code, message: "Hello" } });
    expect(req.status).toBe(201);
    expect((await call(act, { method: "POST", token: rt, params: { id: req.json.id, action: "approve" } })).status).toBe(403);
    const approved = await call(act, { method: "POST", token: v.token, params: { id: req.json.id, action: "approve" }, body: { creditLimit: "10000" } });
    expect(approved.json).toMatchObject({ status: "ACTIVE" });
    const rejectAfter = await call(act, { method: "POST", token: v.token, params: { id: req.json.id, action: "reject" }, body: { reason: "late" } });
    expect(rejectAfter.status).toBe(409);
    expect(rejectAfter.json.code).toBe("invalid_transition");
    expect((await call(act, { method: "POST", token: v.token, params: { id: req.json.id, action: "explode" } })).status).toBe(404);
  });
});
