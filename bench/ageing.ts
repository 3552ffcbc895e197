// Receivables ageing at scale: one company with 200,000 issued invoices across 2,000 retailers,
// most of them paid (one receipt and allocation each), some part-paid, the rest open, plus advances
// on account — bulk-inserted with SQL generate_series (not the domain functions, which would take
// hours). Then getAgeing() in-process: page 1 with the company totals (the Receivables screen), a
// search, a past as-of day (the allocation-aware path), and one retailer's ledger; p50/p95 over 30
// runs against a 300 ms p95 target, the plan of the ageing query, and a check that the company total
// equals the sum of the ledger balances (getOutstandingByConnection).
//
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/erp_bench_ageing npx tsx --conditions=react-server bench/ageing.ts
// Env: INVOICES (200000), RETAILERS (2000), SAMPLES (30), WARMUP (3).
import pg from "pg";
import { describeUrl, openBenchDb } from "./lib/db";
import { machineInfo, measure, summarize, table, writeResults, type Summary } from "./lib/stats";

const INVOICES = Number(process.env.INVOICES ?? 200_000);
const RETAILERS = Number(process.env.RETAILERS ?? 2_000);
const SAMPLES = Number(process.env.SAMPLES ?? 30);
const WARMUP = Number(process.env.WARMUP ?? 3);
const TARGET_P95_MS = 300;
const CODE = "BAGE";
const COMPANY_ID = "bench_ageing_company";
/** Invoices are dated over the 400 days before this day; ageing is measured as of it. */
const AS_OF = "2026-11-29";

async function main() {
  const db = await openBenchDb();
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const { prisma, disconnect } = await import("../lib/db/client");
  const { makeCtx } = await import("../lib/ctx");
  const { getAgeing } = await import("../lib/billing/get-ageing");
  const { getLedger } = await import("../lib/billing/get-ledger");
  const { getOutstandingByConnection } = await import("../lib/billing/outstanding");
  const { ageingCte } = await import("../lib/billing/ageing-sql");
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
    const seeded = await ensureData(admin);
    const actor = { kind: "staff" as const, userId: "bench_ageing_owner", email: "owner@bench-ageing.example", name: "Bench owner", companyId: COMPANY_ID, role: "OWNER" as const };
    const ctx = makeCtx(actor, { now: () => new Date(`${AS_OF}T06:30:00Z`) });
    const someConnection = (await admin.query<{ id: string }>(`SELECT "connectionId" AS id FROM "Invoice" WHERE "companyId" = $1 ORDER BY "grandTotal" - "settledAmount" DESC LIMIT 1`, [COMPANY_ID])).rows[0].id;

    const scenarios: { name: string; run: () => Promise<unknown> }[] = [
      { name: "ageing page 1 + company totals (sort -total)", run: () => getAgeing(ctx, {}) },
      { name: "ageing page 1 sorted by 90+ days", run: () => getAgeing(ctx, { sort: "-d90_plus" }) },
      { name: "ageing, search 'Retailer 01'", run: () => getAgeing(ctx, { q: "Retailer 01" }) },
      { name: "ageing page 20 (last)", run: () => getAgeing(ctx, { page: Math.ceil(RETAILERS / 50) }) },
      { name: "ageing as of 90 days ago (historic path)", run: () => getAgeing(ctx, { asOf: "2026-08-31" }) },
      { name: "one retailer's ledger (FY to date)", run: () => getLedger(ctx, { connectionId: someConnection }) },
    ];
    const rows: { scenario: string; summary: Summary; meetsTarget: boolean }[] = [];
    for (const s of scenarios) {
      const summary = summarize(await measure(s.run, { warmup: WARMUP, samples: SAMPLES }));
      rows.push({ scenario: s.name, summary, meetsTarget: summary.p95 < TARGET_P95_MS });
      console.log(`${s.name}: p50 ${summary.p50} ms, p95 ${summary.p95} ms`);
    }

    // The invariant on the big data set: company total = sum of every retailer's ledger balance.
    const report = await getAgeing(ctx, {});
    const balances = await getOutstandingByConnection(prisma, COMPANY_ID);
    const sum = [...balances.values()].reduce((s, v) => s + BigInt(v.replace(".", "")), 0n);
    const ledgerTotal = `${sum / 100n}.${String(sum % 100n).padStart(2, "0")}`;
    const invariant = { ageingTotal: report.totals.total, sumOfLedgerBalances: ledgerTotal, equal: report.totals.total === ledgerTotal, retailersWithBalance: report.retailersWithBalance };
    console.log(`invariant: ageing total ${invariant.ageingTotal} vs ledger balances ${invariant.sumOfLedgerBalances} → ${invariant.equal ? "equal" : "DIFFERENT"}`);

    const plan = (await prisma.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN (ANALYZE, BUFFERS) ${ageingCte({ companyId: COMPANY_ID }, AS_OF, { historic: false })} SELECT count(*) FROM per`).map((r) => r["QUERY PLAN"]).join("\n");

    console.log(`\n${table(["scenario", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", `p95 < ${TARGET_P95_MS}`], rows.map((r) => [r.scenario, r.summary.n, r.summary.p50, r.summary.p95, r.summary.p99, r.summary.max, r.meetsTarget ? "yes" : "NO"]))}`);
    const file = writeResults("ageing", {
      description: "getAgeing() in-process for one company with INVOICES issued invoices across RETAILERS retailers (60% paid by one receipt each, 10% half paid, 30% open; one advance per 10 retailers); 30 timed runs after warm-up",
      target: { p95Ms: TARGET_P95_MS },
      data: seeded,
      asOf: AS_OF,
      results: rows,
      invariant,
      plan,
      machine: await machineInfo((sql) => admin.query(sql)),
      at: new Date().toISOString(),
    });
    console.log(`\nresults: ${file}`);
  } finally {
    await admin.end();
    await disconnect();
    await db.stop();
  }
}

/** The company, retailers, invoices, receipts and allocations, inserted once (kept between runs). */
async function ensureData(c: pg.Client) {
  const have = await c.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Invoice" WHERE "companyId" = $1`, [COMPANY_ID]);
  if (have.rows[0].n === INVOICES) return counts(c);
  console.log(`seeding ${INVOICES.toLocaleString("en-IN")} invoices across ${RETAILERS.toLocaleString("en-IN")} retailers…`);
  const t = performance.now();
  await c.query("BEGIN");
  await c.query(`DELETE FROM "Allocation" WHERE "companyId" = $1`, [COMPANY_ID]);
  await c.query(`DELETE FROM "Payment" WHERE "companyId" = $1`, [COMPANY_ID]);
  await c.query(`DELETE FROM "Invoice" WHERE "companyId" = $1`, [COMPANY_ID]);
  await c.query(`DELETE FROM "Connection" WHERE "companyId" = $1`, [COMPANY_ID]);
  await c.query(`DELETE FROM "Retailer" WHERE id LIKE 'bage_r_%'`);
  await c.query(`DELETE FROM "Company" WHERE id = $1`, [COMPANY_ID]);
  await c.query(
    `INSERT INTO "Company" (id, code, "legalName", "stateCode", "addressLine1", city, pincode, gstin, "updatedAt")
     VALUES ($1, $2, 'Bench Ageing Traders Pvt Ltd', '27', '1 Bench Road', 'Pune', '411001', '27AABCB9999K1Z5', now())`,
    [COMPANY_ID, CODE],
  );
  await c.query(
    `INSERT INTO "Retailer" (id, "legalName", "stateCode", "addressLine1", city, pincode, "updatedAt")
     SELECT 'bage_r_' || lpad(g::text, 5, '0'), 'Bench Retailer ' || lpad(g::text, 5, '0'), '27', 'Shop ' || g, 'Pune', '411002', now()
     FROM generate_series(1, $1) g`,
    [RETAILERS],
  );
  await c.query(
    `INSERT INTO "Connection" (id, "companyId", "retailerId", status, "customerCode", "creditLimit", "paymentTermsDays", "placeOfSupply", "activatedAt", "updatedAt")
     SELECT 'bage_c_' || lpad(g::text, 5, '0'), $1, 'bage_r_' || lpad(g::text, 5, '0'), 'ACTIVE', 'B-' || lpad(g::text, 5, '0'), 500000, (ARRAY[0, 15, 30, 45])[1 + g % 4], '27', now(), now()
     FROM generate_series(1, $2) g`,
    [COMPANY_ID, RETAILERS],
  );
  // Invoice g: retailer g % RETAILERS, issued within the last 400 days, due after the connection's terms;
  // (g / 7) % 10 in 0–5 fully paid, 6 half paid, 7–9 open (varies within each retailer). Totals are whole rupees with 18% GST split.
  await c.query(
    `INSERT INTO "Invoice" (id, "companyId", type, number, series, "financialYear", status, "issueDate", "dueDate", "connectionId", "retailerId",
        "taxType", "supplierStateCode", "placeOfSupply", "sellerGstin", seller, "buyerName", buyer,
        "taxableTotal", "cgstTotal", "sgstTotal", "igstTotal", "cessTotal", "roundOff", "grandTotal", "settledAmount", "updatedAt")
     SELECT 'bage_i_' || g, $1, 'INVOICE', 'INV/' || fy || '/' || lpad(g::text, 6, '0'), 'INV', fy, 'ISSUED', issue, issue + terms, cid, rid,
        'intra', '27', '27', '27AABCB9999K1Z5', '{}'::jsonb, 'Bench Retailer', '{}'::jsonb,
        round(total / 1.18, 2), round((total - round(total / 1.18, 2)) / 2, 2), total - round(total / 1.18, 2) - round((total - round(total / 1.18, 2)) / 2, 2), 0, 0, 0, total,
        CASE WHEN (g / 7) % 10 < 6 THEN total WHEN (g / 7) % 10 = 6 THEN round(total / 2, 2) ELSE 0 END, now()
     FROM (
       SELECT g, 'bage_c_' || lpad((1 + g % $2)::text, 5, '0') AS cid, 'bage_r_' || lpad((1 + g % $2)::text, 5, '0') AS rid,
              ($3::date - (g::bigint * 7919 % 400)::int) AS issue, (ARRAY[0, 15, 30, 45])[1 + (1 + g % $2) % 4] AS terms,
              (500 + (g::bigint * 104729 % 95000))::numeric AS total,
              CASE WHEN ($3::date - (g::bigint * 7919 % 400)::int) >= '2026-04-01' THEN '26-27' ELSE '25-26' END AS fy
       FROM generate_series(1, $4) g
     ) s`,
    [COMPANY_ID, RETAILERS, AS_OF, INVOICES],
  );
  // One receipt per paid or half-paid invoice, dated on or after the invoice, allocated to it.
  await c.query(
    `INSERT INTO "Payment" (id, "companyId", number, kind, status, "connectionId", "retailerId", method, amount, "allocatedAmount", "paidOn", reference, "updatedAt")
     SELECT 'bage_p_' || substr(i.id, 8), i."companyId", 'RCT/' || i."financialYear" || '/' || lpad(substr(i.id, 8), 6, '0'), 'RECEIPT', 'RECORDED', i."connectionId", i."retailerId",
            'BANK_TRANSFER', i."settledAmount", i."settledAmount", least(i."issueDate" + 10, $2::date), 'UTR' || substr(i.id, 8), now()
     FROM "Invoice" i WHERE i."companyId" = $1 AND i."settledAmount" > 0`,
    [COMPANY_ID, AS_OF],
  );
  await c.query(
    `INSERT INTO "Allocation" (id, "companyId", "connectionId", "paymentId", "invoiceId", amount)
     SELECT 'bage_a_' || substr(i.id, 8), i."companyId", i."connectionId", 'bage_p_' || substr(i.id, 8), i.id, i."settledAmount"
     FROM "Invoice" i WHERE i."companyId" = $1 AND i."settledAmount" > 0`,
    [COMPANY_ID],
  );
  // Advances on account: one unallocated receipt for every tenth retailer.
  await c.query(
    `INSERT INTO "Payment" (id, "companyId", number, kind, status, "connectionId", "retailerId", method, amount, "paidOn", reference, "updatedAt")
     SELECT 'bage_adv_' || g, $1, 'RCT/26-27/9' || lpad(g::text, 5, '0'), 'RECEIPT', 'RECORDED', 'bage_c_' || lpad(g::text, 5, '0'), 'bage_r_' || lpad(g::text, 5, '0'),
            'UPI', 2500, $2::date - 3, 'UPI-ADV-' || g, now()
     FROM generate_series(10, $3, 10) g`,
    [COMPANY_ID, AS_OF, RETAILERS],
  );
  await c.query("COMMIT");
  await c.query(`ANALYZE "Invoice"; ANALYZE "Payment"; ANALYZE "Allocation"; ANALYZE "Connection"; ANALYZE "Retailer"`);
  console.log(`seeded in ${Math.round((performance.now() - t) / 1000)} s`);
  return counts(c);
}

async function counts(c: pg.Client) {
  const q = async (sql: string) => (await c.query<{ n: number }>(sql, [COMPANY_ID])).rows[0].n;
  return {
    invoices: await q(`SELECT count(*)::int AS n FROM "Invoice" WHERE "companyId" = $1`),
    openInvoices: await q(`SELECT count(*)::int AS n FROM "Invoice" WHERE "companyId" = $1 AND "settledAmount" < "grandTotal"`),
    retailers: await q(`SELECT count(*)::int AS n FROM "Connection" WHERE "companyId" = $1`),
    payments: await q(`SELECT count(*)::int AS n FROM "Payment" WHERE "companyId" = $1`),
    allocations: await q(`SELECT count(*)::int AS n FROM "Allocation" WHERE "companyId" = $1`),
  };
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
