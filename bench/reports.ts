// Reports at scale: one company with 1,000,000 invoice lines over 24 months (250,000 invoices of 4
// lines, 5% credit notes, across 1,000 retailers and 2,000 products) and a second company's
// 100,000 lines beside it — bulk-inserted with generate_series. Then in-process: the month's
// dashboard (getDashboard as a manager: sales by day this and last month, top retailers and
// products, collections, ageing, work queues), a 12-month sales report grouped by month and by
// retailer, and the time to the first byte of a 100,000-row XLSX export of the invoices list.
// p50/p95 over SAMPLES runs; EXPLAIN ANALYZE of the sales query printed when a target is missed.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/erp_bench_reports npx tsx --conditions=react-server bench/reports.ts
// Env: INVOICES (250000), SAMPLES (20), WARMUP (2), XLSX=0 skips the export.
import pg from "pg";
import { describeUrl, openBenchDb } from "./lib/db";
import { machineInfo, measure, summarize, table, writeResults, type Summary } from "./lib/stats";

const INVOICES = Number(process.env.INVOICES ?? 250_000);
const LINES_PER_INVOICE = 4;
const RETAILERS = 1_000;
const PRODUCTS = 2_000;
const SAMPLES = Number(process.env.SAMPLES ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 2);
const COMPANY_ID = "bench_reports_company";
const OTHER_ID = "bench_reports_other";
const TODAY = "2026-11-29";
const TARGETS = { dashboardP95: 150, salesP95: 300, xlsxFirstByte: 1000 };

async function main() {
  const db = await openBenchDb();
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const { prisma, disconnect } = await import("../lib/db/client");
  const { makeCtx } = await import("../lib/ctx");
  const { getDashboard } = await import("../lib/reporting/dashboard/get-dashboard");
  const { getSalesReport } = await import("../lib/reporting/sales/get-sales-report");
  const { exportInvoices } = await import("../lib/reporting/lists/export-invoices");
  const { salesLinesSql, groupKeySql, groupedSumsSql } = await import("../lib/reporting/sales/sales-sql");
  const { Prisma } = await import("../lib/generated/prisma/client");
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
    const seeded = await ensureData(admin);
    const actor = { kind: "staff" as const, userId: "bench_reports_manager", email: "manager@bench-reports.example", name: "Bench manager", companyId: COMPANY_ID, role: "MANAGER" as const };
    const ctx = makeCtx(actor, { now: () => new Date(`${TODAY}T06:30:00Z`) });
    const year = { from: "2025-12-01", to: "2026-11-30" };

    const scenarios: { name: string; target: number; run: () => Promise<unknown> }[] = [
      { name: "dashboard (month, manager)", target: TARGETS.dashboardP95, run: () => getDashboard(ctx) },
      { name: "sales 12 months by month", target: TARGETS.salesP95, run: () => getSalesReport(ctx, { ...year, groupBy: "month" }) },
      { name: "sales 12 months by retailer", target: TARGETS.salesP95, run: () => getSalesReport(ctx, { ...year, groupBy: "retailer" }) },
    ];
    const rows: { scenario: string; summary: Summary; target: number; meetsTarget: boolean }[] = [];
    const plans: Record<string, string> = {};
    for (const s of scenarios) {
      const summary = summarize(await measure(s.run, { warmup: WARMUP, samples: SAMPLES }));
      rows.push({ scenario: s.name, summary, target: s.target, meetsTarget: summary.p95 < s.target });
      console.log(`${s.name}: p50 ${summary.p50} ms, p95 ${summary.p95} ms`);
    }
    const explain = async (name: string, from: string, to: string, g: "month" | "retailer" | "day") => {
      const q = Prisma.sql`EXPLAIN (ANALYZE, BUFFERS) WITH lines AS (${salesLinesSql(COMPANY_ID, from, to, {})}) ${groupedSumsSql(groupKeySql(g))}`;
      plans[name] = (await prisma.$queryRaw<{ "QUERY PLAN": string }[]>(q)).map((r) => r["QUERY PLAN"]).join("\n");
    };
    if (!rows[1]!.meetsTarget || !rows[2]!.meetsTarget) await explain("sales 12 months by month", year.from, year.to, "month");
    if (!rows[0]!.meetsTarget) await explain("dashboard: this month by day", "2026-11-01", TODAY, "day");
    for (const [k, v] of Object.entries(plans)) console.log(`\nEXPLAIN ANALYZE (${k}):\n${v}`);

    // XLSX export of 100,000 invoices: time to the first byte and to the last, peak RSS growth.
    const span = await admin.query<{ from: string; n: number }>(
      `SELECT min(d)::text AS from, count(*)::int AS n FROM (SELECT "issueDate" AS d FROM "Invoice" WHERE "companyId" = $1 AND type = 'INVOICE' ORDER BY "issueDate" DESC LIMIT 100000) s`,
      [COMPANY_ID],
    );
    if (process.env.XLSX === "0") {
      console.log(`\n${table(["scenario", "n", "p50 ms", "p95 ms", "max ms", "target p95", "ok"], rows.map((r) => [r.scenario, r.summary.n, r.summary.p50, r.summary.p95, r.summary.max, r.target, r.meetsTarget ? "yes" : "NO"]))}`);
      console.log(`\nresults: ${writeResults("reports", { targets: TARGETS, data: seeded, today: TODAY, results: rows, plans, xlsx: "skipped (XLSX=0)", machine: await machineInfo((sql) => admin.query(sql)), at: new Date().toISOString() })}`);
      return;
    }
    const rss0 = process.memoryUsage().rss;
    const t0 = performance.now();
    const file = await exportInvoices(ctx, { type: "invoice", from: span.rows[0]!.from, format: "xlsx" });
    const reader = file.body.getReader();
    let firstByte = 0;
    let bytes = 0;
    let peak = rss0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!firstByte) firstByte = performance.now() - t0;
      bytes += value.byteLength;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const xlsx = { rows: span.rows[0]!.n, firstByteMs: Math.round(firstByte), totalMs: Math.round(performance.now() - t0), bytes, rssGrowthMb: Math.round((peak - rss0) / 1e6), meetsTarget: firstByte < TARGETS.xlsxFirstByte };
    console.log(`xlsx export of ${xlsx.rows} invoices: first byte ${xlsx.firstByteMs} ms, all ${xlsx.totalMs} ms, ${Math.round(bytes / 1e6)} MB, RSS +${xlsx.rssGrowthMb} MB`);

    console.log(`\n${table(["scenario", "n", "p50 ms", "p95 ms", "max ms", "target p95", "ok"], rows.map((r) => [r.scenario, r.summary.n, r.summary.p50, r.summary.p95, r.summary.max, r.target, r.meetsTarget ? "yes" : "NO"]))}`);
    const out = writeResults("reports", {
      description: "Dashboard and sales report in-process for one company with INVOICES×4 invoice lines over 24 months (5% credit notes) beside another company's 100,000 lines; XLSX export of 100,000 invoices streamed",
      targets: TARGETS,
      data: seeded,
      today: TODAY,
      results: rows,
      xlsx,
      plans,
      machine: await machineInfo((sql) => admin.query(sql)),
      at: new Date().toISOString(),
    });
    console.log(`\nresults: ${out}`);
  } finally {
    await admin.end();
    await disconnect();
    await db.stop();
  }
}

/** Two companies' retailers, products and documents, inserted once (kept between runs). */
async function ensureData(c: pg.Client) {
  const have = await c.query<{ n: number; o: number }>(`SELECT count(*) FILTER (WHERE "companyId" = $1)::int AS n, count(*) FILTER (WHERE "companyId" = $2)::int AS o FROM "InvoiceLine" WHERE "companyId" IN ($1, $2)`, [COMPANY_ID, OTHER_ID]);
  if (have.rows[0]!.n === INVOICES * LINES_PER_INVOICE && have.rows[0]!.o === 25_000 * LINES_PER_INVOICE) return counts(c);
  const t = performance.now();
  for (const [id, code, invoices, prefix] of [[COMPANY_ID, "BREP", INVOICES, "brep"], [OTHER_ID, "BREO", 25_000, "breo"]] as const) {
    console.log(`seeding ${id}: ${invoices.toLocaleString("en-IN")} documents × ${LINES_PER_INVOICE} lines…`);
    await c.query("BEGIN");
    await c.query(`DELETE FROM "InvoiceLine" WHERE "companyId" = $1`, [id]);
    await c.query(`DELETE FROM "Payment" WHERE "companyId" = $1`, [id]);
    await c.query(`DELETE FROM "Invoice" WHERE "companyId" = $1`, [id]);
    await c.query(`DELETE FROM "Product" WHERE "companyId" = $1`, [id]);
    await c.query(`DELETE FROM "Connection" WHERE "companyId" = $1`, [id]);
    await c.query(`DELETE FROM "Retailer" WHERE id LIKE $1`, [`${prefix}_r_%`]);
    await c.query(`DELETE FROM "Membership" WHERE "companyId" = $1`, [id]);
    await c.query(`DELETE FROM "Company" WHERE id = $1`, [id]);
    await c.query(
      `INSERT INTO "Company" (id, code, "legalName", "stateCode", "addressLine1", city, pincode, gstin, "updatedAt")
       VALUES ($1, $2, 'Bench Reports Traders Pvt Ltd', '27', '1 Bench Road', 'Pune', '411001', $3, now())`,
      [id, code, id === COMPANY_ID ? "27AABCR7777K1Z5" : "27AABCR6666K1Z5"],
    );
    await c.query(`INSERT INTO "Retailer" (id, "legalName", "stateCode", "addressLine1", city, pincode, "updatedAt")
       SELECT $1 || '_r_' || g, 'Bench Retailer ' || g, '27', 'Shop ' || g, 'Pune', '411002', now() FROM generate_series(1, $2) g`, [prefix, RETAILERS]);
    await c.query(`INSERT INTO "Connection" (id, "companyId", "retailerId", status, "customerCode", "creditLimit", "paymentTermsDays", "placeOfSupply", "activatedAt", "updatedAt")
       SELECT $1 || '_c_' || g, $2, $1 || '_r_' || g, 'ACTIVE', 'B-' || g, 500000, 30, '27', now(), now() FROM generate_series(1, $3) g`, [prefix, id, RETAILERS]);
    await c.query(`INSERT INTO "Product" (id, "companyId", sku, name, "hsnCode", "gstRate", unit, "basePrice", "costPrice", "updatedAt")
       SELECT $1 || '_p_' || g, $2, 'SKU-' || g, 'Bench product ' || g, (ARRAY['19053100','21069099','04051000','09023010'])[1 + g % 4], 18, 'PCS', 100 + g % 400,
              CASE WHEN g % 5 = 0 THEN NULL ELSE 70 + g % 300 END, now()
       FROM generate_series(1, $3) g`, [prefix, id, PRODUCTS]);
    // Document g: spread over the 730 days before TODAY; every 20th a credit note for a return.
    await c.query(
      `INSERT INTO "Invoice" (id, "companyId", type, number, series, "financialYear", status, "issueDate", "dueDate", "connectionId", "retailerId",
          "taxType", "supplierStateCode", "placeOfSupply", "sellerGstin", seller, "buyerName", buyer, "noteReason", "originalInvoiceId",
          "taxableTotal", "cgstTotal", "sgstTotal", "igstTotal", "cessTotal", "roundOff", "grandTotal", "updatedAt")
       SELECT $1 || '_i_' || g, $2, CASE WHEN g % 20 = 0 THEN 'CREDIT_NOTE' ELSE 'INVOICE' END::"InvoiceType",
          CASE WHEN g % 20 = 0 THEN 'CN/' ELSE 'INV/' END || lpad(g::text, 8, '0'), 'INV', '26-27', 'ISSUED', issue, issue + 30,
          $1 || '_c_' || (1 + g % $4), $1 || '_r_' || (1 + g % $4),
          'intra', '27', '27', '27AABCB9999K1Z5', '{}'::jsonb, 'Bench Retailer ' || (1 + g % $4), '{}'::jsonb, CASE WHEN g % 20 = 0 THEN 'RETURN' END, CASE WHEN g % 20 = 0 THEN $1 || '_i_' || (g - 1) END,
          4000, 360, 360, 0, 0, 0, 4720, now()
       FROM (SELECT g, ($3::date - (g::bigint * 7919 % 730)::int) AS issue FROM generate_series(1, $5) g) s`,
      [prefix, id, TODAY, RETAILERS, invoices],
    );
    await c.query(
      `INSERT INTO "InvoiceLine" (id, "invoiceId", "companyId", position, "productId", sku, description, "hsnCode", unit, quantity, "unitPrice", "taxInclusive",
          "grossValue", "taxableValue", "gstRate", "cgstAmount", "sgstAmount", "igstAmount", "cessAmount", "lineTotal")
       SELECT i.id || '_' || n, i.id, $2, n, $1 || '_p_' || p, 'SKU-' || p, 'Bench product ' || p, '19053100', 'PCS', 10, 100, false,
          1000, 1000, 18, 90, 90, 0, 0, 1180
       FROM "Invoice" i, generate_series(1, 4) n, LATERAL (SELECT 1 + abs((hashtext(i.id)::bigint + n * 7919) % ${PRODUCTS}) AS p) pp
       WHERE i."companyId" = $2`,
      [prefix, id],
    );
    await c.query("COMMIT");
  }
  await c.query(`ANALYZE "Invoice"; ANALYZE "InvoiceLine"; ANALYZE "Product"; ANALYZE "Connection"`);
  console.log(`seeded in ${Math.round((performance.now() - t) / 1000)} s`);
  return counts(c);
}

async function counts(c: pg.Client) {
  const q = async (sql: string, id = COMPANY_ID) => (await c.query<{ n: number }>(sql, [id])).rows[0]!.n;
  return {
    invoices: await q(`SELECT count(*)::int AS n FROM "Invoice" WHERE "companyId" = $1`),
    lines: await q(`SELECT count(*)::int AS n FROM "InvoiceLine" WHERE "companyId" = $1`),
    otherCompanyLines: await q(`SELECT count(*)::int AS n FROM "InvoiceLine" WHERE "companyId" = $1`, OTHER_ID),
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
