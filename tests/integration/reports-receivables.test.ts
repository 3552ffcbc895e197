// The receivables report on a real database, over books written through the domain functions on
// their own days (tests/support/report-books.ts): collections equal the recorded receipts less
// refunds, by every grouping and through the drill-down; DSO's receivables are the ageing total as
// of each period end and its credit sales the issued documents; credit usage is what the order
// credit check adds up; another company's rows never count and its ids select nothing; bad input
// is 400 naming the field; exports carry the screen's rows.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import * as ageingRoute from "@/app/api/v1/reports/receivables/ageing/route";
import * as collectionsRoute from "@/app/api/v1/reports/receivables/collections/route";
import * as creditRoute from "@/app/api/v1/reports/receivables/credit-limits/route";
import * as documentsRoute from "@/app/api/v1/reports/receivables/documents/route";
import * as dsoRoute from "@/app/api/v1/reports/receivables/dso/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { getAgeing } from "@/lib/billing/get-ageing";
import { makeCtx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { getOutstanding } from "@/lib/orders/credit";
import { getCollections } from "@/lib/reporting/receivables/get-collections";
import { getCreditUsage } from "@/lib/reporting/receivables/get-credit-usage";
import { getDso } from "@/lib/reporting/receivables/get-dso";
import { getReceivablesAgeing } from "@/lib/reporting/receivables/get-receivables-ageing";
import { listReceivablesDocuments } from "@/lib/reporting/receivables/list-receivables-documents";
import { collectionGroupings } from "@/lib/reporting/receivables/receivables.schemas";
import { addDays, endOfMonth } from "@/lib/reporting/sales/sales-drill";
import { call } from "../support/http";
import { buildBooks, type Books } from "../support/report-books";
import { rejects } from "../support/rejects";

const D = Prisma.Decimal;
const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const sum = (vals: (string | null)[]) => vals.reduce((s, v) => s.plus(v ?? 0), new D(0)).toFixed(2);
const FROM = "2026-10-01";
const TO = "2026-11-30";

/** Issued invoices and debit notes less credit notes, with GST, straight from the table. */
async function creditSales(companyId: string, from: string, to: string) {
  const [r] = await prisma.$queryRaw<{ v: Prisma.Decimal | null }[]>`
    SELECT sum(CASE WHEN type = 'CREDIT_NOTE' THEN -"grandTotal" ELSE "grandTotal" END) AS v
    FROM "Invoice" WHERE "companyId" = ${companyId} AND status = 'ISSUED' AND "issueDate" BETWEEN ${from}::date AND ${to}::date`;
  return new D(r?.v ?? 0).toFixed(2);
}

let A: Books;
let B: Books;
beforeAll(async () => {
  [A, B] = await Promise.all([buildBooks(), buildBooks()]);
}, 120_000);

describe("receivables report: collections", () => {
  it("equal the recorded receipts less refunds in every grouping; each group's payments sum to it", async () => {
    const [raw] = await prisma.$queryRaw<{ received: Prisma.Decimal; refunded: Prisma.Decimal }[]>`
      SELECT coalesce(sum(amount) FILTER (WHERE kind = 'RECEIPT'), 0) AS received, coalesce(sum(amount) FILTER (WHERE kind = 'REFUND'), 0) AS refunded
      FROM "Payment" WHERE "companyId" = ${A.co} AND status = 'RECORDED' AND "paidOn" BETWEEN ${FROM}::date AND ${TO}::date`;
    // 500 UPI + 250 UPI + 1,000 bank transfer + 200 cash + 400 cheque; the voided 300 is out; 100 refunded.
    expect(raw!.received.toFixed(2)).toBe("2350.00");
    for (const groupBy of collectionGroupings) {
      const r = await getCollections(A.staff, { from: FROM, to: TO, groupBy });
      expect(r.totals, groupBy).toEqual({ receipts: 5, received: "2350.00", refunds: 1, refunded: "100.00", net: "2250.00" });
      expect(sum(r.groups.map((g) => g.net)), groupBy).toBe("2250.00");
      for (const g of r.groups.filter((x) => x.receipts + x.refunds > 0)) {
        const filter = groupBy === "mode" ? { method: g.key } : groupBy === "retailer" ? { connectionId: g.key } : periodOf(groupBy, g.key);
        const docs = await listReceivablesDocuments(A.staff, { kind: "payments", from: FROM, to: TO, ...filter, pageSize: 500 });
        expect(docs.totals.amount, `${groupBy} ${g.name}`).toBe(g.net);
        expect(docs.total, `${groupBy} ${g.name}`).toBe(g.receipts + g.refunds);
        expect(sum(docs.data.map((d) => d.amount))).toBe(g.net);
      }
    }
    const byMonth = await getCollections(A.staff, { from: FROM, to: TO, groupBy: "month" });
    expect(byMonth.groups.map((g) => [g.key, g.received, g.refunded, g.net])).toEqual([["2026-10", "500.00", "0.00", "500.00"], ["2026-11", "1850.00", "100.00", "1750.00"]]);
    expect(Object.fromEntries(byMonth.byMode.map((m) => [m.key, m.net]))).toEqual({ UPI: "750.00", BANK_TRANSFER: "1000.00", CHEQUE: "400.00", CASH: "100.00" });
    const byRetailer = await getCollections(A.staff, { from: FROM, to: TO, groupBy: "retailer" });
    expect(Object.fromEntries(byRetailer.groups.map((g) => [g.key, g.net]))).toEqual({ [A.shop.connection.id]: "1700.00", [A.connection2.id]: "550.00" });
    expect((await getCollections(A.staff, { from: FROM, to: TO, method: "CASH" })).totals).toEqual({ receipts: 1, received: "200.00", refunds: 1, refunded: "100.00", net: "100.00" });
    // Days without a payment are zeros, so a chart's gaps are real.
    expect((await getCollections(A.staff, { from: "2026-11-14", to: "2026-11-17", groupBy: "day" })).groups.map((g) => g.net)).toEqual(["0.00", "1000.00", "200.00", "0.00"]);
  });
});

describe("receivables report: days sales outstanding", () => {
  it("receivables are the ageing total at each period end, credit sales the issued documents, DSO = receivables ÷ credit sales × days", async () => {
    const r = await getDso(A.staff, { from: FROM, to: TO, groupBy: "month" });
    const ageingAt = async (day: string) => (await getAgeing(A.staff, { asOf: day })).totals.total;
    expect(r.totals.creditSales).toBe(await creditSales(A.co, FROM, TO));
    expect(r.totals.receivables).toBe(await ageingAt(TO));
    expect(r.totals.days).toBe(61);
    expect(r.totals.dso).toBe(new D(r.totals.receivables).div(r.totals.creditSales).times(61).toDecimalPlaces(1).toFixed(1));
    for (const row of r.rows) {
      expect(row.receivables, row.name).toBe(await ageingAt(row.to));
      expect(row.creditSales, row.name).toBe(await creditSales(A.co, row.from, row.to));
      const docs = await listReceivablesDocuments(A.staff, { kind: "sales", from: row.from, to: row.to, pageSize: 500 });
      expect(docs.totals.amount, row.name).toBe(row.creditSales);
    }
    // October: one invoice of ₹525 and ₹500 received: 25 ÷ 525 × 31 days.
    expect(r.rows[0]).toMatchObject({ key: "2026-10", days: 31, creditSales: "525.00", receivables: "25.00", dso: "1.5" });
    const byRetailer = await getDso(A.staff, { from: FROM, to: TO, groupBy: "retailer" });
    expect(sum(byRetailer.rows.map((x) => x.receivables))).toBe(r.totals.receivables);
    expect(sum(byRetailer.rows.map((x) => x.creditSales))).toBe(r.totals.creditSales);
    // The second retailer: ₹735 invoiced, 250 + 400 received, 100 refunded.
    expect(byRetailer.rows.find((x) => x.key === A.connection2.id)).toMatchObject({ creditSales: "735.00", receivables: "185.00", dso: new D(185).div(735).times(61).toDecimalPlaces(1).toFixed(1) });
    const weeks = await getDso(A.staff, { from: FROM, to: TO, groupBy: "week" });
    expect(weeks.rows[0]!.from).toBe(FROM);
    expect(weeks.rows.at(-1)!.to).toBe(TO);
    expect(sum(weeks.rows.map((w) => w.creditSales))).toBe(r.totals.creditSales);
  });
});

describe("receivables report: credit-limit usage", () => {
  it("exposure is what the order credit check adds up; over-limit and held orders are flagged", async () => {
    const r = await getCreditUsage(A.staff, {});
    for (const row of r.rows) expect(row.exposure, row.name).toBe(await getOutstanding(prisma, { companyId: A.co, connectionId: row.connectionId }));
    const first = r.rows.find((x) => x.connectionId === A.shop.connection.id)!;
    // The order on hold: 30 × ₹100 + 5% GST, not invoiced.
    expect(first).toMatchObject({ creditLimit: "2500.00", openOrders: "3150.00", state: "over", onHold: { orders: 1, value: "3150.00" } });
    expect(new D(first.exposure).gt(first.creditLimit)).toBe(true);
    expect(first.usedPercent).toBe(new D(first.exposure).div(2500).times(100).toDecimalPlaces(1).toFixed(1));
    expect(first.headroom).toBe(new D(2500).minus(first.exposure).toFixed(2));
    expect(r.rows[0]!.connectionId).toBe(A.shop.connection.id); // most used first
    expect(r.rows.find((x) => x.connectionId === A.connection2.id)).toMatchObject({ outstanding: "185.00", exposure: "185.00", usedPercent: "0.2", state: "ok" });
    expect(r.totals).toMatchObject({ over: 1, onHoldOrders: 1, onHoldValue: "3150.00" });
    expect((await getCreditUsage(A.staff, { status: "over" })).rows.map((x) => x.connectionId)).toEqual([A.shop.connection.id]);
    expect((await getCreditUsage(A.staff, { status: "on_hold" })).rows.map((x) => x.connectionId)).toEqual([A.shop.connection.id]);
    expect((await getCreditUsage(A.staff, { status: "near" })).rows).toEqual([]);
  });

  it("the ageing view is the billing ageing itself", async () => {
    expect(await getReceivablesAgeing(A.staff, { asOf: TO })).toEqual(await getAgeing(A.staff, { asOf: TO }));
  });
});

describe("receivables report: tenancy, access and bad input", () => {
  it("another company's rows never count and its ids select nothing", async () => {
    const t = await token(B.shop.owner);
    expect((await getCollections(B.staff, { from: FROM, to: TO })).totals.net).toBe("2250.00");
    const c = await call(collectionsRoute.GET, { path: `/api/v1/reports/receivables/collections?from=${FROM}&to=${TO}&groupBy=retailer&connectionId=${A.shop.connection.id}`, token: t });
    expect(c.status).toBe(200);
    expect(c.json.groups).toEqual([]);
    expect(c.json.totals.net).toBe("0.00");
    const d = await call(dsoRoute.GET, { path: `/api/v1/reports/receivables/dso?from=${FROM}&to=${TO}&groupBy=retailer&connectionId=${A.shop.connection.id}`, token: t });
    expect(d.json.rows).toEqual([]);
    expect(d.json.totals).toMatchObject({ creditSales: "0.00", receivables: "0.00", dso: null });
    const u = await call(creditRoute.GET, { path: `/api/v1/reports/receivables/credit-limits?connectionId=${A.shop.connection.id}`, token: t });
    expect(u.json.rows).toEqual([]);
    for (const kind of ["payments", "sales"]) {
      const docs = await call(documentsRoute.GET, { path: `/api/v1/reports/receivables/documents?kind=${kind}&from=${FROM}&to=${TO}&connectionId=${A.shop.connection.id}`, token: t });
      expect(docs.status).toBe(200);
      expect(docs.json.data).toEqual([]);
    }
    const mine = await call(creditRoute.GET, { path: `/api/v1/reports/receivables/credit-limits`, token: t });
    expect(mine.json.rows.map((x: { connectionId: string }) => x.connectionId).sort()).toEqual([B.shop.connection.id, B.connection2.id].sort());
  });

  it("each route answers with rows (held to the OpenAPI document by the contract check)", async () => {
    const t = await token(A.shop.owner);
    for (const [route, path, key] of [
      [collectionsRoute, `/api/v1/reports/receivables/collections?from=${FROM}&to=${TO}&groupBy=retailer`, "groups"],
      [dsoRoute, `/api/v1/reports/receivables/dso?from=${FROM}&to=${TO}`, "rows"],
      [creditRoute, "/api/v1/reports/receivables/credit-limits", "rows"],
      [ageingRoute, `/api/v1/reports/receivables/ageing?asOf=${TO}`, "rows"],
      [documentsRoute, `/api/v1/reports/receivables/documents?kind=payments&from=${FROM}&to=${TO}`, "data"],
      [documentsRoute, `/api/v1/reports/receivables/documents?kind=sales&from=${FROM}&to=${TO}`, "data"],
    ] as const) {
      const res = await call(route.GET, { path, token: t });
      expect(res.status, path).toBe(200);
      expect(res.json[key].length, path).toBeGreaterThan(0);
    }
  });

  it("is for roles that may read reports and billing; bad input is 400 naming the field", async () => {
    for (const role of ["WAREHOUSE", "DRIVER"] as const) {
      const ctx = await A.shop.staffAs(role);
      expect((await rejects(getCollections(ctx, { from: FROM, to: TO }))).code, role).toBe("forbidden");
    }
    const accountant = await A.shop.staffAs("ACCOUNTANT");
    expect((await getCreditUsage(accountant, {})).rows.length).toBeGreaterThan(0);
    const t = await token(A.shop.owner);
    const bad = async (route: { GET: Parameters<typeof call>[0] }, q: string, field: string) => {
      const res = await call(route.GET, { path: `/api/v1/reports/receivables/x?${q}`, token: t });
      expect(res.status, q).toBe(400);
      expect(res.headers.get("content-type"), q).toContain("application/problem+json");
      expect(JSON.stringify(res.json), q).toContain(field);
    };
    await bad(collectionsRoute, "to=2026-11-30", "from");
    await bad(collectionsRoute, "from=2026-11-31&to=2026-12-01", "from");
    await bad(collectionsRoute, "from=2026-11-30&to=2026-11-01", "to");
    await bad(collectionsRoute, "from=2026-11-01&to=2026-11-30&groupBy=colour", "groupBy");
    await bad(collectionsRoute, "from=2026-11-01&to=2026-11-30&method=BITCOIN", "method");
    await bad(collectionsRoute, "from=2026-11-01&to=2026-11-30&format=pdf", "format");
    await bad(dsoRoute, "from=2026-11-01&to=2026-11-30&groupBy=day", "groupBy");
    await bad(dsoRoute, "from=2026-11-01&to=2026-11-30&limit=0", "limit");
    await bad(creditRoute, "status=bad", "status");
    await bad(creditRoute, "connectionId=a%20b", "connectionId");
    await bad(ageingRoute, "sort=sideways", "sort");
    await bad(ageingRoute, "asOf=2026-02-30", "asOf");
    await bad(documentsRoute, "from=2026-11-01&to=2026-11-30", "kind");
    await bad(documentsRoute, "kind=sales&from=2026-11-01&to=2026-11-30&method=CASH", "method");
  });
});

describe("receivables report: exports", () => {
  it("CSV and XLSX carry the rows and totals the screen shows", async () => {
    const t = await token(A.shop.owner);
    const live = makeCtx(A.shop.owner); // the routes run on the real clock
    const get = (route: { GET: Parameters<typeof call>[0] }, q: string) => route.GET(new Request(`http://localhost/api/v1/reports/receivables/x?${q}`, { headers: { authorization: `Bearer ${t}` } }), { params: Promise.resolve({}) });

    const screen = await getCollections(live, { from: FROM, to: TO, groupBy: "mode" });
    const csv = await get(collectionsRoute, `from=${FROM}&to=${TO}&groupBy=mode&format=csv`);
    expect(csv.headers.get("content-disposition")).toBe(`attachment; filename="collections-mode-${FROM}-to-${TO}.csv"`);
    const lines = (await csv.text()).split("\r\n");
    const start = lines.findIndex((l) => l.startsWith("Mode of payment,")) + 1;
    expect(lines.slice(start, start + screen.groups.length + 1).map((l) => l.split(","))).toEqual([
      ...screen.groups.map((g) => [g.name, "", g.key, String(g.receipts), g.received, String(g.refunds), g.refunded, g.net]),
      ["Total", "", "", "5", "2350.00", "1", "100.00", "2250.00"],
    ]);

    const dso = await getDso(live, { from: FROM, to: TO });
    const x = await get(dsoRoute, `from=${FROM}&to=${TO}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await x.arrayBuffer()) as unknown as ArrayBuffer);
    const rows = wb.getWorksheet("DSO")!.getRows(1, 50)!.filter((r) => r.hasValues);
    const head = rows.findIndex((r) => r.getCell(1).value === "Month");
    expect(rows.slice(head + 1).map((r) => [r.getCell(1).value, r.getCell(7).value, r.getCell(8).value, r.getCell(9).value])).toEqual([
      ...dso.rows.map((d) => [d.name, Number(d.creditSales), Number(d.receivables), d.dso === null ? null : Number(d.dso)]),
      ["Whole range", Number(dso.totals.creditSales), Number(dso.totals.receivables), Number(dso.totals.dso)],
    ]);

    const usage = await getCreditUsage(live, {});
    const ucsv = (await (await get(creditRoute, "format=csv")).text()).split("\r\n");
    const ustart = ucsv.findIndex((l) => l.startsWith("Retailer,")) + 1;
    expect(ucsv.slice(ustart, ustart + usage.rows.length).map((l) => l.split(",")[7])).toEqual(usage.rows.map((u) => u.exposure));

    const ageing = await getAgeing(live, {});
    const ax = await get(ageingRoute, "format=xlsx");
    const awb = new ExcelJS.Workbook();
    await awb.xlsx.load(Buffer.from(await ax.arrayBuffer()) as unknown as ArrayBuffer);
    const arows = awb.getWorksheet("Ageing")!.getRows(1, 50)!.filter((r) => r.hasValues);
    const ahead = arows.findIndex((r) => r.getCell(1).value === "Retailer");
    expect(arows.slice(ahead + 1).map((r) => [r.getCell(1).value, r.getCell(10).value])).toEqual([...ageing.rows.map((a) => [a.name, Number(a.buckets.total)]), ["All retailers", Number(ageing.totals.total)]]);
  });
});

function periodOf(groupBy: "day" | "week" | "month", key: string) {
  const from = groupBy === "month" ? `${key}-01` : key;
  const to = groupBy === "month" ? endOfMonth(key) : groupBy === "week" ? addDays(key, 6) : key;
  return { from: from < FROM ? FROM : from, to: to > TO ? TO : to };
}
