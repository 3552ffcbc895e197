// The stock report on a real database, over books written through the domain functions on their
// own days (tests/support/report-books.ts): every figure equals the sum of the ledger rows behind
// it, taken straight from the tables and through the report's own drill-down; closing = opening +
// in − out = the ledger = today's levels; ageing buckets add up to the stock value; reorder
// suggestions follow their formula; another company's rows never count and its ids select
// nothing; bad input is 400 naming the field; exports carry the screen's rows.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import * as ageingRoute from "@/app/api/v1/reports/stock/ageing/route";
import * as ledgerRoute from "@/app/api/v1/reports/stock/ledger/route";
import * as movementsRoute from "@/app/api/v1/reports/stock/movements/route";
import * as reorderRoute from "@/app/api/v1/reports/stock/reorder/route";
import * as valuationRoute from "@/app/api/v1/reports/stock/valuation/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { createGoodsReceipt } from "@/lib/inventory/goods-receipts";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { dispatchOrder } from "@/lib/orders/dispatch-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { getReorderSuggestions } from "@/lib/reporting/stock/get-reorder-suggestions";
import { getStockAgeing } from "@/lib/reporting/stock/get-stock-ageing";
import { getStockMovements, movementColumns, type MovementColumn } from "@/lib/reporting/stock/get-stock-movements";
import { getStockValuation } from "@/lib/reporting/stock/get-stock-valuation";
import { listStockLedger } from "@/lib/reporting/stock/list-stock-ledger";
import { movementGroupings, valuationGroupings, type LedgerFigure } from "@/lib/reporting/stock/stock.schemas";
import { createProduct } from "../support/catalog-factories";
import { call } from "../support/http";
import { buildBooks, type Books } from "../support/report-books";
import { rejects } from "../support/rejects";

const D = Prisma.Decimal;
const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const sum = (vals: (string | null)[]) => vals.reduce((s, v) => s.plus(v ?? 0), new D(0));
const figureOf: Record<MovementColumn, LedgerFigure> = {
  opening: "opening", receipts: "receipts", returns: "returns", transfersIn: "transfers_in", adjustmentsIn: "adjustments_in", in: "in",
  dispatches: "dispatches", transfersOut: "transfers_out", adjustmentsOut: "adjustments_out", out: "out", closing: "closing",
};
const filterOf = { product: "productId", warehouse: "warehouseId", category: "categoryId" } as const;

/** Σ on-hand change of the company's ledger rows straight from the table (IST bounds). */
async function ledgerSum(companyId: string, where: { before?: string; productId?: string; warehouseId?: string } = {}) {
  const [r] = await prisma.$queryRaw<{ q: Prisma.Decimal | null; v: Prisma.Decimal | null }[]>`
    SELECT sum(m."onHandDelta") AS q, sum(m."onHandDelta" * p."costPrice") AS v
    FROM "StockMovement" m JOIN "Product" p ON p.id = m."productId"
    WHERE m."companyId" = ${companyId}
      AND (${where.before ?? null}::date IS NULL OR m."createdAt" < (${where.before ?? null}::date::timestamp AT TIME ZONE 'Asia/Kolkata'))
      AND (${where.productId ?? null}::text IS NULL OR m."productId" = ${where.productId ?? null})
      AND (${where.warehouseId ?? null}::text IS NULL OR m."warehouseId" = ${where.warehouseId ?? null})`;
  return { quantity: new D(r?.q ?? 0), value: new D(r?.v ?? 0).toFixed(2) };
}

let A: Books;
let B: Books;
beforeAll(async () => {
  [A, B] = await Promise.all([buildBooks(), buildBooks()]);
}, 120_000);

describe("stock report: on hand and valuation", () => {
  it("every grouping sums to today's levels × cost; each row's ledger rows sum to it", async () => {
    const [levels] = await prisma.$queryRaw<{ v: Prisma.Decimal }[]>`
      SELECT sum(s."onHand" * p."costPrice") AS v FROM "StockLevel" s JOIN "Product" p ON p.id = s."productId" WHERE s."companyId" = ${A.co}`;
    const books = levels!.v.toFixed(2);
    expect((await ledgerSum(A.co)).value).toBe(books);
    for (const groupBy of valuationGroupings) {
      const r = await getStockValuation(A.staff, { groupBy });
      expect(r.totals.value, groupBy).toBe(books);
      expect(sum(r.rows.map((x) => x.value)).toFixed(2), groupBy).toBe(books);
      expect(r.totals.unvalued, groupBy).toBe(1); // Nylon Poha has no cost price
      for (const row of r.rows) {
        const drill = await listStockLedger(A.staff, { figure: "on_hand", [filterOf[groupBy]]: row.key, pageSize: 500 });
        expect(drill.totals.figureValue, `${groupBy} ${row.name}`).toBe(row.value);
        if (row.quantity !== null) expect(drill.totals.figureQuantity, row.name).toBe(row.quantity);
        expect(sum(drill.data.map((d) => d.value)).toFixed(2)).toBe(row.value);
      }
    }
    const byProduct = await getStockValuation(A.staff, { groupBy: "product" });
    // 100 + 50 received − 14 dispatched + 1 returned + 2 found (the transfer moves 20 within the company).
    expect(byProduct.rows.find((r) => r.key === A.p1.id)).toMatchObject({ quantity: "139", value: "8340.00", shelves: 2 });
    expect(byProduct.rows.find((r) => r.key === A.p3.id)).toMatchObject({ quantity: "30", value: "0.00", costPrice: null, unvalued: 1 });
    const byWarehouse = await getStockValuation(A.staff, { groupBy: "warehouse" });
    expect(byWarehouse.rows.find((r) => r.key === A.depot.id)).toMatchObject({ value: "1320.00", products: 1 });
  });
});

describe("stock report: movement summary", () => {
  it("closing = opening + in − out, equals the ledger and today's levels; every figure drills down to its ledger rows", async () => {
    const from = "2026-10-01";
    const to = "2026-11-30";
    for (const groupBy of movementGroupings) {
      const r = await getStockMovements(A.staff, { from, to, groupBy });
      const t = r.totals.values;
      expect(t.opening, groupBy).toBe((await ledgerSum(A.co, { before: from })).value);
      expect(t.closing, groupBy).toBe((await ledgerSum(A.co, { before: "2026-12-01" })).value);
      for (const row of r.rows) {
        for (const f of [row.values, row.quantities].filter((x) => x !== null)) {
          expect(new D(f.opening).plus(f.in).minus(f.out).toString(), `${groupBy} ${row.name}`).toBe(new D(f.closing).toString());
          expect(new D(f.receipts).plus(f.returns).plus(f.transfersIn).plus(f.adjustmentsIn).toString()).toBe(new D(f.in).toString());
          expect(new D(f.dispatches).plus(f.transfersOut).plus(f.adjustmentsOut).toString()).toBe(new D(f.out).toString());
        }
        for (const c of movementColumns) {
          const drill = await listStockLedger(A.staff, { figure: figureOf[c], from, to, [filterOf[groupBy]]: row.key, pageSize: 500 });
          expect(drill.totals.figureValue, `${groupBy} ${row.name} ${c}`).toBe(row.values[c]);
          if (row.quantities) expect(drill.totals.figureQuantity, `${row.name} ${c}`).toBe(row.quantities[c]);
        }
      }
      for (const c of movementColumns) expect(sum(r.rows.map((x) => x.values[c])).toFixed(2), `${groupBy} ${c}`).toBe(t[c]);
    }
    const p = await getStockMovements(A.staff, { from, to, groupBy: "product", productId: A.p1.id });
    expect(p.rows).toHaveLength(1);
    // Opening: 100 received on 1 Sep. In: 50 received, 20 transferred in, 2 found, 1 returned. Out: 14 dispatched, 20 transferred out.
    expect(p.rows[0]!.quantities).toEqual({ opening: "100", receipts: "50", returns: "1", transfersIn: "20", adjustmentsIn: "2", in: "73", dispatches: "14", transfersOut: "20", adjustmentsOut: "0", out: "34", closing: "139" });
    const level = await prisma.stockLevel.aggregate({ where: { companyId: A.co, productId: A.p1.id }, _sum: { onHand: true } });
    expect(p.rows[0]!.quantities!.closing).toBe(new D(level._sum.onHand!).toString());
    // One warehouse: the transfer leaves the main shelves and arrives at the depot.
    const depot = await getStockMovements(A.staff, { from, to, groupBy: "product", warehouseId: A.depot.id });
    expect(depot.rows.map((x) => [x.key, x.quantities!.transfersIn, x.quantities!.adjustmentsIn, x.quantities!.closing])).toEqual([[A.p1.id, "20", "2", "22"]]);
    // A period before anything moved in it: opening = closing.
    const quiet = await getStockMovements(A.staff, { from: "2026-09-10", to: "2026-09-30", productId: A.p1.id });
    expect(quiet.rows[0]!.quantities).toMatchObject({ opening: "100", in: "0", out: "0", closing: "100" });
  });
});

describe("stock report: slow movers and ageing", () => {
  it("idle days count from the last outward movement, else from when the stock came in; buckets add up to the stock value", async () => {
    const r = await getStockAgeing(A.staff, {});
    const value = (await getStockValuation(A.staff, {})).totals.value;
    expect(sum(Object.values(r.buckets).map((b) => b.value)).toFixed(2)).toBe(value);
    expect(r.totals.value).toBe(value);
    const shelf = (productId: string, warehouseId: string) => r.rows.find((x) => x.productId === productId && x.warehouseId === warehouseId)!;
    // Nylon Poha: in on 1 Sep, never out: 90 days.
    expect(shelf(A.p3.id, A.shop.wh.id)).toMatchObject({ idleDays: 90, idleSince: "2026-09-01", lastOutward: null, bucket: "d61_90", value: null });
    // Besan: last dispatched on 20 Nov.
    expect(shelf(A.p2.id, A.shop.wh.id)).toMatchObject({ idleDays: 10, lastOutward: "2026-11-20", bucket: "d0_30", outLast30: "3" });
    // The depot's poha came in by transfer on 10 Oct and never left.
    expect(shelf(A.p1.id, A.depot.id)).toMatchObject({ idleDays: 51, idleSince: "2026-10-10", bucket: "d31_60", value: "1320.00" });
    // Slowest first; minDays narrows the rows, not the buckets.
    expect(r.rows[0]!.productId).toBe(A.p3.id);
    const slow = await getStockAgeing(A.staff, { minDays: 31 });
    expect(slow.rows.map((x) => x.idleDays).every((d) => d >= 31)).toBe(true);
    expect(slow.buckets).toEqual(r.buckets);
    const drill = await listStockLedger(A.staff, { figure: "on_hand", productId: A.p1.id, warehouseId: A.depot.id });
    expect(drill.totals.figureValue).toBe("1320.00");
  });

  it("a shelf emptied by a dispatch and stocked again is idle since the new stock came in", async () => {
    const on = (day: string) => makeCtx(A.shop.owner, { now: () => new Date(`${day}T05:30:00Z`) });
    const p = await createProduct(A.co, { name: "Sabudana 500 g", costPrice: "30.00", basePrice: "50.00" });
    const receive = (day: string, quantity: string) => createGoodsReceipt(on(day), { warehouseId: A.shop.wh.id, receivedDate: day, updateCostPrice: false, lines: [{ productId: p.id, quantity, unitCost: "30.00" }] });
    await receive("2026-09-15", "10");
    const ctx = on("2026-10-20");
    const o = await placeOrder(ctx, { connectionId: A.connection2.id, lines: [{ productId: p.id, quantity: "10" }] });
    await confirmOrder(ctx, o.id);
    await packOrder(ctx, o.id);
    await invoiceOrder(ctx, o.id, {});
    await dispatchOrder(ctx, o.id, {});
    await receive("2026-11-25", "5");
    const shelf = (await getStockAgeing(A.staff, { productId: p.id })).rows;
    // Not since the dispatch of 20 Oct (it emptied the shelf) but since the 5 that came in on 25 Nov.
    expect(shelf).toMatchObject([{ onHand: "5", lastOutward: null, idleSince: "2026-11-25", idleDays: 5, value: "150.00" }]);
    await receive("2026-11-26", "3");
    const ctx2 = on("2026-11-27");
    const o2 = await placeOrder(ctx2, { connectionId: A.connection2.id, lines: [{ productId: p.id, quantity: "2" }] });
    await confirmOrder(ctx2, o2.id);
    await packOrder(ctx2, o2.id);
    await invoiceOrder(ctx2, o2.id, {});
    await dispatchOrder(ctx2, o2.id, {});
    // A dispatch that leaves stock behind: idle since that dispatch.
    expect((await getStockAgeing(A.staff, { productId: p.id })).rows).toMatchObject([{ onHand: "6", lastOutward: "2026-11-27", idleDays: 3 }]);
  });
});

describe("stock report: reorder suggestions", () => {
  it("flags products below their reorder level or short of cover, with the suggested quantity in whole packs", async () => {
    const r = await getReorderSuggestions(A.staff, { leadTimeDays: 14, coverDays: 14 });
    expect(r.outflowFrom).toBe("2026-11-01");
    const besan = r.rows.find((x) => x.productId === A.p2.id)!;
    // 50 in − 5 damaged − 3 dispatched = 42 < 60; 3 out in 30 days = 0.1 a day;
    // 60 + 0.1 × (14 + 14) − 42 = 20.8 → 4 boxes of 6 = 24.
    expect(besan).toMatchObject({ available: "42", reorderLevel: "60", outflow30: "3", dailyOutflow: "0.10", daysOfCover: "420.0", leadTimeDays: 14, leadTimeSource: "report", reason: "below_reorder_level", suggested: "24", suggestedValue: "960.00" });
    const rava = r.rows.find((x) => x.productId === A.p4.id)!;
    // 20 − 15 = 5 left; 15 out in 30 days = 0.5 a day: 10 days of cover < 14 days' lead time.
    expect(rava).toMatchObject({ available: "5", outflow30: "15", daysOfCover: "10.0", leadTimeDays: 14, leadTimeSource: "report", reason: "cover_short", suggested: "9" });
    expect(r.rows.map((x) => x.productId)).not.toContain(A.p1.id);
    expect(r.totals.suggestedValue).toBe(sum(r.rows.map((x) => x.suggestedValue)).toFixed(2));
    // The outflow behind a suggestion is the dispatches of the window.
    const drill = await listStockLedger(A.staff, { figure: "outflow", from: r.outflowFrom, to: r.outflowTo, productId: A.p4.id });
    expect(drill.totals.figureQuantity).toBe(rava.outflow30);
    // With the default 7-day lead time, 10 days of cover is enough.
    expect((await getReorderSuggestions(A.staff, {})).rows.map((x) => x.productId)).not.toContain(A.p4.id);
  });
});

describe("stock report: tenancy, access and bad input", () => {
  it("another company's rows never count and its ids select nothing", async () => {
    const t = await token(B.shop.owner);
    const mine = await getStockValuation(B.staff, { groupBy: "product" });
    expect(mine.rows.map((r) => r.key).sort()).toEqual([B.p1.id, B.p2.id, B.p3.id, B.p4.id].sort());
    for (const [route, path] of [
      [valuationRoute, `/api/v1/reports/stock/valuation?groupBy=product&productId=${A.p1.id}`],
      [valuationRoute, `/api/v1/reports/stock/valuation?warehouseId=${A.depot.id}`],
      [movementsRoute, `/api/v1/reports/stock/movements?from=2026-09-01&to=2026-11-30&categoryId=${A.poha.id}`],
      [ageingRoute, `/api/v1/reports/stock/ageing?warehouseId=${A.shop.wh.id}`],
      [reorderRoute, `/api/v1/reports/stock/reorder?productId=${A.p2.id}`],
      [ledgerRoute, `/api/v1/reports/stock/ledger?productId=${A.p1.id}`],
    ] as const) {
      const res = await call(route.GET, { path, token: t });
      expect(res.status, path).toBe(200);
      expect(res.json.rows ?? res.json.data, path).toEqual([]);
    }
  });

  it("each route answers with rows (held to the OpenAPI document by the contract check)", async () => {
    const t = await token(A.shop.owner);
    for (const [route, path, key] of [
      [valuationRoute, "/api/v1/reports/stock/valuation?groupBy=product", "rows"],
      [movementsRoute, "/api/v1/reports/stock/movements?from=2026-09-01&to=2026-12-31&groupBy=product", "rows"],
      [movementsRoute, "/api/v1/reports/stock/movements?from=2026-09-01&to=2026-12-31&groupBy=category", "rows"],
      [ageingRoute, "/api/v1/reports/stock/ageing", "rows"],
      [reorderRoute, "/api/v1/reports/stock/reorder?leadTimeDays=30", "rows"],
      [ledgerRoute, "/api/v1/reports/stock/ledger?figure=in&from=2026-09-01&to=2026-12-31", "data"],
    ] as const) {
      const res = await call(route.GET, { path, token: t });
      expect(res.status, path).toBe(200);
      expect(res.json[key].length, path).toBeGreaterThan(0);
    }
  });

  it("is for roles that may read reports and inventory; bad input is 400 naming the field", async () => {
    for (const role of ["WAREHOUSE", "ACCOUNTANT", "DRIVER"] as const) {
      const ctx = await A.shop.staffAs(role);
      expect((await rejects(getStockValuation(ctx, {}))).code, role).toBe("forbidden");
    }
    const sales = await A.shop.staffAs("SALES");
    expect((await getStockValuation(sales, {})).totals.value).toBe((await getStockValuation(A.staff, {})).totals.value);
    const t = await token(A.shop.owner);
    const bad = async (route: { GET: Parameters<typeof call>[0] }, q: string, field: string) => {
      const res = await call(route.GET, { path: `/api/v1/reports/stock/x?${q}`, token: t });
      expect(res.status, q).toBe(400);
      expect(res.headers.get("content-type"), q).toContain("application/problem+json");
      expect(JSON.stringify(res.json.errors ?? res.json), q).toContain(field);
    };
    await bad(movementsRoute, "to=2026-11-30", "from");
    await bad(movementsRoute, "from=2026-02-30&to=2026-11-30", "from");
    await bad(movementsRoute, "from=2026-11-30&to=2026-11-01", "to");
    await bad(movementsRoute, "from=2020-01-01&to=2026-11-30", "to");
    await bad(movementsRoute, "from=2026-11-01&to=2026-11-30&groupBy=colour", "groupBy");
    await bad(valuationRoute, "groupBy=state", "groupBy");
    await bad(valuationRoute, "format=pdf", "format");
    await bad(valuationRoute, "colour=red", "colour");
    await bad(valuationRoute, "warehouseId=a%20b", "warehouseId");
    await bad(ageingRoute, "minDays=-1", "minDays");
    await bad(reorderRoute, "leadTimeDays=0", "leadTimeDays");
    await bad(reorderRoute, "coverDays=many", "coverDays");
    await bad(ledgerRoute, "figure=opening", "from");
    await bad(ledgerRoute, "figure=sideways", "figure");
    await bad(ledgerRoute, "format=csv", "format");
  });
});

describe("stock report: exports", () => {
  it("CSV and XLSX carry the rows and totals the screen shows", async () => {
    const t = await token(A.shop.owner);
    // The routes run on the real clock; the screen's figures are read on the same clock.
    const live = makeCtx(A.shop.owner);
    const get = (route: { GET: Parameters<typeof call>[0] }, q: string) => route.GET(new Request(`http://localhost/api/v1/reports/stock/x?${q}`, { headers: { authorization: `Bearer ${t}` } }), { params: Promise.resolve({}) });

    const screen = await getStockMovements(live, { from: "2026-10-01", to: "2026-11-30", groupBy: "product" });
    const csv = await get(movementsRoute, "from=2026-10-01&to=2026-11-30&groupBy=product&format=csv");
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toBe('attachment; filename="stock-movements-by-product-2026-10-01-to-2026-11-30.csv"');
    const lines = (await csv.text()).replace(/^\uFEFF/, "").split("\r\n");
    const header = lines.findIndex((l) => l.startsWith("Product,SKU,Key,Unit,"));
    const body = lines.slice(header + 1).filter(Boolean).map((l) => l.split(","));
    expect(body.map((c) => c[2])).toEqual([...screen.rows.map((r) => r.key), ""]);
    for (const [i, row] of screen.rows.entries()) expect(body[i]!.slice(4, 4 + 11)).toEqual(movementColumns.map((c) => row.quantities![c]));
    expect(body.at(-1)!.slice(-11)).toEqual(movementColumns.map((c) => screen.totals.values[c]));

    const ageing = await getStockAgeing(live, {});
    const xlsx = await get(ageingRoute, "format=xlsx");
    expect(xlsx.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Stock ageing")!;
    const rows = ws.getRows(1, ws.rowCount)!;
    const first = rows.findIndex((r) => r.getCell(1).value === "Product") + 1;
    const data = rows.slice(first, first + ageing.rows.length);
    expect(data.map((r) => [r.getCell(1).value, r.getCell(3).value, r.getCell(10).value])).toEqual(ageing.rows.map((s) => [s.name, s.warehouseCode, s.idleDays]));
    expect(rows[first + ageing.rows.length]!.getCell(7).value).toBe(Number(ageing.totals.value));

    const reorder = await getReorderSuggestions(live, { leadTimeDays: 14 });
    const rcsv = await (await get(reorderRoute, "leadTimeDays=14&format=csv")).text();
    const rlines = rcsv.split("\r\n");
    const start = rlines.findIndex((l) => l.startsWith("Product,SKU,")) + 1;
    const rcells = rlines.slice(start, start + reorder.rows.length).map((l) => l.split(","));
    expect(rlines[start - 1]!.split(",").slice(10, 14)).toEqual(["Lead time (days)", "Lead time from", "Reason", "Suggested quantity"]);
    expect(rcells.map((c) => [c[10], c[11], c[13]])).toEqual(reorder.rows.map((x) => [String(x.leadTimeDays), x.leadTimeSource === "product" ? "Product" : "Report default", x.suggested]));

    const value = await getStockValuation(live, { groupBy: "category" });
    const vx = await get(valuationRoute, "groupBy=category&format=xlsx");
    const vwb = new ExcelJS.Workbook();
    await vwb.xlsx.load(Buffer.from(await vx.arrayBuffer()) as unknown as ArrayBuffer);
    const vrows = vwb.getWorksheet("Stock value")!.getRows(1, 100)!.filter((r) => r.hasValues);
    const total = vrows.find((r) => r.getCell(1).value === "Total")!;
    expect(total.getCell(9).value).toBe(Number(value.totals.value));
  });
});
