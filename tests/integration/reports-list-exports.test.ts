// The orders and invoices lists export what they show: the same filters, tab and sort, every row,
// as CSV and XLSX streamed with the right content type and file name; scoped to the actor's company;
// a bad filter is 400 naming it.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import * as invoicesExport from "@/app/api/v1/invoices/export/route";
import * as ordersExport from "@/app/api/v1/orders/export/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote } from "@/lib/billing/issue-note";
import { listInvoices } from "@/lib/billing/list-invoices";
import { prisma } from "@/lib/db/client";
import { listOrders } from "@/lib/orders/list-orders";
import { istDay } from "@/lib/pricing/dates";
import { call } from "../support/http";
import { orderIn, orderShop, stockedProduct } from "../support/order-factories";

const NOW = new Date("2026-11-30T06:30:00Z");
const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const free = (unitPrice: string) => ({ description: "Biscuits carton", hsnCode: "19053100", unit: "BOX", quantity: "1", unitPrice, gstRate: "18" });

async function get(handler: typeof ordersExport.GET, path: string, t: string) {
  return handler(new Request(`http://localhost${path}`, { headers: { authorization: `Bearer ${t}` } }), { params: Promise.resolve({}) });
}
/** Data rows of a CSV export (header dropped), first column each. */
async function csvNumbers(res: Response): Promise<string[]> {
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = bytes.toString("utf8");
  expect(res.status, text.slice(0, 300)).toBe(200);
  // A UTF-8 byte-order mark first, so Excel shows ₹ and Indian names right.
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return text.slice(1).split("\r\n").slice(1).filter(Boolean).map((l) => l.split(",")[0]!);
}

describe("list exports", () => {
  it("orders: the export holds exactly the orders the list shows under the same tab and filters", async () => {
    const shop = await orderShop({ now: NOW });
    const p = await stockedProduct(shop, 1000);
    for (let i = 0; i < 3; i++) await orderIn(shop, "CONFIRMED", p.id, 1 + i);
    await orderIn(shop, "PLACED", p.id, 5);
    await orderIn(shop, "PACKED", p.id, 2);
    const other = await orderShop({ now: NOW });
    const op = await stockedProduct(other, 100);
    await orderIn(other, "CONFIRMED", op.id, 1);
    const t = await token(shop.owner);

    const list = await listOrders(shop.staff, { status: "confirmed", sort: "grandTotal", pageSize: 100 });
    const res = await get(ordersExport.GET, "/api/v1/orders/export?status=confirmed&sort=grandTotal&format=csv", t);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="orders-${istDay(new Date())}.csv"`);
    expect(await csvNumbers(res)).toEqual(list.data.map((o) => o.number));
    expect(list.data).toHaveLength(3);

    const all = await get(ordersExport.GET, "/api/v1/orders/export?format=xlsx", t);
    expect(all.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(all.headers.get("content-disposition")).toBe(`attachment; filename="orders-${istDay(new Date())}.xlsx"`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await all.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Orders")!;
    const numbers = ws.getRows(2, ws.rowCount - 1)!.map((r) => r.getCell(1).value);
    expect(numbers).toEqual((await listOrders(shop.staff, { pageSize: 100 })).data.map((o) => o.number));
    expect(numbers).toHaveLength(5);
    expect(typeof ws.getRow(2).getCell(14).value).toBe("number");

    // The other company's export never has this shop's orders, even when asked by its connection.
    const ot = await token(other.owner);
    const theirs = await get(ordersExport.GET, `/api/v1/orders/export?connectionId=${shop.connection.id}`, ot);
    expect(await csvNumbers(theirs)).toEqual([]);

    const bad = await call(ordersExport.GET, { path: "/api/v1/orders/export?status=shipped", token: t });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("status");
    const badFormat = await call(ordersExport.GET, { path: "/api/v1/orders/export?format=pdf", token: t });
    expect(badFormat.status).toBe(400);
    expect(JSON.stringify(badFormat.json)).toContain("format");
  });

  it("orders: keyset pages cover more than one page without gaps or repeats", async () => {
    const shop = await orderShop({ now: NOW });
    const conn = shop.connection;
    // 1,203 orders straight in the table (the list reads them the same way), several with the same total.
    await prisma.$executeRaw`
      INSERT INTO "Order" (id, "companyId", number, "connectionId", "retailerId", "warehouseId", status, source, "supplierStateCode", "placeOfSupply",
        "shippingName", "shippingLine1", "shippingCity", "shippingStateCode", "shippingPincode", "grandTotal", "createdAt", "updatedAt")
      SELECT 'bulk' || g || ${shop.co}, ${shop.co}, 'SO/26-27/' || lpad(g::text, 6, '0'), ${conn.id}, ${conn.retailerId}, ${shop.wh.id}, 'PLACED', 'STAFF', '27', '27',
        'Shop', 'Road', 'Pune', '27', '411001', (g % 7) * 100, ${NOW}::timestamptz - g * interval '1 minute', now()
      FROM generate_series(1, 1203) g`;
    const t = await token(shop.owner);
    for (const sort of ["-createdAt", "grandTotal", "-number"]) {
      const nums = await csvNumbers(await get(ordersExport.GET, `/api/v1/orders/export?sort=${sort}`, t));
      expect(nums, sort).toHaveLength(1203);
      expect(new Set(nums).size, sort).toBe(1203);
      const firstPage = (await listOrders(shop.staff, { sort: sort as "grandTotal", pageSize: 100 })).data.map((o) => o.number);
      expect(nums.slice(0, 100), sort).toEqual(firstPage);
    }
  });

  it("invoices: keyset pages cover more than one page without gaps or repeats, in every sort", async () => {
    const shop = await orderShop({ now: NOW });
    const conn = shop.connection;
    // 1,203 invoices straight in the table, many on the same day, with the same total and the same due date.
    await prisma.$executeRaw`
      INSERT INTO "Invoice" (id, "companyId", type, number, series, "financialYear", status, "issueDate", "dueDate", "connectionId", "retailerId",
        "taxType", "supplierStateCode", "placeOfSupply", seller, "buyerName", buyer, "taxableTotal", "cgstTotal", "sgstTotal", "igstTotal", "cessTotal", "roundOff", "grandTotal", "updatedAt")
      SELECT 'bulkinv' || g || ${shop.co}, ${shop.co}, 'INVOICE', 'INV/26-27/' || lpad(g::text, 6, '0'), 'INV', '26-27', 'ISSUED', DATE '2026-11-30' - (g % 40), DATE '2026-12-30' - (g % 9),
        ${conn.id}, ${conn.retailerId}, 'intra', '27', '27', '{}'::jsonb, 'Shop', '{"legalName": "Shop"}'::jsonb, (g % 7) * 100, 0, 0, 0, 0, 0, (g % 7) * 100, now()
      FROM generate_series(1, 1203) g`;
    const t = await token(shop.owner);
    for (const sort of ["-issueDate", "issueDate", "grandTotal", "-grandTotal", "-number", "dueDate"] as const) {
      const nums = await csvNumbers(await get(invoicesExport.GET, `/api/v1/invoices/export?sort=${sort}`, t));
      expect(nums, sort).toHaveLength(1203);
      expect(new Set(nums).size, sort).toBe(1203);
      const listed: string[] = [];
      for (let offset = 0; offset < 1203; offset += 100) listed.push(...(await listInvoices(shop.staff, { sort, pageSize: 100, offset })).data.map((d) => d.number));
      expect(nums, sort).toEqual(listed);
    }
  });

  it("invoices: the export follows the type tab and filters, scoped to the company", async () => {
    const shop = await orderShop({ now: NOW });
    const ctx = shop.staff;
    const a = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-11-02", lines: [free("1000.00")] });
    await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-10-02", lines: [free("2000.00")] });
    await issueCreditNote(ctx, a.id, { reason: "DISCOUNT", issueDate: "2026-11-05", lines: [{ originalLineId: a.lines[0]!.id, amount: "100.00" }] });
    const other = await orderShop({ now: NOW });
    await issueInvoice(other.staff, { connectionId: other.connection.id, issueDate: "2026-11-03", lines: [free("5000.00")] });
    const t = await token(shop.owner);

    const list = await listInvoices(ctx, { type: "invoice", from: "2026-11-01", to: "2026-11-30" });
    const res = await get(invoicesExport.GET, "/api/v1/invoices/export?type=invoice&from=2026-11-01&to=2026-11-30", t);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="invoices-${istDay(new Date())}.csv"`);
    expect(await csvNumbers(res)).toEqual(list.data.map((d) => d.number));
    expect(list.data).toHaveLength(1);

    const all = await get(invoicesExport.GET, "/api/v1/invoices/export?format=xlsx", t);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await all.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Invoices")!;
    expect(ws.getRows(2, ws.rowCount - 1)!.map((r) => r.getCell(1).value)).toEqual((await listInvoices(ctx, {})).data.map((d) => d.number));
    expect(ws.rowCount - 1).toBe(3);

    const theirs = await get(invoicesExport.GET, `/api/v1/invoices/export?connectionId=${shop.connection.id}`, await token(other.owner));
    expect(await csvNumbers(theirs)).toEqual([]);

    const bad = await call(invoicesExport.GET, { path: "/api/v1/invoices/export?payment=someday", token: t });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain("payment");
  });
});
