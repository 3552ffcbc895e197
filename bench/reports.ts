// Reports at scale: one company with 1,000,000 invoice lines over 24 months (250,000 invoices of 4
// lines, 5% credit notes, across 1,000 retailers and 2,000 products) and a second company's
// 100,000 lines beside it — bulk-inserted with generate_series, then the sales rollups and the open
// receivables rebuilt for both (a bulk insert goes around the billing code that keeps them). Every
// invoice stays unpaid, so all 237,500 are open: the worst case for the ageing. Then in-process: the month's
// dashboard (getDashboard as a manager: sales by day this and last month, top retailers and
// products, collections, ageing, work queues) and each of its parts alone, 12-month sales reports
// grouped by month, retailer and product (rollups) and by category (invoice lines: the fallback),
// drill-downs to the documents behind a figure (a page of 50, line level),
// the time to the first byte of a 100,000-row XLSX export of the invoices list, and GSTR-1 for a
// month of 40,000 documents (a third company: 38,000 invoices, half to registered buyers, and 2,000
// credit notes, 4 lines each) with the process's peak RSS growth.
// p50/p95 over SAMPLES runs. Before measuring, the 12-month report by month and by product is read
// both from the rollups and from the invoice lines and must be equal. EXPLAIN (ANALYZE, BUFFERS)
// of the report's statements is stored for every scenario; the load average before and after.
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/erp_bench_reports npx tsx --conditions=react-server bench/reports.ts
// Env: INVOICES (250000), SAMPLES (20), WARMUP (2), FALLBACK_SAMPLES (3), XLSX=0 skips the export,
// GSTR1=0 skips GSTR-1.
import pg from "pg";
import { describeUrl, openBenchDb } from "./lib/db";
import { ensureGstData, GST_DOCUMENTS, GST_ID } from "./lib/gst-data";
import { loadAverage, machineInfo, measure, measured, summarize, table, writeResults, type Footprint, type Summary } from "./lib/stats";

const INVOICES = Number(process.env.INVOICES ?? 250_000);
const LINES_PER_INVOICE = 4;
const RETAILERS = 1_000;
const PRODUCTS = 2_000;
const SAMPLES = Number(process.env.SAMPLES ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 2);
const FALLBACK_SAMPLES = Number(process.env.FALLBACK_SAMPLES ?? 3);
const COMPANY_ID = "bench_reports_company";
const OTHER_ID = "bench_reports_other";
const TODAY = "2026-11-29";
const TARGETS = { dashboardP95: 150, salesP95: 300, xlsxFirstByte: 1000, gstr1Ms: 5000, gstr1RssMb: 300 };

async function main() {
  const loadAtStart = loadAverage();
  const db = await openBenchDb();
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const { prisma, disconnect } = await import("../lib/db/client");
  const { makeCtx } = await import("../lib/ctx");
  const { getDashboard } = await import("../lib/reporting/dashboard/get-dashboard");
  const { getWorkQueues } = await import("../lib/reporting/dashboard/get-work-queues");
  const { getAgeing } = await import("../lib/billing/get-ageing");
  const { getAgeingSummary } = await import("../lib/billing/get-ageing-summary");
  const { rebuildOpenReceivables } = await import("../lib/billing/rebuild-open-receivables");
  const { getSalesReport, salesReportSql } = await import("../lib/reporting/sales/get-sales-report");
  const { salesDocumentsInput, salesReportInput } = await import("../lib/reporting/sales/sales.schemas");
  const { listSalesDocuments, salesDocumentsSql } = await import("../lib/reporting/sales/list-sales-documents");
  const { rebuildSalesRollups } = await import("../lib/reporting/sales/rebuild-sales-rollups");
  const { exportInvoices } = await import("../lib/reporting/lists/export-invoices");
  const { getGstr1 } = await import("../lib/reporting/gst/get-gstr1");
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
    const seeded = await ensureData(admin);
    const rollups = await ensureRollups(admin, (companyId) => rebuildSalesRollups(prisma, companyId), (companyId) => rebuildOpenReceivables(prisma, companyId));
    const actor = { kind: "staff" as const, userId: "bench_reports_manager", email: "manager@bench-reports.example", name: "Bench manager", companyId: COMPANY_ID, role: "MANAGER" as const };
    const ctx = makeCtx(actor, { now: () => new Date(`${TODAY}T06:30:00Z`) });
    const year = { from: "2025-12-01", to: "2026-11-30" };
    const month = { from: "2026-11-01", to: TODAY };

    // The rollups must say what the invoice lines say (the integration tests prove it for every
    // grouping and filter on small books; this checks it on these).
    const agree: Record<string, boolean> = {};
    for (const groupBy of ["month", "product"] as const) {
      const fast = await getSalesReport(ctx, { ...year, groupBy, limit: 10_000 });
      const slow = await getSalesReport(ctx, { ...year, groupBy, limit: 10_000 }, { source: "lines" });
      agree[groupBy] = JSON.stringify(fast) === JSON.stringify(slow);
      console.log(`12 months by ${groupBy}: rollups ${agree[groupBy] ? "equal" : "DIFFER FROM"} the invoice lines (${fast.totals.documents} documents, taxable ${fast.totals.taxable})`);
    }

    const reports: Record<string, Record<string, unknown>> = {
      "sales 12 months by month": { ...year, groupBy: "month" },
      "sales 12 months by retailer": { ...year, groupBy: "retailer" },
      "sales 12 months by product": { ...year, groupBy: "product" },
      "sales 12 months by category (invoice lines)": { ...year, groupBy: "category" },
      "dashboard part: this month by day": { ...month, groupBy: "day" },
      "dashboard part: top retailers this month": { ...month, groupBy: "retailer", sort: "-taxable", limit: 5 },
      "dashboard part: top products this month": { ...month, groupBy: "product", sort: "-taxable", limit: 5 },
    };
    // Drill-downs (line level): a page of the documents behind a figure of the 12-month report.
    const drills: Record<string, Record<string, unknown>> = {
      "drill-down: a month's documents": { from: "2026-11-01", to: "2026-11-30" },
      "drill-down: a retailer's documents, 12 months": { ...year, connectionId: "brep_c_5" },
      "drill-down: a product's documents, 12 months": { ...year, productId: "brep_p_17" },
      "drill-down: an HSN code's documents, 12 months": { ...year, hsn: "19053100" },
    };
    const scenarios: { name: string; target: number | null; samples?: number; run: () => Promise<unknown> }[] = [
      { name: "dashboard (month, manager)", target: TARGETS.dashboardP95, run: () => getDashboard(ctx) },
      { name: "sales 12 months by month", target: TARGETS.salesP95, run: () => getSalesReport(ctx, reports["sales 12 months by month"]) },
      { name: "sales 12 months by retailer", target: TARGETS.salesP95, run: () => getSalesReport(ctx, reports["sales 12 months by retailer"]) },
      { name: "sales 12 months by product", target: TARGETS.salesP95, run: () => getSalesReport(ctx, reports["sales 12 months by product"]) },
      { name: "sales 12 months by category (invoice lines)", target: null, samples: FALLBACK_SAMPLES, run: () => getSalesReport(ctx, reports["sales 12 months by category (invoice lines)"]) },
      { name: "dashboard part: this month by day", target: null, run: () => getSalesReport(ctx, reports["dashboard part: this month by day"]) },
      { name: "dashboard part: top retailers this month", target: null, run: () => getSalesReport(ctx, reports["dashboard part: top retailers this month"]) },
      { name: "dashboard part: top products this month", target: null, run: () => getSalesReport(ctx, reports["dashboard part: top products this month"]) },
      { name: "dashboard part: ageing summary (open receivables)", target: null, run: () => getAgeingSummary(ctx) },
      { name: "receivables report page 1 (open documents; not on the dashboard)", target: null, samples: FALLBACK_SAMPLES, run: () => getAgeing(ctx, { pageSize: 1 }) },
      { name: "dashboard part: work queues", target: null, run: () => getWorkQueues(ctx, TODAY) },
      ...Object.entries(drills).map(([name, input]) => ({ name, target: null, run: () => listSalesDocuments(ctx, input) })),
    ];
    const rows: { scenario: string; summary: Summary; target: number | null; meetsTarget: boolean | null }[] = [];
    for (const s of scenarios) {
      const summary = summarize(await measure(s.run, { warmup: WARMUP, samples: s.samples ?? SAMPLES }));
      rows.push({ scenario: s.name, summary, target: s.target, meetsTarget: s.target === null ? null : summary.p95 < s.target });
      console.log(`${s.name}: p50 ${summary.p50} ms, p95 ${summary.p95} ms`);
    }

    // The plans of the report's statements (groups, then totals), whatever the outcome.
    const plans: Record<string, string> = {};
    for (const [name, input] of Object.entries(reports)) {
      const sql = salesReportSql(COMPANY_ID, salesReportInput.parse(input));
      for (const [part, q] of Object.entries(sql)) {
        if (!q) continue;
        const plan = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${q}`;
        plans[`${name} — ${part}`] = plan.map((r) => r["QUERY PLAN"]).join("\n");
      }
    }
    for (const [name, input] of Object.entries(drills)) {
      const sql = salesDocumentsSql(COMPANY_ID, salesDocumentsInput.parse(input));
      for (const [part, q] of Object.entries(sql)) {
        const plan = await prisma.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${q}`;
        plans[`${name} — ${part}`] = plan.map((r) => r["QUERY PLAN"]).join("\n");
      }
    }
    for (const [k, v] of Object.entries(plans)) if (k.includes("12 months by month") || k.includes("by retailer — groups")) console.log(`\nEXPLAIN ANALYZE (${k}):\n${v}`);
    const summaryTable = () => table(["scenario", "n", "p50 ms", "p95 ms", "max ms", "target p95", "ok"], rows.map((r) => [r.scenario, r.summary.n, r.summary.p50, r.summary.p95, r.summary.max, r.target ?? "-", r.meetsTarget === null ? "-" : r.meetsTarget ? "yes" : "NO"]));
    const common = { targets: TARGETS, data: { ...seeded, rollups }, rollupsEqualInvoiceLines: agree, today: TODAY, results: rows, plans };

    if (process.env.XLSX === "0") {
      console.log(`\n${summaryTable()}`);
      console.log(`\nresults: ${writeResults("reports", { ...common, xlsx: "skipped (XLSX=0)", loadAtStart, machine: await machineInfo((sql) => admin.query(sql)), at: new Date().toISOString() })}`);
      return;
    }
    // XLSX export of 100,000 invoices: time to the first byte and to the last, peak RSS growth.
    const span = await admin.query<{ from: string; n: number }>(
      `SELECT min(d)::text AS from, count(*)::int AS n FROM (SELECT "issueDate" AS d FROM "Invoice" WHERE "companyId" = $1 AND type = 'INVOICE' ORDER BY "issueDate" DESC LIMIT 100000) s`,
      [COMPANY_ID],
    );
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

    let gstr1: Record<string, unknown> | string = "skipped (GSTR1=0)";
    if (process.env.GSTR1 !== "0") {
      await ensureGstData(admin);
      const gstCtx = makeCtx({ ...actor, userId: "bench_reports_gst_manager", companyId: GST_ID }, { now: () => new Date(`${TODAY}T06:30:00Z`) });
      const runs: Footprint[] = [];
      let shape: Record<string, unknown> = {};
      for (let i = 0; i < 3; i++) {
        const { run, value: r } = await measured(() => getGstr1(gstCtx, { fp: "112026" }));
        runs.push(run);
        shape = { documents: r.tieOut.register.documents, b2b: r.sections.find((x) => x.section === "b2b")?.records, b2cs: r.sections.find((x) => x.section === "b2cs")?.records, cdnr: r.sections.find((x) => x.section === "cdnr")?.records, problems: r.problems.length, tiesOut: r.tieOut.ok, jsonBytes: JSON.stringify(r.json).length };
      }
      const worst = { ms: Math.max(...runs.map((r) => r.ms)), rssGrowthMb: Math.max(...runs.map((r) => r.rssGrowthMb)) };
      gstr1 = { ...shape, runs, meetsTarget: worst.ms < TARGETS.gstr1Ms && worst.rssGrowthMb < TARGETS.gstr1RssMb };
      console.log(`GSTR-1 of ${GST_DOCUMENTS} documents: ${runs.map((r) => `${r.ms} ms (RSS +${r.rssGrowthMb} MB, heap +${r.heapGrowthMb} MB)`).join(", ")}; ${JSON.stringify(shape)}`);
    }

    console.log(`\n${summaryTable()}`);
    const out = writeResults("reports", {
      description:
        "Dashboard and sales report in-process for one company with INVOICES×4 invoice lines over 24 months (5% credit notes) beside another company's 100,000 lines, the sales figures read from the rollups (category from the invoice lines); XLSX export of 100,000 invoices streamed",
      ...common,
      xlsx,
      gstr1,
      loadAtStart,
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

/**
 * The rollups of both companies equal to their documents: the sales rollups rebuilt when the
 * documents they count differ from the issued documents, the open receivables when their open amount
 * differs from the documents' (after seeding, or on a database migrated before they existed).
 */
async function ensureRollups(c: pg.Client, rebuildSales: (companyId: string) => Promise<unknown>, rebuildOpen: (companyId: string) => Promise<unknown>) {
  const out: Record<string, Record<string, number | null>> = {};
  for (const id of [COMPANY_ID, OTHER_ID]) {
    const { rows } = await c.query<{ issued: number; counted: number; open: string; kept: string }>(
      `SELECT (SELECT count(*)::int FROM "Invoice" WHERE "companyId" = $1 AND status = 'ISSUED') AS issued,
              (SELECT coalesce(sum(documents), 0)::int FROM "SalesByMonth" WHERE "companyId" = $1) AS counted,
              (SELECT coalesce(sum("grandTotal" - "settledAmount"), 0)::text FROM "Invoice" WHERE "companyId" = $1 AND status = 'ISSUED') AS open,
              (SELECT coalesce(sum(amount), 0)::text FROM "OpenReceivables" WHERE "companyId" = $1) AS kept`,
      [id],
    );
    let salesRebuiltInMs: number | null = null;
    let receivablesRebuiltInMs: number | null = null;
    if (rows[0]!.issued !== rows[0]!.counted) {
      const t = performance.now();
      await rebuildSales(id);
      salesRebuiltInMs = Math.round(performance.now() - t);
      console.log(`sales rollups of ${id} rebuilt in ${salesRebuiltInMs} ms`);
    }
    if (rows[0]!.open !== rows[0]!.kept) {
      const t = performance.now();
      await rebuildOpen(id);
      receivablesRebuiltInMs = Math.round(performance.now() - t);
      console.log(`open receivables of ${id} rebuilt in ${receivablesRebuiltInMs} ms`);
    }
    const n = async (table: string) => (await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "companyId" = $1`, [id])).rows[0]!.n;
    out[id] = {
      salesRebuiltInMs,
      receivablesRebuiltInMs,
      salesByDay: await n("SalesByDay"),
      salesByMonth: await n("SalesByMonth"),
      productSalesByDay: await n("ProductSalesByDay"),
      productSalesByMonth: await n("ProductSalesByMonth"),
      openReceivables: await n("OpenReceivables"),
    };
  }
  await c.query(`ANALYZE "SalesByDay"; ANALYZE "SalesByMonth"; ANALYZE "ProductSalesByDay"; ANALYZE "ProductSalesByMonth"; ANALYZE "OpenReceivables"`);
  return out;
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
          "grossValue", "taxableValue", "gstRate", "cgstAmount", "sgstAmount", "igstAmount", "cessAmount", "lineTotal", "unitCost")
       SELECT i.id || '_' || n, i.id, $2, n, $1 || '_p_' || p, 'SKU-' || p, 'Bench product ' || p, '19053100', 'PCS', 10, 100, false,
          1000, 1000, 18, 90, 90, 0, 0, 1180, CASE WHEN p % 5 = 0 THEN NULL ELSE 70 + p % 300 END
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
