// The sales report on a real database: documents issued through the billing and order domain
// functions; every grouping's total equals the same sum taken straight from the invoice tables
// (invoices and debit notes add, credit notes subtract, cancelled documents out); the drill-down
// lists exactly the documents behind a figure; another company's documents are never counted; the
// routes answer only for the actor's company; bad input is 400 naming the field.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import * as salesRoute from "@/app/api/v1/reports/sales/route";
import * as documentsRoute from "@/app/api/v1/reports/sales/documents/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote, issueDebitNote } from "@/lib/billing/issue-note";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDashboard } from "@/lib/reporting/dashboard/get-dashboard";
import { getSalesReport } from "@/lib/reporting/sales/get-sales-report";
import { listSalesDocuments } from "@/lib/reporting/sales/list-sales-documents";
import { drillFilters } from "@/lib/reporting/sales/sales-drill";
import { salesGroupings } from "@/lib/reporting/sales/sales.schemas";
import { call } from "../support/http";
import { orderIn, orderShop, stockedProduct } from "../support/order-factories";
import { rejects } from "../support/rejects";

const NOW = new Date("2026-11-30T06:30:00Z");
const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const free = (unitPrice: string, hsnCode = "19053100") => ({ description: "Biscuits carton", hsnCode, unit: "BOX", quantity: "1", unitPrice, gstRate: "18" });

/** A month and a half of documents for one shop: order invoices, direct invoices, notes, a cancellation. */
async function seedSales() {
  const shop = await orderShop({ now: NOW });
  const ctx = shop.staff;
  const costed = await stockedProduct(shop, 500, { costPrice: "60.00", hsnCode: "19053100" });
  const uncosted = await stockedProduct(shop, 500, { hsnCode: "21069099", gstRate: "5", costPrice: null });
  // Orders invoiced on dispatch (today, 30 Nov): the owner created them, from the MAIN warehouse.
  await orderIn(shop, "DISPATCHED", costed.id, 10);
  await orderIn(shop, "DISPATCHED", uncosted.id, 4);
  const oct = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-10-15", lines: [{ productId: costed.id, quantity: "5" }, free("999.00")] });
  const nov = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-11-03", lines: [{ productId: costed.id, quantity: "3" }, { productId: uncosted.id, quantity: "2" }] });
  const gone = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-11-04", lines: [{ productId: costed.id, quantity: "7" }] });
  await cancelInvoice(ctx, gone.id, { reasonCode: 2, remark: "Wrong buyer" });
  await issueCreditNote(ctx, nov.id, { reason: "RETURN", issueDate: "2026-11-10", lines: [{ originalLineId: nov.lines[0]!.id, quantity: "1" }] });
  await issueCreditNote(ctx, oct.id, { reason: "DISCOUNT", issueDate: "2026-11-11", lines: [{ originalLineId: oct.lines[1]!.id, amount: "100.00" }] });
  await issueDebitNote(ctx, nov.id, { reason: "RATE_DIFFERENCE", issueDate: "2026-11-12", lines: [{ originalLineId: nov.lines[1]!.id, amount: "50.00" }] });
  return { shop, ctx, costed, uncosted };
}

/** The register straight from the tables, independent of the report's SQL. */
async function register(companyId: string, from: string, to: string) {
  const [r] = await prisma.$queryRaw<{ taxable: Prisma.Decimal; tax: Prisma.Decimal; gross: Prisma.Decimal; docs: number }[]>`
    SELECT coalesce(sum(CASE WHEN i.type = 'CREDIT_NOTE' THEN -l."taxableValue" ELSE l."taxableValue" END), 0) AS taxable,
           coalesce(sum(CASE WHEN i.type = 'CREDIT_NOTE' THEN -1 ELSE 1 END * (l."cgstAmount" + l."sgstAmount" + l."igstAmount" + l."cessAmount")), 0) AS tax,
           coalesce(sum(CASE WHEN i.type = 'CREDIT_NOTE' THEN -l."lineTotal" ELSE l."lineTotal" END), 0) AS gross,
           count(DISTINCT i.id)::int AS docs
    FROM "Invoice" i JOIN "InvoiceLine" l ON l."invoiceId" = i.id
    WHERE i."companyId" = ${companyId} AND i.status = 'ISSUED' AND i."issueDate" BETWEEN ${from}::date AND ${to}::date`;
  return { taxable: r!.taxable.toFixed(2), tax: r!.tax.toFixed(2), gross: r!.gross.toFixed(2), documents: r!.docs };
}

const sum = (vals: string[]) => vals.reduce((s, v) => s.plus(v), new Prisma.Decimal(0)).toFixed(2);

describe("sales report", () => {
  it("every grouping sums to the register; the drill-down of each group sums to its figure", async () => {
    const { shop, ctx } = await seedSales();
    // Another company's sales in the same days must not be counted.
    const other = await seedSales();
    const books = await register(shop.co, "2026-10-01", "2026-11-30");
    expect(Number(books.taxable)).toBeGreaterThan(0);
    for (const groupBy of salesGroupings) {
      const r = await getSalesReport(ctx, { from: "2026-10-01", to: "2026-11-30", groupBy });
      expect(r.totals, groupBy).toMatchObject(books);
      expect(sum(r.groups.map((g) => g.taxable)), groupBy).toBe(books.taxable);
      expect(sum(r.groups.map((g) => g.tax)), groupBy).toBe(books.tax);
      expect(sum(r.groups.map((g) => g.gross)), groupBy).toBe(books.gross);
      for (const g of r.groups.filter((x) => x.documents > 0)) {
        const docs = await listSalesDocuments(ctx, { ...drillFilters(groupBy, g.key, { from: r.from, to: r.to }, r.filters), pageSize: 500 });
        expect(docs.total, `${groupBy} ${g.key}`).toBe(g.documents);
        expect(sum(docs.data.map((d) => d.taxable)), `${groupBy} ${g.key}`).toBe(g.taxable);
        expect(docs.totals.taxable).toBe(g.taxable);
      }
    }
    const otherBooks = await register(other.shop.co, "2026-10-01", "2026-11-30");
    expect((await getSalesReport(other.ctx, { from: "2026-10-01", to: "2026-11-30" })).totals.taxable).toBe(otherBooks.taxable);
  });

  it("nets returns in quantity, discounts in value only, and gives margin where cost is known", async () => {
    const { ctx, costed, uncosted } = await seedSales();
    const r = await getSalesReport(ctx, { from: "2026-10-01", to: "2026-11-30", groupBy: "product" });
    const c = r.groups.find((g) => g.key === costed.id)!;
    // 10 (order) + 5 (Oct) + 3 (Nov) − 1 returned; the cancelled 7 are out.
    expect(c.quantity).toBe("17");
    expect(c.cost).toBe("1020.00");
    expect(c.margin).toBe(new Prisma.Decimal(c.taxable).minus("1020.00").toFixed(2));
    const u = r.groups.find((g) => g.key === uncosted.id)!;
    expect(u.quantity).toBe("6");
    expect(u.cost).toBeNull();
    expect(u.margin).toBeNull();
    // The free-text line and its discount note: value only, no product.
    const none = r.groups.find((g) => g.key === "none")!;
    expect(none.taxable).toBe("899.00");
    expect(none.quantity).toBe("1");
  });

  it("groups by salesperson and warehouse from the order; direct invoices have none", async () => {
    const { shop, ctx } = await seedSales();
    const w = await getSalesReport(ctx, { from: "2026-11-30", to: "2026-11-30", groupBy: "warehouse" });
    expect(w.groups.map((g) => g.key)).toEqual([shop.wh.id]);
    const s = await getSalesReport(ctx, { from: "2026-10-01", to: "2026-11-30", groupBy: "salesperson" });
    expect(s.groups.map((g) => g.key).sort()).toEqual([shop.owner.userId, "none"].sort());
    expect(s.groups.find((g) => g.key === shop.owner.userId)!.documents).toBe(2);
  });

  it("the dashboard's month equals the report's month", async () => {
    const { ctx } = await seedSales();
    const d = await getDashboard(ctx);
    const month = await getSalesReport(ctx, { from: "2026-11-01", to: "2026-11-30" });
    expect(d.sales!.thisMonth.taxable).toBe(month.totals.taxable);
    expect(d.sales!.days.find((x) => x.day === 30)!.thisMonthCumulative).toBe(month.totals.taxable);
    expect(d.sales!.lastMonth.taxable).toBe((await getSalesReport(ctx, { from: "2026-10-01", to: "2026-10-31" })).totals.taxable);
    expect(d.queues.map((q) => q.key)).toEqual(expect.arrayContaining(["credit_hold", "to_pack", "to_dispatch", "overdue", "irn_late", "low_stock"]));
  });

  it("is for roles with reports.read; bad input is 400 naming the field; nothing of another company leaks", async () => {
    const { shop, ctx, costed } = await seedSales();
    const warehouse = await shop.staffAs("WAREHOUSE");
    expect((await rejects(getSalesReport(warehouse, { from: "2026-11-01", to: "2026-11-30" }))).code).toBe("forbidden");
    const bad = async (q: string, field: string) => {
      const res = await call(salesRoute.GET, { path: `/api/v1/reports/sales?${q}`, token: await token(shop.owner) });
      expect(res.status, q).toBe(400);
      expect(JSON.stringify(res.json), q).toContain(field);
    };
    await bad("to=2026-11-30", "from");
    await bad("from=2026-02-30&to=2026-11-30", "from");
    await bad("from=2026-11-30&to=2026-11-01", "to");
    await bad("from=2020-01-01&to=2026-11-30", "to");
    await bad("from=2026-11-01&to=2026-11-30&groupBy=colour", "groupBy");
    await bad("from=2026-11-01&to=2026-11-30&hsn=12ab", "hsn");
    await bad("from=2026-11-01&to=2026-11-30&format=pdf", "format");
    await bad("from=2026-11-01&to=2026-11-30&colour=red", "colour");

    const other = await seedSales();
    const t = await token(other.shop.owner);
    // Another company's product or retailer as a filter: nothing, not their figures.
    const res = await call(salesRoute.GET, { path: `/api/v1/reports/sales?from=2026-10-01&to=2026-11-30&groupBy=product&productId=${costed.id}`, token: t });
    expect(res.status).toBe(200);
    expect(res.json.totals.taxable).toBe("0.00");
    expect(res.json.groups).toEqual([]);
    const docs = await call(documentsRoute.GET, { path: `/api/v1/reports/sales/documents?from=2026-10-01&to=2026-11-30&connectionId=${shop.connection.id}`, token: t });
    expect(docs.status).toBe(200);
    expect(docs.json.data).toEqual([]);
    const mine = await call(documentsRoute.GET, { path: `/api/v1/reports/sales/documents?from=2026-10-01&to=2026-11-30`, token: await token(shop.owner) });
    expect(mine.json.total).toBe((await register(shop.co, "2026-10-01", "2026-11-30")).documents);
    expect(mine.json.totals.taxable).toBe((await getSalesReport(ctx, { from: "2026-10-01", to: "2026-11-30" })).totals.taxable);
  });

  it("exports the report as CSV and XLSX with the same totals", async () => {
    const { shop, ctx } = await seedSales();
    const t = await token(shop.owner);
    const report = await getSalesReport(ctx, { from: "2026-10-01", to: "2026-11-30", groupBy: "retailer" });
    const csv = await salesRoute.GET(new Request("http://localhost/api/v1/reports/sales?from=2026-10-01&to=2026-11-30&groupBy=retailer&format=csv", { headers: { authorization: `Bearer ${t}` } }), { params: Promise.resolve({}) });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="sales-retailer-2026-10-01-to-2026-11-30.csv"');
    const lines = (await csv.text()).split("\r\n");
    expect(lines.find((l) => l.startsWith("Total,"))!.split(",")[5]).toBe(report.totals.taxable);
    const xlsx = await salesRoute.GET(new Request("http://localhost/api/v1/reports/sales?from=2026-10-01&to=2026-11-30&groupBy=retailer&format=xlsx", { headers: { authorization: `Bearer ${t}` } }), { params: Promise.resolve({}) });
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Sales")!;
    const totalRow = ws.getRows(1, ws.rowCount)!.find((r) => r.getCell(1).value === "Total")!;
    expect(totalRow.getCell(6).value).toBe(Number(report.totals.taxable));
  });
});
