// A product's own lead time (Product.leadTimeDays): kept by the catalog (form schema, REST, CSV
// import and export), refused when it is not whole days 0–365 (400 naming the field, nothing
// written), another company's product cannot be edited (404); the reorder report uses it for that
// product and the report's lead time for products without one, and each row says which it used.
import { describe, expect, it } from "vitest";
import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[id]/route";
import * as reorderRoute from "@/app/api/v1/reports/stock/reorder/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { createProduct } from "@/lib/catalog/create-product";
import { exportProducts } from "@/lib/catalog/export/export-products";
import { importProducts } from "@/lib/catalog/import/import-products";
import { updateProduct } from "@/lib/catalog/update-product";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { createGoodsReceipt } from "@/lib/inventory/goods-receipts";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { dispatchOrder } from "@/lib/orders/dispatch-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { istDay } from "@/lib/pricing/dates";
import { getReorderSuggestions } from "@/lib/reporting/stock/get-reorder-suggestions";
import { tenant } from "../support/factories";
import { call } from "../support/http";
import { orderShop } from "../support/order-factories";

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const BAD = [-1, 366, 1.5, "abc", "-3", "1.5", true] as const;

const besan = (over: Record<string, unknown> = {}) => ({ sku: "SGF-BESAN-1KG", name: "Besan 1 kg", hsnCode: "11061000", gstRate: "5", unit: "PCS", basePrice: "89.50", costPrice: "75", ...over });

describe("product lead time in the catalog", () => {
  it("is optional whole days 0–365: kept as a number, 0 is a lead time, empty or null clears it, and changes are audited", async () => {
    const t = await tenant();
    const none = await createProduct(t.ctx, besan());
    expect(none.leadTimeDays).toBeNull();
    const imported = await createProduct(t.ctx, besan({ sku: "IMP-SAFFRON-1G", name: "Saffron 1 g", leadTimeDays: "21" }));
    expect(imported.leadTimeDays).toBe(21);
    const sameDay = await createProduct(t.ctx, besan({ sku: "OWN-CHIVDA", name: "Chivda 400 g", leadTimeDays: 0 }));
    expect(sameDay.leadTimeDays).toBe(0);
    expect(await createProduct(t.ctx, besan({ sku: "MAX", leadTimeDays: 365 }))).toMatchObject({ leadTimeDays: 365 });
    expect(await createProduct(t.ctx, besan({ sku: "BLANK", leadTimeDays: "" }))).toMatchObject({ leadTimeDays: null });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: imported.id } })).leadTimeDays).toBe(21);

    expect(await updateProduct(t.ctx, none.id, { leadTimeDays: 7 })).toMatchObject({ leadTimeDays: 7 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: none.id, action: "product.update" } });
    expect(audit).toMatchObject({ before: { leadTimeDays: null }, after: { leadTimeDays: 7 } });
    // Renaming leaves the lead time alone; "" (the form's empty field) and null clear it.
    expect(await updateProduct(t.ctx, none.id, { name: "Besan (gram flour) 1 kg" })).toMatchObject({ leadTimeDays: 7 });
    expect(await updateProduct(t.ctx, none.id, { leadTimeDays: "" })).toMatchObject({ leadTimeDays: null });
    expect(await updateProduct(t.ctx, imported.id, { leadTimeDays: null })).toMatchObject({ leadTimeDays: null });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: imported.id } })).leadTimeDays).toBeNull();
  });

  it("bad lead times are refused naming leadTimeDays on create and update, and nothing is written", async () => {
    const t = await tenant();
    for (const v of BAD) {
      await expect(createProduct(t.ctx, besan({ leadTimeDays: v })), String(v)).rejects.toMatchObject({ code: "validation", fieldErrors: { leadTimeDays: [expect.any(String)] } });
    }
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { companyId: t.company.id } })).toBe(0);

    const p = await createProduct(t.ctx, besan({ leadTimeDays: 5 }));
    for (const v of BAD) {
      await expect(updateProduct(t.ctx, p.id, { leadTimeDays: v, name: "Changed" }), String(v)).rejects.toMatchObject({ code: "validation", fieldErrors: { leadTimeDays: [expect.any(String)] } });
    }
    await expect(updateProduct(t.ctx, p.id, { leadTimeDays: -1 })).rejects.toMatchObject({ fieldErrors: { leadTimeDays: ["Lead time cannot be negative"] } });
    await expect(updateProduct(t.ctx, p.id, { leadTimeDays: 366 })).rejects.toMatchObject({ fieldErrors: { leadTimeDays: ["Lead time is at most 365 days"] } });
    await expect(updateProduct(t.ctx, p.id, { leadTimeDays: 1.5 })).rejects.toMatchObject({ fieldErrors: { leadTimeDays: ["Lead time is whole days"] } });
    expect(await prisma.product.findUniqueOrThrow({ where: { id: p.id } })).toMatchObject({ name: "Besan 1 kg", leadTimeDays: 5 });
    expect(await prisma.auditLog.count({ where: { entityId: p.id, action: "product.update" } })).toBe(0);
  });

  it("the database refuses a lead time out of range whoever writes it", async () => {
    const t = await tenant();
    const p = await createProduct(t.ctx, besan());
    await expect(prisma.product.update({ where: { id: p.id }, data: { leadTimeDays: 366 } })).rejects.toThrow(/Product_leadTimeDays_check/);
    await expect(prisma.product.update({ where: { id: p.id }, data: { leadTimeDays: -1 } })).rejects.toThrow(/Product_leadTimeDays_check/);
  });

  it("over REST: POST and PATCH take it, GET /products/{id} shows it; bad values are 400 naming leadTimeDays; another company's product is 404", async () => {
    const a = await tenant();
    const b = await tenant();
    const ta = await token(a.actor);
    const tb = await token(b.actor);
    const created = await call(productsRoute.POST, { method: "POST", path: "/api/v1/products", token: ta, body: besan({ leadTimeDays: 21 }) });
    expect(created.status).toBe(201);
    expect(created.json.leadTimeDays).toBe(21);
    const id = created.json.id as string;
    expect((await call(productRoute.GET, { token: ta, params: { id } })).json).toMatchObject({ id, leadTimeDays: 21 });

    for (const v of BAD) {
      const post = await call(productsRoute.POST, { method: "POST", path: "/api/v1/products", token: ta, body: besan({ sku: "OTHER-1", leadTimeDays: v }) });
      expect(post.status, String(v)).toBe(400);
      expect(post.headers.get("content-type")).toContain("application/problem+json");
      expect(Object.keys(post.json.errors), String(v)).toEqual(["leadTimeDays"]);
      const patch = await call(productRoute.PATCH, { method: "PATCH", token: ta, params: { id }, body: { leadTimeDays: v } });
      expect(patch.status, String(v)).toBe(400);
      expect(Object.keys(patch.json.errors), String(v)).toEqual(["leadTimeDays"]);
    }
    expect(await prisma.product.count({ where: { companyId: a.company.id } })).toBe(1);

    const patched = await call(productRoute.PATCH, { method: "PATCH", token: ta, params: { id }, body: { leadTimeDays: 3 } });
    expect(patched.status).toBe(200);
    expect(patched.json.leadTimeDays).toBe(3);
    const cleared = await call(productRoute.PATCH, { method: "PATCH", token: ta, params: { id }, body: { leadTimeDays: null } });
    expect(cleared.json.leadTimeDays).toBeNull();
    await updateProduct(a.ctx, id, { leadTimeDays: 14 });

    // Another company: its staff cannot read or change the product, by function or route.
    await expect(updateProduct(b.ctx, id, { leadTimeDays: 2 })).rejects.toMatchObject({ code: "not_found" });
    expect((await call(productRoute.PATCH, { method: "PATCH", token: tb, params: { id }, body: { leadTimeDays: 2 } })).status).toBe(404);
    expect((await call(productRoute.GET, { token: tb, params: { id } })).status).toBe(404);
    expect((await prisma.product.findUniqueOrThrow({ where: { id } })).leadTimeDays).toBe(14);
    expect(await prisma.auditLog.count({ where: { companyId: b.company.id } })).toBe(0);
  });

  it("the product file has a lead_time_days column: bad cells are row errors and nothing is imported; blank clears; the export writes it back", async () => {
    const t = await tenant();
    const kept = await createProduct(t.ctx, besan({ sku: "KEEP", leadTimeDays: 4 }));
    const file = (rows: string[][]) => ({ bytes: Buffer.from([["sku", "name", "hsn_code", "gst_rate", "unit", "base_price", "lead_time_days"], ...rows].map((r) => r.join(",")).join("\n")), contentType: "text/csv", dryRun: false });
    const bad = await importProducts(t.ctx, file([
      ["NEW-1", "Saffron", "0910", "5", "PCS", "300", "-1"],
      ["NEW-2", "Dates", "0804", "5", "PCS", "120", "366"],
      ["NEW-3", "Figs", "0804", "5", "PCS", "150", "1.5"],
      ["KEEP", "Besan 1 kg", "11061000", "5", "PCS", "89.50", "abc"],
    ])).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "validation", message: expect.stringContaining("nothing was imported") });
    const rowErrors = (bad as { details: { rowErrors: { row: number; column: string; message: string }[] } }).details.rowErrors;
    expect(rowErrors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, "lead_time_days", "Lead time cannot be negative"],
      [3, "lead_time_days", "Lead time is at most 365 days"],
      [4, "lead_time_days", "Lead time is whole days"],
      [5, "lead_time_days", "Enter the lead time in whole days, e.g. 7"],
    ]);
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(1);
    expect((await prisma.product.findUniqueOrThrow({ where: { id: kept.id } })).leadTimeDays).toBe(4);

    const ok = await importProducts(t.ctx, file([
      ["NEW-1", "Saffron", "0910", "5", "PCS", "300", "21"],
      ["NEW-2", "Dates", "0804", "5", "PCS", "120", ""],
      ["KEEP", "Besan 1 kg", "11061000", "5", "PCS", "89.50", ""],
    ]));
    expect(ok).toMatchObject({ toCreate: 2, toUpdate: 1, errors: [] });
    const bySku = Object.fromEntries((await prisma.product.findMany({ where: { companyId: t.company.id }, select: { sku: true, leadTimeDays: true } })).map((p) => [p.sku, p.leadTimeDays]));
    expect(bySku).toEqual({ "NEW-1": 21, "NEW-2": null, KEEP: null });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: kept.id, action: "product.import_update" } });
    expect(audit).toMatchObject({ before: { leadTimeDays: 4 }, after: { leadTimeDays: null } });

    const out = (await exportProducts(t.ctx, { format: "csv" })).body.toString("utf8").slice(1).trim().split("\r\n");
    expect(out[0]!.split(",").at(-1)).toBe("lead_time_days");
    expect(out.slice(1).map((l) => [l.split(",")[0], l.split(",").at(-1)])).toEqual([["KEEP", ""], ["NEW-1", "21"], ["NEW-2", ""]]);
  });
});

describe("reorder suggestions with each product's own lead time", () => {
  // Today is 30 Nov 2026 (noon IST): the outflow window is 1–30 Nov.
  const NOW = new Date("2026-11-30T06:30:00Z");

  /** Three products that sold alike: 100 in 60 days before `now`, 60 dispatched 10 days before it. */
  async function books(now: Date) {
    const shop = await orderShop({ now });
    const ago = (days: number) => makeCtx(shop.owner, { now: () => new Date(now.getTime() - days * 86_400_000) });
    const item = (over: Record<string, unknown>) => createProduct(shop.staff, { hsnCode: "0910", gstRate: "5", unit: "PCS", basePrice: "400", costPrice: "250", ...over });
    const imported = await item({ sku: "IMP-SAFFRON", name: "Kashmiri Saffron 1 g (imported)", packUnit: "BOX", packSize: "12", leadTimeDays: 21 });
    const local = await item({ sku: "LOC-CHIVDA", name: "Nashik Chivda 400 g" });
    const sameDay = await item({ sku: "OWN-FARSAN", name: "Farsan Mix 1 kg (own unit)", reorderLevel: "50", leadTimeDays: 0 });
    const lines = (qty: string) => [imported, local, sameDay].map((p) => ({ productId: p.id, quantity: qty }));
    const receiving = ago(60);
    await createGoodsReceipt(receiving, { warehouseId: shop.wh.id, receivedDate: istDay(receiving.now()), supplierName: "Assorted", updateCostPrice: false, lines: lines("100") });
    const ctx = ago(10);
    const o = await placeOrder(ctx, { connectionId: shop.connection.id, lines: lines("60") });
    await confirmOrder(ctx, o.id);
    await packOrder(ctx, o.id);
    await invoiceOrder(ctx, o.id, {});
    await dispatchOrder(ctx, o.id, {});
    return { shop, imported, local, sameDay };
  }

  it("uses the product's lead time when it has one, else the report's, for the cover check and the suggested quantity", async () => {
    const { shop, imported, local, sameDay } = await books(NOW);
    // Each: available 100 − 60 = 40; outflow 60 in 30 days = 2 a day; cover 40 ÷ 2 = 20 days.
    const r = await getReorderSuggestions(shop.staff, {}); // the report's lead time: 7 days, cover 14
    expect(r).toMatchObject({ leadTimeDays: 7, coverDays: 14, outflowFrom: "2026-11-01", outflowTo: "2026-11-30" });
    const row = (id: string) => r.rows.find((x) => x.productId === id);
    // Imported, 21 days of its own: 20 days of cover < 21 → cover short;
    // 0 + 2 × (21 + 14) − 40 = 30 → 3 boxes of 12 = 36 (the report's 7 days would give 2 × 21 − 40 = 2 → 12).
    expect(row(imported.id)).toMatchObject({ available: "40", outflow30: "60", dailyOutflow: "2.00", daysOfCover: "20.0", leadTimeDays: 21, leadTimeSource: "product", reason: "cover_short", suggested: "36", suggestedValue: "9000.00" });
    // Local, no lead time of its own: the report's 7 days; 20 days of cover is enough → not listed.
    expect(row(local.id)).toBeUndefined();
    // Same-day, 0 days of its own (0 is a lead time, not "none"): 40 < its reorder level of 50;
    // 50 + 2 × (0 + 14) − 40 = 38 (the report's 7 days would give 52).
    expect(row(sameDay.id)).toMatchObject({ leadTimeDays: 0, leadTimeSource: "product", reason: "below_reorder_level", suggested: "38" });
    expect(r.totals).toMatchObject({ products: 2, suggestedValue: "18500.00" }); // 36 × 250 + 38 × 250

    // A longer report lead time moves only the products without their own.
    const r30 = await getReorderSuggestions(shop.staff, { leadTimeDays: 30 });
    const row30 = (id: string) => r30.rows.find((x) => x.productId === id);
    // Local: 20 days of cover < 30 → cover short; 2 × (30 + 14) − 40 = 48.
    expect(row30(local.id)).toMatchObject({ leadTimeDays: 30, leadTimeSource: "report", reason: "cover_short", suggested: "48" });
    expect(row30(imported.id)).toMatchObject({ leadTimeDays: 21, leadTimeSource: "product", suggested: "36" });
    expect(row30(sameDay.id)).toMatchObject({ leadTimeDays: 0, leadTimeSource: "product", suggested: "38" });

    // Clearing the imported product's lead time puts it back on the report's 7 days: 20 days of cover is enough.
    await updateProduct(shop.staff, imported.id, { leadTimeDays: null });
    expect((await getReorderSuggestions(shop.staff, {})).rows.map((x) => x.productId)).toEqual([sameDay.id]);
    // And 45 days of its own: 0 + 2 × (45 + 14) − 40 = 78 → 7 boxes of 12 = 84.
    await updateProduct(shop.staff, imported.id, { leadTimeDays: 45 });
    expect((await getReorderSuggestions(shop.staff, {})).rows.find((x) => x.productId === imported.id)).toMatchObject({ leadTimeDays: 45, leadTimeSource: "product", reason: "cover_short", suggested: "84" });
  });

  it("the route (and its CSV) give each row its lead time and whose it is; another company sees none of these rows", async () => {
    // The route reads the real clock, so these books are dated from today.
    const { shop, imported, local, sameDay } = await books(new Date());
    const t = await token(shop.owner);
    const res = await call(reorderRoute.GET, { path: "/api/v1/reports/stock/reorder?leadTimeDays=30", token: t });
    expect(res.status).toBe(200);
    expect(res.json.leadTimeDays).toBe(30);
    const rows = res.json.rows as { productId: string; leadTimeDays: number; leadTimeSource: string; suggested: string }[];
    // Below the reorder level first, then cover short (the same 20 days of cover: the larger purchase first).
    expect(rows.map((r) => [r.productId, r.leadTimeDays, r.leadTimeSource, r.suggested])).toEqual([
      [sameDay.id, 0, "product", "38"],
      [local.id, 30, "report", "48"],
      [imported.id, 21, "product", "36"],
    ]);
    const csv = await reorderRoute.GET(new Request("http://localhost/api/v1/reports/stock/reorder?leadTimeDays=30&format=csv", { headers: { authorization: `Bearer ${t}` } }), { params: Promise.resolve({}) });
    const lines = (await csv.text()).split("\r\n");
    const head = lines.findIndex((l) => l.startsWith("Product,SKU,"));
    expect(lines.slice(head + 1, head + 4).map((l) => l.split(",").slice(10, 12))).toEqual([["0", "Product"], ["30", "Report default"], ["21", "Product"]]);

    const other = await tenant();
    const theirs = await call(reorderRoute.GET, { path: `/api/v1/reports/stock/reorder?productId=${imported.id}`, token: await token(other.actor) });
    expect(theirs.status).toBe(200);
    expect(theirs.json.rows).toEqual([]);
  });
});
