// The attack from issue 14: a NUL (or another control character, or an unpaired surrogate) in any
// text used to reach PostgreSQL and answer 500. Every door now refuses it with 422 naming the field,
// before anything is written.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import * as token from "@/app/api/v1/auth/token/route";
import * as invitations from "@/app/api/v1/invitations/route";
import * as orders from "@/app/api/v1/orders/route";
import * as productImport from "@/app/api/v1/products/import/route";
import * as products from "@/app/api/v1/products/route";
import * as retailers from "@/app/api/v1/retailers/route";
import { authenticate } from "@/lib/auth/authenticate";
import { issueTokenPair } from "@/lib/auth/tokens";
import { createProduct } from "@/lib/catalog/create-product";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { actionError } from "@/lib/http/action";
import { updateEmployee } from "@/lib/people/update-employee";
import { orderShop, stockedProduct } from "../support/order-factories";
import { PASSWORD, tenant } from "../support/factories";
import { call } from "../support/http";
import { rejects } from "../support/rejects";

const product = (over: Record<string, unknown> = {}) => ({ sku: `CC-${Math.random().toString(36).slice(2, 8).toUpperCase()}`, name: "Besan 1 kg", hsnCode: "1106", gstRate: "5", unit: "PCS", basePrice: "95", ...over });

async function owner() {
  const t = await tenant();
  return { ...t, token: (await issueTokenPair(prisma, t.actor)).accessToken };
}

/** A raw JSON text, so lone surrogates go over the wire exactly as an attacker would send them. */
const rawJson = (fields: Record<string, string>) => `{${Object.entries(fields).map(([k, v]) => `"${k}":"${v}"`).join(",")}}`;

describe("control characters are refused with 422 naming the field, and nothing is written", () => {
  it("POST /auth/token: NUL in the email or password is 422, and no rate-limit counter is touched", async () => {
    const t = await tenant();
    const buckets = await prisma.rateLimitBucket.count();
    const nulEmail = await call(token.POST, { method: "POST", body: { email: `${t.user.email}\u0000`, password: PASSWORD } });
    expect(nulEmail.status).toBe(422);
    expect(nulEmail.headers.get("content-type")).toBe("application/problem+json");
    expect(nulEmail.json).toMatchObject({ code: "validation", status: 422, errors: { email: [expect.stringContaining("U+0000")] } });
    const nulPassword = await call(token.POST, { method: "POST", body: { email: t.user.email, password: "\u0000" } });
    expect(nulPassword.status).toBe(422);
    expect(Object.keys(nulPassword.json.errors)).toEqual(["password"]);
    const surrogate = await call(token.POST, { method: "POST", rawBody: rawJson({ email: "a\\ud800@b.in", password: "x" }) });
    expect(surrogate.status).toBe(422);
    expect(surrogate.json.errors.email[0]).toContain("unpaired surrogate");
    expect(await prisma.rateLimitBucket.count()).toBe(buckets);
    // The right password still works.
    expect((await call(token.POST, { method: "POST", body: { email: t.user.email, password: PASSWORD } })).status).toBe(200);
  });

  it("the browser sign-in (next-auth credentials → authenticate) refuses NUL before any query", async () => {
    const t = await tenant();
    const err = await rejects(authenticate(prisma, { email: `${t.user.email}\u0000`, password: PASSWORD, ip: "10.0.0.1" }));
    expect(err).toMatchObject({ code: "validation", status: 422, fieldErrors: { email: [expect.any(String)] } });
    expect((await rejects(authenticate(prisma, { email: t.user.email, password: "pass\u0007word" }))).fieldErrors).toHaveProperty("password");
  });

  it("POST /products: NUL, DEL, C1 and a lone surrogate in any field are 422 naming it; no product is created", async () => {
    const t = await owner();
    const before = await prisma.product.count({ where: { companyId: t.company.id } });
    for (const [field, bad] of [["name", "Atta\u0000"], ["description", "x\u007f"], ["brand", "\u0085Aashirvaad"], ["hsnCode", "11\u000106"], ["basePrice", "9\u00005"]] as const) {
      const res = await call(products.POST, { method: "POST", token: t.token, body: product({ [field]: bad }) });
      expect(res.status, field).toBe(422);
      expect(Object.keys(res.json.errors), field).toEqual([field]);
    }
    const lone = await call(products.POST, { method: "POST", token: t.token, rawBody: rawJson({ sku: "CC-LONE", name: "Atta \\udc00", hsnCode: "1106", gstRate: "5", unit: "PCS", basePrice: "95" }) });
    expect(lone.status).toBe(422);
    expect(lone.json.errors).toEqual({ name: [expect.stringContaining("U+DC00")] });
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(before);
  });

  it("keeps every real character: emoji, combining marks, Indian scripts, tabs and line breaks round-trip", async () => {
    const t = await owner();
    const name = "आटा 5 kg 😀 e\u0301";
    const description = "Line one\nLine two\r\n\tindented";
    const res = await call(products.POST, { method: "POST", token: t.token, body: product({ name, description }) });
    expect(res.status).toBe(201);
    const stored = await prisma.product.findUniqueOrThrow({ where: { id: res.json.id } });
    expect(stored.name).toBe(name);
    expect(stored.description).toBe(description);
  });

  it("POST /orders: a NUL deep in the body is named by its path (lines.0.quantity, shippingAddress.line1)", async () => {
    const shop = await orderShop({ creditLimit: "100000" });
    const p = await stockedProduct(shop, 10);
    const staffToken = (await issueTokenPair(prisma, shop.owner)).accessToken;
    const res = await call(orders.POST, {
      method: "POST",
      token: staffToken,
      body: { connectionId: shop.connection.id, lines: [{ productId: p.id, quantity: "2\u0000" }], shippingAddress: { name: "Shop", line1: "Road\u0000", city: "Pune", stateCode: "27", pincode: "411001" }, notes: "ok" },
    });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.errors).sort()).toEqual(["lines.0.quantity", "shippingAddress.line1"]);
    expect(await prisma.order.count({ where: { companyId: shop.co } })).toBe(0);
    expect(await prisma.stockReservation.count({ where: { companyId: shop.co } })).toBe(0);
  });

  it("POST /invitations (invite a retailer): 422 naming the field; no invitation, no email", async () => {
    const t = await owner();
    const mails = await prisma.emailMessage.count();
    const res = await call(invitations.POST, { method: "POST", token: t.token, body: { email: "kirana@test.example", businessName: "Kirana\u0000Stores", contactName: "Ravi\u001b[31m" } });
    expect(res.status).toBe(422);
    expect(Object.keys(res.json.errors).sort()).toEqual(["businessName", "contactName"]);
    expect(await prisma.invitation.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await prisma.emailMessage.count()).toBe(mails);
  });

  it("query strings and field names: ?q=%00 is 422 naming q; a key with NUL is named escaped", async () => {
    const t = await owner();
    const list = await call(products.GET, { token: t.token, path: "/api/v1/products?q=%00&limit=5" });
    expect(list.status).toBe(422);
    expect(list.json.errors).toEqual({ q: [expect.stringContaining("U+0000")] });
    const search = await call(retailers.GET, { token: t.token, path: "/api/v1/retailers?q=abc%C2%85" });
    expect(search.status).toBe(422);
    expect(Object.keys(search.json.errors)).toEqual(["q"]);
    const key = await call(products.POST, { method: "POST", token: t.token, body: { ...product(), "na\u0000me": "x" } });
    expect(key.status).toBe(422);
    expect(Object.keys(key.json.errors)).toEqual(["na\\u0000me"]);
  });

  it("forms and other callers of a domain function get the same 422 through parseInput", async () => {
    const t = await tenant();
    const err = await rejects(createProduct(t.ctx, product({ name: "Atta\u0000" })));
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: "validation", status: 422, fieldErrors: { name: [expect.any(String)] } });
  });

  it("text that reaches PostgreSQL unchecked (a server action's id argument) is a validation error, not an internal one", async () => {
    const t = await tenant();
    const err = await updateEmployee(t.ctx, "x\u0000", { title: "Boss" }).catch((e: unknown) => e);
    expect(err).not.toBeInstanceOf(AppError); // PostgreSQL itself refused it…
    expect(actionError(err, "req-nul")).toMatchObject({ ok: false, code: "validation", fieldErrors: { _: [expect.stringContaining("NUL")] } }); // …and the form hears why
  });

  it("CSV and XLSX imports refuse a cell with a control character by row and column, in a dry run and for real", async () => {
    const t = await owner();
    const post = (query: string, body: Buffer, type: string) =>
      productImport
        .POST(new Request(`http://localhost/api/v1/products/import?${query}`, { method: "POST", headers: { authorization: `Bearer ${t.token}`, "content-type": type }, body: new Uint8Array(body) }), { params: Promise.resolve({}) })
        .then(async (r) => ({ status: r.status, json: await r.json() }));
    const header = ["sku", "name", "hsn_code", "gst_rate", "unit", "base_price"];
    const csv = Buffer.from([header, ["NUL-1", "Good", "1106", "5", "PCS", "10"], ["NUL-2", "Bad\u0000name", "1106", "5", "PCS", "10"]].map((r) => r.join(",")).join("\n"));
    for (const query of ["kind=products&dryRun=true", "kind=products&dryRun=false"]) {
      const res = await post(query, csv, "text/csv");
      expect(res.status, query).toBe(422);
      expect(res.json.rowErrors).toEqual([{ row: 3, column: "name", message: expect.stringContaining("U+0000") }]);
    }
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.addRow(header);
    ws.addRow(["NUL-3", "Tab\tis fine", "1106", "5", "PCS", "10"]);
    // Excel stores a control character as the escape _x001B_ (ExcelJS writes the text as is and decodes it on reading).
    ws.addRow(["NUL-4", "Escape _x001B_ here", "1106", "5", "PCS", "10"]);
    ws.addRow(["NUL-5", "Fine", "1106", "5", "PCS", "1_x0000_0"]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await post("kind=products&dryRun=true", xlsx, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(res.status).toBe(422);
    expect(res.json.rowErrors).toEqual([
      { row: 3, column: "name", message: expect.stringContaining("U+001B") },
      { row: 4, column: "base_price", message: expect.stringContaining("U+0000") },
    ]);
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(0);
  });
});
