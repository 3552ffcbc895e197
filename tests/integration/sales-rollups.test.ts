// The sales rollups on a real database. Documents are issued and cancelled through the billing and
// order domain functions (invoices from orders of two salespeople and two warehouses, direct
// invoices with product and free-text lines, credit notes for returns, discounts and in full, a
// debit note for a rate difference, cancelled invoices and notes) over three months, in two
// companies. Then: the report read from the rollups equals the report read from the invoice lines,
// figure by figure, for every grouping, many filter combinations and ranges that are and are not
// whole months; a rebuild and the migration's backfill give exactly the rows that issuing and
// cancelling kept; documents issued at once for the same keys all count; the unit cost is the one of
// the day of issue; nothing crosses companies.
import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote, issueDebitNote } from "@/lib/billing/issue-note";
import type { Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { prismaRunner } from "@/lib/db/sql-runner";
import { Prisma } from "@/lib/generated/prisma/client";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { getSalesReport } from "@/lib/reporting/sales/get-sales-report";
import { listSalesDocuments } from "@/lib/reporting/sales/list-sales-documents";
import { rebuildSalesRollups } from "@/lib/reporting/sales/rebuild-sales-rollups";
import { recordSalesRollups } from "@/lib/reporting/sales/record-sales-rollups";
import { salesSourceFor } from "@/lib/reporting/sales/rollup-plan";
import { PRODUCT_STRIPES } from "@/lib/reporting/sales/rollup-write-sql";
import type { SalesFilterValues } from "@/lib/reporting/sales/sales-sql";
import { salesGroupings } from "@/lib/reporting/sales/sales.schemas";
import { createWarehouse, stockUp } from "../support/catalog-factories";
import { createRetailerUser } from "../support/factories";
import { orderShop, stockedProduct, type Shop } from "../support/order-factories";

const NOW = new Date("2026-11-30T06:30:00Z");
const TABLES = ["SalesByDay", "SalesByMonth", "ProductSalesByDay", "ProductSalesByMonth"] as const;
const text = (description: string, hsnCode: string, unitPrice: string) => ({ description, hsnCode, unit: "NOS", quantity: "1", unitPrice, gstRate: "18" });

/** Another active retailer of the shop, buying from another state (IGST, place of supply 29). */
async function secondRetailer(shop: Shop) {
  const { retailer } = await createRetailerUser();
  return prisma.connection.create({ data: { companyId: shop.co, retailerId: retailer.id, status: "ACTIVE", customerCode: `C2-${retailer.id.slice(-5)}`, creditLimit: "0", placeOfSupply: "29", activatedAt: new Date() } });
}

/** An order placed by `by` from `warehouseId`, confirmed, packed and invoiced on `day`. */
async function orderInvoice(shop: Shop, by: Ctx, a: { connectionId: string; warehouseId: string; lines: { productId: string; quantity: string }[]; day: string }) {
  const o = await placeOrder(by, { connectionId: a.connectionId, warehouseId: a.warehouseId, lines: a.lines });
  await confirmOrder(shop.staff, o.id);
  await packOrder(shop.staff, o.id);
  return invoiceOrder(shop.staff, o.id, { issueDate: a.day });
}

/** Three months of every kind of document for one company. */
async function seedBooks() {
  const shop = await orderShop({ now: NOW });
  const ctx = shop.staff;
  const sales = await shop.staffAs("SALES");
  const c2 = await secondRetailer(shop);
  const category = await prisma.category.create({ data: { companyId: shop.co, name: "Biscuits" } });
  const wh2 = await createWarehouse(shop.co, { code: "EAST" });
  const costed = await stockedProduct(shop, 1000, { costPrice: "60.00", hsnCode: "19053100", categoryId: category.id });
  const costed2 = await stockedProduct(shop, 1000, { costPrice: "30.00", hsnCode: "19053100", categoryId: category.id });
  const uncosted = await stockedProduct(shop, 1000, { hsnCode: "21069099", gstRate: "5", costPrice: null });
  await stockUp(shop.co, costed.id, wh2.id, 500);
  await stockUp(shop.co, costed2.id, wh2.id, 500);

  // Orders: the owner's from the main warehouse, the salesperson's from the east one (for the other retailer).
  const o1 = await orderInvoice(shop, ctx, { connectionId: shop.connection.id, warehouseId: shop.wh.id, lines: [{ productId: costed.id, quantity: "10" }, { productId: uncosted.id, quantity: "4" }], day: "2026-09-20" });
  const o2 = await orderInvoice(shop, sales, { connectionId: c2.id, warehouseId: wh2.id, lines: [{ productId: costed2.id, quantity: "6" }, { productId: costed.id, quantity: "2" }], day: "2026-10-31" });
  await orderInvoice(shop, sales, { connectionId: shop.connection.id, warehouseId: wh2.id, lines: [{ productId: costed.id, quantity: "3" }], day: "2026-11-30" });
  // Direct invoices: a product with free-text lines of two other HSN codes; two products of one HSN code.
  const sep = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-09-15", lines: [{ productId: costed.id, quantity: "5" }, text("Freight", "996511", "250.00"), text("Pallets", "44152000", "120.00"), text("Loading", "996511", "80.00")] });
  const sepEnd = await issueInvoice(ctx, { connectionId: c2.id, issueDate: "2026-09-30", lines: [{ productId: uncosted.id, quantity: "7" }] });
  const oct = await issueInvoice(ctx, { connectionId: c2.id, issueDate: "2026-10-01", lines: [{ productId: costed2.id, quantity: "4" }, { productId: costed.id, quantity: "1" }, { productId: costed2.id, quantity: "2" }] });
  const nov = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-11-03", lines: [{ productId: costed.id, quantity: "3" }, { productId: uncosted.id, quantity: "2" }] });
  const gone = await issueInvoice(ctx, { connectionId: shop.connection.id, issueDate: "2026-11-04", lines: [{ productId: costed.id, quantity: "7" }, text("Freight", "996511", "100.00")] });
  await cancelInvoice(ctx, gone.id, { reasonCode: 2, remark: "Wrong buyer" });
  await issueInvoice(ctx, { connectionId: c2.id, issueDate: "2026-11-20", lines: [{ productId: costed2.id, quantity: "9" }] });
  // Notes: a return, a discount on a free-text line (then cancelled), a full credit, a rate difference, a return on an order's invoice.
  await issueCreditNote(ctx, nov.id, { reason: "RETURN", issueDate: "2026-11-10", lines: [{ originalLineId: nov.lines[0]!.id, quantity: "1" }] });
  const discount = await issueCreditNote(ctx, sep.id, { reason: "DISCOUNT", issueDate: "2026-10-05", lines: [{ originalLineId: sep.lines[1]!.id, amount: "50.00" }] });
  await cancelInvoice(ctx, discount.id, { reasonCode: 4, remark: "Raised in error" });
  await issueCreditNote(ctx, sep.id, { reason: "RATE_DIFFERENCE", issueDate: "2026-10-06", lines: [{ originalLineId: sep.lines[3]!.id, amount: "30.00" }] });
  await issueCreditNote(ctx, sepEnd.id, { reason: "RETURN", issueDate: "2026-11-15", lines: "full" });
  await issueDebitNote(ctx, oct.id, { reason: "RATE_DIFFERENCE", issueDate: "2026-11-12", lines: [{ originalLineId: oct.lines[0]!.id, amount: "40.00" }] });
  await issueCreditNote(ctx, o2.id, { reason: "RETURN", issueDate: "2026-11-05", lines: [{ originalLineId: o2.lines[0]!.id, quantity: "2" }] });
  await issueCreditNote(ctx, o1.id, { reason: "DISCOUNT", issueDate: "2026-11-30", lines: [{ originalLineId: o1.lines[1]!.id, amount: "20.00" }] });
  return { shop, ctx, sales, c2, wh2, category, costed, costed2, uncosted };
}

type Books = Awaited<ReturnType<typeof seedBooks>>;

function filterCombos(b: Books): SalesFilterValues[] {
  return [
    {},
    { connectionId: b.c2.id },
    { connectionId: b.shop.connection.id, state: "27" },
    { state: "29" },
    { salespersonId: b.sales.actor.kind === "staff" ? b.sales.actor.userId : "" },
    { salespersonId: "none" },
    { warehouseId: b.wh2.id },
    { warehouseId: "none" },
    { salespersonId: b.shop.owner.userId, warehouseId: b.shop.wh.id },
    { productId: b.costed.id },
    { productId: "none" },
    { hsn: "19053100" },
    { hsn: "996511" },
    { productId: "none", hsn: "996511" },
    { productId: b.costed2.id, hsn: "19053100" },
    { categoryId: b.category.id },
    { productId: b.costed.id, connectionId: b.c2.id },
  ];
}

/** Every rollup row of a company, by table, as plain text. */
async function rollupRows(companyId: string) {
  const out: Record<string, Record<string, string>[]> = {};
  for (const t of TABLES) {
    const rows = await prisma.$queryRawUnsafe<Record<string, unknown>[]>(rollupSelect(`"${t}"`, t), companyId);
    out[t] = rows.map(plain);
  }
  return out;
}

/** A rollup table's rows of a company ($1), the product tables' stripes summed (readers sum over them too). */
function rollupSelect(from: string, table: (typeof TABLES)[number]): string {
  if (!table.startsWith("Product")) return `SELECT * FROM ${from} WHERE "companyId" = $1 ORDER BY 2, 3, 4, 5`;
  const period = table.endsWith("Day") ? "day" : "month";
  const sums = ["documents", "productDocuments", "hsnDocuments", "quantity", "taxable", "tax", "gross", "costedTaxable", "cost", "costedLines"].map((c) => `sum("${c}") AS "${c}"`).join(", ");
  return `SELECT "companyId", ${period}, "productId", "hsnCode", ${sums} FROM ${from} WHERE "companyId" = $1 GROUP BY 1, 2, 3, 4 ORDER BY 2, 3, 4`;
}

/** A row as text: days as YYYY-MM-DD, numbers without trailing zeros (Prisma and pg print numerics differently). */
function plain(r: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString().slice(0, 10) : /^-?\d+(\.\d+)?$/.test(String(v)) ? new Prisma.Decimal(String(v)).toString() : String(v)]));
}

/** Rows that still hold an issued document (a key whose documents were all cancelled keeps a row of zeros). */
function live(rows: Record<string, Record<string, string>[]>) {
  const out: typeof rows = {};
  for (const [t, rs] of Object.entries(rows)) {
    for (const r of rs.filter((x) => x.documents === "0")) {
      for (const k of ["quantity", "taxable", "tax", "gross", "costedTaxable", "cost", "costedLines", "productDocuments", "hsnDocuments"]) if (k in r) expect(Number(r[k]), `${t} ${k}`).toBe(0);
    }
    out[t] = rs.filter((x) => x.documents !== "0");
  }
  return out;
}

describe("sales rollups", () => {
  it("give the same report as the invoice lines for every grouping, filter and range", { timeout: 240_000 }, async () => {
    const b = await seedBooks();
    // Another company's documents on the same days must change nothing.
    await seedBooks();
    const ranges = [
      { from: "2026-09-01", to: "2026-11-30" },
      { from: "2026-09-15", to: "2026-11-20" },
      { from: "2026-09-30", to: "2026-10-01" },
      { from: "2026-08-01", to: "2026-12-31" },
      { from: "2026-09-20", to: "2026-11-10" },
      { from: "2026-11-01", to: "2026-11-29" },
    ];
    let fromRollups = 0;
    for (const [i, range] of ranges.entries()) {
      // Every filter combination over the whole books; the narrower ranges with a few.
      const combos = i === 0 ? filterCombos(b) : filterCombos(b).slice(0, 1).concat(filterCombos(b).slice(9, 11), filterCombos(b).slice(6, 7));
      for (const f of combos) {
        for (const groupBy of salesGroupings) {
          const input = { ...range, groupBy, ...f };
          const fast = await getSalesReport(b.ctx, input);
          const slow = await getSalesReport(b.ctx, input, { source: "lines" });
          expect(fast, JSON.stringify(input)).toEqual(slow);
          if (salesSourceFor(groupBy, f) !== "lines") fromRollups++;
        }
      }
    }
    // The comparison above is not lines against lines.
    expect(fromRollups).toBeGreaterThan(150);
    // The drill-down lists, from the lines, the documents its count and totals (from the rollups) say.
    for (const f of filterCombos(b)) {
      const docs = await listSalesDocuments(b.ctx, { ...ranges[1]!, ...f, pageSize: 500 });
      expect(docs.data.length, JSON.stringify(f)).toBe(docs.total);
      expect(docs.data.reduce((t, d) => t.plus(d.taxable), new Prisma.Decimal(0)).toFixed(2), JSON.stringify(f)).toBe(docs.totals.taxable);
      expect(docs.totals, JSON.stringify(f)).toEqual((await getSalesReport(b.ctx, { ...ranges[1]!, groupBy: "month", ...f }, { source: "lines" })).totals);
    }
    const whole = await getSalesReport(b.ctx, { ...ranges[0]!, groupBy: "product" });
    expect(whole.totals.documents).toBe(14);
    expect(whole.groups.find((g) => g.key === "none")!.documents).toBe(2);
    const byHsn = await getSalesReport(b.ctx, { ...ranges[0]!, groupBy: "hsn" });
    // The September invoice has two freight lines of 996511 and one of 44152000: counted once each.
    expect(byHsn.groups.find((g) => g.key === "996511")!.documents).toBe(2);
  });

  it("hold exactly what a rebuild and the migration's backfill compute from the documents", async () => {
    const b = await seedBooks();
    const kept = live(await rollupRows(b.shop.co));
    expect(kept.SalesByDay!.length).toBeGreaterThan(5);
    expect(kept.ProductSalesByMonth!.length).toBeGreaterThan(5);

    await rebuildSalesRollups(prisma, b.shop.co);
    expect(await rollupRows(b.shop.co)).toEqual(kept);

    // The migration's backfill block, run into temporary tables of the same names (they come first on
    // the search path) over the whole database, then this company's rows compared.
    const sql = readFileSync("prisma/migrations/20261207100000_sales_rollups/migration.sql", "utf8");
    const block = sql.slice(sql.indexOf("-- backfill:begin"), sql.indexOf("-- backfill:end"));
    expect(block).toContain("INSERT INTO \"ProductSalesByMonth\"");
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query("BEGIN");
      for (const t of TABLES) await client.query(`CREATE TEMP TABLE "${t}" (LIKE public."${t}" INCLUDING ALL)`);
      await client.query(block);
      const backfilled: Record<string, Record<string, string>[]> = {};
      for (const t of TABLES) {
        const { rows } = await client.query<Record<string, unknown>>(rollupSelect(`pg_temp."${t}"`, t), [b.shop.co]);
        backfilled[t] = rows.map(plain);
      }
      expect(backfilled).toEqual(kept);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });

  it("count every document issued at once for the same keys", async () => {
    const shop = await orderShop({ now: NOW });
    const c2 = await secondRetailer(shop);
    const c3 = await secondRetailer(shop);
    const a = await stockedProduct(shop, 0, { costPrice: "10.00", hsnCode: "19053100" });
    const z = await stockedProduct(shop, 0, { costPrice: "20.00", hsnCode: "19053100" });
    // Nine invoices of three retailers on one day, with both products in either order (rollup rows
    // are upserted in key order, so opposite line orders cannot deadlock).
    const issue = (connectionId: string, flip: boolean) =>
      issueInvoice(shop.staff, { connectionId, issueDate: "2026-11-30", lines: flip ? [{ productId: z.id, quantity: "2" }, { productId: a.id, quantity: "1" }] : [{ productId: a.id, quantity: "1" }, { productId: z.id, quantity: "2" }] });
    const docs = await Promise.all([shop.connection.id, c2.id, c3.id].flatMap((c) => [issue(c, false), issue(c, true), issue(c, false)]));
    await Promise.all(docs.slice(0, 3).map((d) => cancelInvoice(shop.staff, d.id, { reasonCode: 4, remark: "Parallel cancel" })));
    const day = { from: "2026-11-30", to: "2026-11-30" };
    const r = await getSalesReport(shop.staff, { ...day, groupBy: "product" });
    expect(r.totals.documents).toBe(6);
    expect(r.groups.map((g) => [g.key, g.documents, g.quantity]).sort()).toEqual([[a.id, 6, "6"], [z.id, 6, "12"]].sort());
    expect(r).toEqual(await getSalesReport(shop.staff, { ...day, groupBy: "product" }, { source: "lines" }));
    const byRetailer = await getSalesReport(shop.staff, { ...day, groupBy: "retailer" });
    expect(byRetailer).toEqual(await getSalesReport(shop.staff, { ...day, groupBy: "retailer" }, { source: "lines" }));
    // A product's day is split over at most PRODUCT_STRIPES rows, one retailer's documents on one of them.
    const stripes = await prisma.$queryRaw<{ productId: string; rows: number; low: number; high: number }[]>`
      SELECT "productId", count(*)::int AS rows, min(stripe)::int AS low, max(stripe)::int AS high FROM "ProductSalesByDay"
      WHERE "companyId" = ${shop.co} AND day = '2026-11-30'::date GROUP BY 1`;
    for (const s of stripes) expect(s.rows <= PRODUCT_STRIPES && s.low >= 0 && s.high < PRODUCT_STRIPES, JSON.stringify(s)).toBe(true);

    // The upsert itself under contention: the company's rows emptied, then the six live documents added
    // back by six transactions that overlap (each holds its row locks a moment before committing) —
    // the first inserts each new key, the others wait for it and add to it.
    const kept = live(await rollupRows(shop.co));
    for (const t of TABLES) await prisma.$executeRawUnsafe(`DELETE FROM "${t}" WHERE "companyId" = $1`, shop.co);
    await Promise.all(
      docs.slice(3).map((d) =>
        prisma.$transaction(async (tx) => {
          await recordSalesRollups(prismaRunner(tx), { companyId: shop.co, invoiceId: d.id, sign: 1 });
          await tx.$executeRaw`SELECT pg_sleep(0.05)`;
        }),
      ),
    );
    expect(await rollupRows(shop.co)).toEqual(kept);
  });

  it("price margin at the cost of the day of issue, also for returns", async () => {
    const shop = await orderShop({ now: NOW });
    const p = await stockedProduct(shop, 0, { costPrice: "60.00", hsnCode: "19053100", basePrice: "100.00" });
    const first = await issueInvoice(shop.staff, { connectionId: shop.connection.id, issueDate: "2026-11-02", lines: [{ productId: p.id, quantity: "10" }] });
    await prisma.product.update({ where: { id: p.id }, data: { costPrice: "75.00" } });
    await issueInvoice(shop.staff, { connectionId: shop.connection.id, issueDate: "2026-11-03", lines: [{ productId: p.id, quantity: "4" }] });
    // A return of the first invoice's goods takes back their cost then (60), not today's.
    await issueCreditNote(shop.staff, first.id, { reason: "RETURN", issueDate: "2026-11-05", lines: [{ originalLineId: first.lines[0]!.id, quantity: "2" }] });
    const q = { from: "2026-11-01", to: "2026-11-30" };
    for (const groupBy of ["product", "month", "retailer", "day"] as const) {
      const r = await getSalesReport(shop.staff, { ...q, groupBy });
      // 8 × 60 + 4 × 75
      expect(r.totals.cost, groupBy).toBe("780.00");
      expect(r.totals.margin, groupBy).toBe("420.00");
      expect(r).toEqual(await getSalesReport(shop.staff, { ...q, groupBy }, { source: "lines" }));
    }
  });

  it("keep each company's figures to itself", async () => {
    const a = await seedBooks();
    const b = await seedBooks();
    const q = { from: "2026-09-01", to: "2026-11-30" };
    const mine = await getSalesReport(b.ctx, { ...q, groupBy: "retailer" });
    expect(mine.groups.map((g) => g.key).sort()).toEqual([b.shop.connection.id, b.c2.id].sort());
    // Another company's retailer, product, salesperson or warehouse as a filter: nothing.
    for (const f of [{ connectionId: a.c2.id }, { productId: a.costed.id }, { salespersonId: a.shop.owner.userId }, { warehouseId: a.wh2.id }]) {
      const r = await getSalesReport(b.ctx, { ...q, groupBy: "month", ...f });
      expect(r.totals.documents, JSON.stringify(f)).toBe(0);
      expect(r.totals.taxable).toBe("0.00");
    }
    // Both companies issued the same documents: the same figures, each counted once.
    const theirs = await getSalesReport(a.ctx, { ...q, groupBy: "month" });
    expect((await getSalesReport(b.ctx, { ...q, groupBy: "month" })).totals).toEqual(theirs.totals);
    expect(theirs.totals).toEqual((await getSalesReport(a.ctx, { ...q, groupBy: "month" }, { source: "lines" })).totals);
  });
});
