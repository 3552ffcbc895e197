// Open receivables on a real database: after every step of a seeded random history of invoices,
// debit and credit notes, receipts (allocated oldest first, by hand or left on account),
// applications, voids, refunds and cancellations — all through the billing domain functions — the
// dashboard's ageing read from OpenReceivables equals the receivables report's totals read from the
// documents, its overdue count equals the documents past due, and no row outlives what it holds
// open; the migration's backfill computes the same rows; receipts of several retailers at once all
// count; another company's figures stay apart.
import { readFileSync } from "node:fs";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { allocatePayment, applyCreditNote } from "@/lib/billing/allocate-payment";
import { cancelInvoice } from "@/lib/billing/cancel-invoice";
import { getAgeing } from "@/lib/billing/get-ageing";
import { getAgeingSummary } from "@/lib/billing/get-ageing-summary";
import { issueInvoice } from "@/lib/billing/issue-invoice";
import { issueCreditNote } from "@/lib/billing/issue-note";
import { rebuildOpenReceivables } from "@/lib/billing/rebuild-open-receivables";
import { recordPayment } from "@/lib/billing/record-payment";
import { recordRefund } from "@/lib/billing/record-refund";
import { voidPayment } from "@/lib/billing/void-payment";
import { prisma } from "@/lib/db/client";
import { seededRandom } from "@/lib/demo/seeded-random";
import { AppError } from "@/lib/errors";
import { getDashboard } from "@/lib/reporting/dashboard/get-dashboard";
import { getWorkQueues } from "@/lib/reporting/dashboard/get-work-queues";
import { insertInvoiceRow } from "../support/billing-factories";
import { createRetailerUser } from "../support/factories";
import { orderShop, type Shop } from "../support/order-factories";

const NOW = new Date("2026-12-15T06:00:00Z");
const TODAY = "2026-12-15";

/** The summary from OpenReceivables against the report and a count straight from the documents. */
async function expectSummaryAgrees(shop: Shop, what: string) {
  const summary = await getAgeingSummary(shop.staff);
  const report = await getAgeing(shop.staff, { pageSize: 1 });
  const { asOf: _a, overdueDocuments, ...buckets } = summary;
  expect(buckets, what).toEqual(report.totals);
  const [live] = await prisma.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Invoice" WHERE "companyId" = ${shop.co} AND status = 'ISSUED' AND type IN ('INVOICE', 'DEBIT_NOTE')
      AND "dueDate" < ${TODAY}::date AND "settledAmount" < "grandTotal"`;
  expect(overdueDocuments, what).toBe(live!.n);
  const [empty] = await prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "OpenReceivables" WHERE "companyId" = ${shop.co} AND (documents <= 0 OR amount <= 0)`;
  expect(empty!.n, `${what}: rows with nothing open`).toBe(0);
}

async function rowsOf(companyId: string, client?: pg.Client) {
  const sql = `SELECT kind::text, day::text, "connectionId", amount::text, documents FROM ${client ? "pg_temp" : "public"}."OpenReceivables" WHERE "companyId" = $1 ORDER BY 1, 2, 3`;
  return client ? (await client.query(sql, [companyId])).rows : prisma.$queryRawUnsafe<Record<string, unknown>[]>(sql, companyId);
}

async function anotherRetailer(shop: Shop, paymentTermsDays: number) {
  const { retailer } = await createRetailerUser();
  return prisma.connection.create({ data: { companyId: shop.co, retailerId: retailer.id, status: "ACTIVE", customerCode: `R-${retailer.id.slice(-6)}`, creditLimit: "0", placeOfSupply: "27", paymentTermsDays, activatedAt: new Date() } });
}

describe("open receivables", () => {
  it("equal the receivables report after every step of a random history", { timeout: 300_000 }, async () => {
    const shop = await orderShop({ now: NOW });
    const other = await anotherRetailer(shop, 45);
    const connections = [shop.connection.id, other.id];
    const rnd = seededRandom(20261207);
    const pick = <T,>(xs: T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const day = () => new Date(Date.parse("2026-06-01T00:00:00Z") + Math.floor(rnd() * 197) * 86_400_000).toISOString().slice(0, 10);
    const money = (max: number) => (Math.floor(rnd() * max * 100) / 100 + 1).toFixed(2);
    const invoices: { id: string; connectionId: string }[] = [];
    const notes: string[] = [];
    const receipts: string[] = [];
    let failures = 0;
    for (let step = 0; step < 120; step++) {
      const op = rnd();
      const connectionId = pick(connections);
      let what = "";
      try {
        if (op < 0.15 || invoices.length === 0) {
          what = "invoice row";
          const issue = day();
          const debit = invoices.length > 0 && rnd() < 0.2;
          const shopOf = { co: shop.co, connection: { id: debit ? pick(invoices).connectionId : connectionId } } as Shop;
          const original = debit ? pick(invoices.filter((i) => i.connectionId === shopOf.connection.id)) : null;
          // Numbered apart from the real series (a series continues after the highest number already there).
          const number = `F/26-27/${String(invoices.length + 1).padStart(6, "0")}`;
          const inv = await insertInvoiceRow(shopOf, { number, grandTotal: money(5000), issueDate: issue, dueDate: issue < "2026-09-01" ? issue : TODAY, ...(original ? { type: "DEBIT_NOTE", originalInvoiceId: original.id } : {}) });
          invoices.push({ id: inv.id, connectionId: shopOf.connection.id });
        } else if (op < 0.27) {
          what = "issue invoice";
          const inv = await issueInvoice(shop.staff, { connectionId, issueDate: day(), lines: [{ description: "Goods", hsnCode: "19053100", unit: "BOX", quantity: "1", unitPrice: money(3000), gstRate: "18" }] });
          invoices.push({ id: inv.id, connectionId });
        } else if (op < 0.35) {
          what = "credit note (applied at once)";
          const target = pick(invoices);
          const inv = await prisma.invoice.findUniqueOrThrow({ where: { id: target.id }, include: { lines: true } });
          if (inv.type !== "INVOICE" || inv.status !== "ISSUED") continue;
          const note = await issueCreditNote(shop.staff, inv.id, { reason: "DISCOUNT", issueDate: TODAY, lines: [{ originalLineId: inv.lines[0]!.id, amount: (Number(inv.lines[0]!.taxableValue) / 4).toFixed(2) }] });
          notes.push(note.id);
        } else if (op < 0.55) {
          what = "receipt";
          const mine = invoices.filter((i) => i.connectionId === connectionId);
          const allocations = rnd() < 0.2 || !mine.length ? "none" : rnd() < 0.3 ? [{ invoiceId: pick(mine).id, amount: money(300) }] : "auto";
          receipts.push((await recordPayment(shop.staff, { connectionId, amount: money(4000), method: "CASH", paidOn: day(), allocations })).id);
        } else if (op < 0.62 && notes.length) {
          what = "apply credit note";
          await applyCreditNote(shop.staff, pick(notes), {});
        } else if (op < 0.7 && receipts.length) {
          what = "allocate receipt";
          await allocatePayment(shop.staff, pick(receipts), { allocations: "auto" });
        } else if (op < 0.78 && receipts.length) {
          what = "void receipt";
          await voidPayment(shop.staff, pick(receipts), { reason: "Cheque bounced" });
        } else if (op < 0.86) {
          what = "refund";
          await recordRefund(shop.staff, { connectionId, amount: money(500), method: "CASH", paidOn: TODAY });
        } else if (op < 0.94) {
          what = "cancel invoice";
          await cancelInvoice(shop.staff, pick(invoices).id, { reasonCode: 2, remark: "Entered twice" });
        } else if (notes.length) {
          what = "cancel credit note";
          await cancelInvoice(shop.staff, pick(notes), { reasonCode: 4, remark: "Raised in error" });
        }
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        failures++;
      }
      await expectSummaryAgrees(shop, `step ${step}: ${what}`);
    }
    expect(failures).toBeLessThan(60);
    const summary = await getAgeingSummary(shop.staff);
    expect(Number(summary.total)).not.toBe(0);
    expect(summary.overdueDocuments).toBeGreaterThan(0);

    // The dashboard shows the summary, and its overdue queue counts the same documents.
    const dash = await getDashboard(shop.staff);
    expect(dash.ageing).toEqual({ notDue: summary.notDue, d0_30: summary.d0_30, d31_60: summary.d31_60, d61_90: summary.d61_90, d90_plus: summary.d90_plus, total: summary.total });
    expect((await getWorkQueues(shop.staff, TODAY)).find((q) => q.key === "overdue")!.count).toBe(summary.overdueDocuments);

    // A rebuild and the migration's backfill compute exactly the rows the writes kept.
    const kept = await rowsOf(shop.co);
    await rebuildOpenReceivables(prisma, shop.co);
    expect(await rowsOf(shop.co)).toEqual(kept);
    const sql = readFileSync("prisma/migrations/20261207110000_open_receivables/migration.sql", "utf8");
    const block = sql.slice(sql.indexOf("-- backfill:begin"), sql.indexOf("-- backfill:end"));
    const client = new pg.Client({ connectionString: inject("databaseUrl") });
    await client.connect();
    try {
      await client.query("BEGIN");
      await client.query(`CREATE TEMP TABLE "OpenReceivables" (LIKE public."OpenReceivables" INCLUDING ALL)`);
      await client.query(block);
      expect(await rowsOf(shop.co, client)).toEqual(kept);
    } finally {
      await client.query("ROLLBACK");
      await client.end();
    }
  });

  it("count receipts of several retailers recorded at once against dues of the same day", async () => {
    const shop = await orderShop({ now: NOW });
    const retailers = [shop.connection.id, (await anotherRetailer(shop, 30)).id, (await anotherRetailer(shop, 30)).id];
    for (const id of retailers) {
      for (const total of ["1180.00", "2360.00"]) await insertInvoiceRow({ co: shop.co, connection: { id } } as Shop, { grandTotal: total, issueDate: "2026-10-01", dueDate: "2026-10-31" });
    }
    await Promise.all(retailers.flatMap((connectionId) => [recordPayment(shop.staff, { connectionId, amount: "1500.00", method: "CASH", paidOn: TODAY }), recordPayment(shop.staff, { connectionId, amount: "100.00", method: "CASH", paidOn: TODAY, allocations: "none" })]));
    await expectSummaryAgrees(shop, "parallel receipts");
    const summary = await getAgeingSummary(shop.staff);
    // 3 × (3540 − 1500) due 31–60 days ago; 3 × 100 on account.
    expect(summary.d31_60).toBe("6120.00");
    expect(summary.unappliedCredit).toBe("-300.00");
    expect(summary.overdueDocuments).toBe(3);
  });

  it("keep each company's receivables to itself", async () => {
    const a = await orderShop({ now: NOW });
    const b = await orderShop({ now: NOW });
    await insertInvoiceRow(a, { grandTotal: "5900.00", issueDate: "2026-11-01", dueDate: "2026-11-30" });
    await insertInvoiceRow(b, { grandTotal: "1180.00", issueDate: "2026-11-01", dueDate: "2026-11-30" });
    await recordPayment(a.staff, { connectionId: a.connection.id, amount: "900.00", method: "CASH", paidOn: TODAY, allocations: "none" });
    expect((await getAgeingSummary(b.staff)).total).toBe("1180.00");
    expect((await getAgeingSummary(a.staff)).total).toBe("5000.00");
    await expectSummaryAgrees(a, "company a");
    await expectSummaryAgrees(b, "company b");
  });
});
