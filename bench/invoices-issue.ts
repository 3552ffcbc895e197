// Issuing GST invoices under load, in-process through the domain functions (the route is a thin
// door onto them; the HTTP overhead is measured by bench/orders.ts):
//   1. issueInvoice (3 catalog lines, a random one of RETAILERS retailers) at concurrency 1 and 8;
//   2. invoiceOrder on packed orders (made beforehand through the order functions, not timed; an order
//      is invoiced before it is dispatched) at concurrency 8;
//   3. issueCreditNote ("full", one per invoice of phase 1) at concurrency 8;
//   4. recordPayment (a ₹700 receipt of a random retailer, allocated oldest due first against what the
//      phases above left open) at concurrency 8: receipts share one RCT series per company too.
//   5. the background work of EINVOICE_JOBS e-invoiced invoices (the company e-invoices and mails on issue): issued
//      one after another, then their jobs (IRP sandbox, PDF, mail and its delivery) run in the order a real IRP
//      gives them, its answer after the other queues' jobs: PDFs drawn and CPU per invoice, mails sent.
// Every phase checks that the numbers of each series (receipts too) are gapless and distinct (count == distinct ==
// highest running number) and that Order.invoicedTotal equals the invoices made from the orders.
// While a phase runs, pg_stat_activity is sampled every 25 ms: the share of the bench's active
// backends waiting on a lock (and on which: the series counter is a "tuple"/"transactionid" wait
// on DocumentSequence) is printed beside the latencies, with the load average.
//
//   npx tsx --conditions=react-server bench/invoices-issue.ts
// Env: RESULTS_NAME (invoices-issue), BENCH_DATABASE_URL / DATABASE_URL (else embedded under .data/bench-postgres), INVOICES (300
// per direct phase), ORDERS (120), CONCURRENCY ("1,8" for direct; the order phase runs at the
// highest), RETAILERS (40), EINVOICE_JOBS (40; 0 skips phase 5). Writes bench/results/invoices-issue-<date>.json. Runs in about a minute.
import os from "node:os";
import pg from "pg";
import type { StaffActor } from "../lib/auth/actor";
import type { JobInfo } from "../lib/jobs/queues";
import { describeUrl, openBenchDb } from "./lib/db";
import { round, runLoad, type Line, type Outcome } from "./lib/load";
import { machineInfo, table, writeResults } from "./lib/stats";
import { seededRandom } from "../lib/demo/seeded-random";
import { makeGstin } from "../lib/demo/gstin-fixtures";

const INVOICES = Number(process.env.INVOICES ?? 300);
const ORDERS = Number(process.env.ORDERS ?? 120);
const LEVELS = (process.env.CONCURRENCY ?? "1,8").split(",").map(Number);
const RETAILERS = Number(process.env.RETAILERS ?? 40);
const EINVOICE_JOBS = Number(process.env.EINVOICE_JOBS ?? 40);
const PRODUCTS = 30;
process.env.DATABASE_POOL_SIZE = String(Math.max(...LEVELS) + 4);

type Phase = {
  kind: "direct" | "from_order" | "credit_note" | "receipt";
  concurrency: number;
  attempts: number;
  ok: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  invoicesPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  /** Of the samples of the bench's active backends, the share waiting on a lock. */
  lockWaitShare: number;
  /** Of those waits, the share per statement (named by the table it writes or locks). */
  lockWaitsOn: Record<string, number>;
  loadAverage: number[];
  checks: { gapless: boolean; invoicedTotalsMatch: boolean };
};

async function main() {
  const db = await openBenchDb();
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const { prisma, disconnect } = await import("../lib/db/client");
  const { stopBoss } = await import("../lib/jobs/boss");
  const { makeCtx } = await import("../lib/ctx");
  const { issueInvoice } = await import("../lib/billing/issue-invoice");
  const { invoiceOrder } = await import("../lib/billing/invoice-order");
  const { invoicedTotalSql } = await import("../lib/orders/invoiced-total");
  const { placeOrder } = await import("../lib/orders/place-order");
  const { confirmOrder } = await import("../lib/orders/confirm-order");
  const { packOrder } = await import("../lib/orders/pack-order");
  const { issueCreditNote } = await import("../lib/billing/issue-note");
  const { recordPayment } = await import("../lib/billing/record-payment");
  const { istDay } = await import("../lib/pricing/dates");
  const { applyMovements } = await import("../lib/inventory/ledger");
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
    const run = Date.now().toString(36).toUpperCase();
    const setup = await makeCompany(prisma, run);
    const actor: StaffActor = { kind: "staff", userId: setup.userId, email: setup.email, name: "Bench Accountant", companyId: setup.companyId, role: "OWNER" };
    const ctx = () => makeCtx(actor, { db: prisma });
    await prisma.$transaction((tx) =>
      applyMovements(tx, { companyId: setup.companyId, movements: setup.productIds.map((productId) => ({ productId, warehouseId: setup.warehouseId, kind: "RECEIPT", onHandDelta: "100000", reservedDelta: "0", reason: "bench stock" })) }),
    );
    const pick = (seed: number, i: number) => setup.connectionIds[Math.floor(seededRandom(seed + i)() * setup.connectionIds.length)]!;
    const linesFor = (seed: number, i: number): Line[] => {
      const r = seededRandom(seed * 7 + i);
      const ids = new Set<string>();
      while (ids.size < 3) ids.add(setup.productIds[Math.floor(r() * setup.productIds.length)]!);
      return [...ids].map((productId) => ({ productId, quantity: 1 + Math.floor(r() * 5) }));
    };

    const phases: Phase[] = [];
    const issuedIds: string[] = [];
    for (const concurrency of LEVELS) {
      const seed = 20261129 + concurrency;
      const work = Array.from({ length: INVOICES }, (_, i) => linesFor(seed, i));
      const attempt = async (lines: Line[], i: number): Promise<Outcome> => {
        const inv = await issueInvoice(ctx(), { connectionId: pick(seed, i), lines: lines.map((l) => ({ productId: l.productId, quantity: String(l.quantity) })) });
        issuedIds.push(inv.id);
        return "ok";
      };
      phases.push(await phase("direct", concurrency, work, attempt));
    }

    // Packed orders to invoice (setup, not timed): one order per retailer at a time.
    console.log(`making ${ORDERS} packed orders…`);
    const orderIds: string[] = [];
    for (let i = 0; i < ORDERS; i++) {
      const lines = linesFor(777, i).map((l) => ({ productId: l.productId, quantity: String(l.quantity) }));
      const o = await placeOrder(ctx(), { connectionId: setup.connectionIds[i % setup.connectionIds.length], lines });
      await confirmOrder(ctx(), o.id);
      await packOrder(ctx(), o.id);
      orderIds.push(o.id);
    }
    const top = Math.max(...LEVELS);
    phases.push(await phase("from_order", top, orderIds.map(() => [] as Line[]), async (_l, i) => (await invoiceOrder(ctx(), orderIds[i]!), "ok")));
    const noteTargets = issuedIds.slice(0, Math.min(issuedIds.length, INVOICES));
    phases.push(await phase("credit_note", top, noteTargets.map(() => [] as Line[]), async (_l, i) => (await issueCreditNote(ctx(), noteTargets[i]!, { reason: "RETURN", lines: "full" }), "ok")));
    const today = istDay(new Date());
    phases.push(await phase("receipt", top, Array.from({ length: INVOICES }, () => [] as Line[]), async (_l, i) => (await recordPayment(ctx(), { connectionId: pick(424242, i), amount: "700.00", method: "UPI", reference: `UPI${i}`, paidOn: today }), "ok")));

    const eInvoiced = EINVOICE_JOBS > 0 ? await eInvoicedBackground() : null;

    /** Phase 5: what an e-invoiced invoice costs in the background, each job run once in a real IRP's order. */
    async function eInvoicedBackground() {
      const { handlers } = await import("../lib/jobs/handlers");
      const { pdfsDrawn } = await import("../lib/pdf/render-pool");
      await prisma.billingSettings.upsert({ where: { companyId: setup.companyId }, create: { companyId: setup.companyId, eInvoiceEnabled: true, emailOnIssue: true }, update: { eInvoiceEnabled: true, emailOnIssue: true } });
      const ids: string[] = [];
      for (let i = 0; i < EINVOICE_JOBS; i++) ids.push((await issueInvoice(ctx(), { connectionId: pick(5150, i), lines: linesFor(5150, i).map((l) => ({ productId: l.productId, quantity: String(l.quantity) })) })).id);
      const jobsRun: Record<string, number> = {};
      const drawnBefore = pdfsDrawn();
      const cpu = process.cpuUsage();
      for (let round = 0; round < 8; round++) {
        const { rows: mails } = await admin.query<{ id: string }>(`SELECT id FROM "EmailMessage" WHERE "dedupeKey" = ANY($1)`, [ids.map((id) => `invoice-email:${id}`)]);
        const { rows: jobs } = await admin.query<{ id: string; name: string; data: unknown }>(
          `DELETE FROM pgboss.job WHERE state = 'created' AND (data->>'invoiceId' = ANY($1) OR data->>'emailId' = ANY($2)) RETURNING id, name, data`,
          [ids, mails.map((m) => m.id)],
        );
        if (!jobs.length) break;
        jobs.sort((a, b) => Number(a.name === "einvoice-generate") - Number(b.name === "einvoice-generate"));
        for (const j of jobs) {
          const run = handlers[j.name as keyof typeof handlers] as (data: unknown, job: JobInfo) => Promise<unknown>;
          await run(j.data, { id: j.id, retryCount: 0, retryLimit: 3, finalAttempt: false });
          jobsRun[j.name] = (jobsRun[j.name] ?? 0) + 1;
        }
      }
      const used = process.cpuUsage(cpu);
      const { rows: sent } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "EmailMessage" WHERE "dedupeKey" = ANY($1) AND status = 'SENT'`, [ids.map((id) => `invoice-email:${id}`)]);
      const { rows: irns } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "Invoice" WHERE id = ANY($1) AND irn IS NOT NULL`, [ids]);
      const r = { invoices: ids.length, withIrn: Number(irns[0]!.n), jobsRun, pdfsDrawnPerInvoice: round((pdfsDrawn() - drawnBefore) / ids.length), cpuMsPerInvoice: round((used.user + used.system) / 1000 / ids.length), mailsSent: Number(sent[0]!.n) };
      console.log(`e-invoiced  background of ${r.invoices} invoices: ${r.pdfsDrawnPerInvoice} PDFs drawn and ${r.cpuMsPerInvoice} ms of CPU per invoice; ${r.withIrn} IRNs, ${r.mailsSent} mails sent; jobs ${JSON.stringify(jobsRun)}`);
      return r;
    }

    async function phase(kind: Phase["kind"], concurrency: number, work: Line[][], attempt: (lines: Line[], i: number) => Promise<Outcome>): Promise<Phase> {
      const sampler = await sampleLockWaits(db.url);
      const load = await runLoad(concurrency, work, attempt);
      const { share: lockWaitShare, on: lockWaitsOn } = await sampler.stop();
      const { rows: series } = await admin.query<{ type: string; n: string; distinct: string; max: number | null }>(
        `SELECT type::text, count(*) AS n, count(DISTINCT number) AS distinct, max(split_part(number, '/', 3)::int) AS max FROM "Invoice" WHERE "companyId" = $1 GROUP BY type
         UNION ALL SELECT kind::text, count(*), count(DISTINCT number), max(split_part(number, '/', 3)::int) FROM "Payment" WHERE "companyId" = $1 GROUP BY kind`,
        [setup.companyId],
      );
      const { rows: mismatched } = await admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM "Order" o WHERE o."companyId" = $1 AND o."invoicedTotal" <> ${invoicedTotalSql("o")}`,
        [setup.companyId],
      );
      const checks = { gapless: series.every((r) => Number(r.n) === r.max && Number(r.distinct) === r.max), invoicedTotalsMatch: Number(mismatched[0]!.n) === 0 };
      const p: Phase = {
        kind,
        concurrency,
        attempts: load.attempts,
        ok: load.ok,
        errors: load.errors,
        firstError: load.firstError,
        seconds: round(load.seconds),
        invoicesPerSec: round(load.okPerSec),
        p50: round(load.latencyOkMs.p50),
        p95: round(load.latencyOkMs.p95),
        p99: round(load.latencyOkMs.p99),
        lockWaitShare: round(lockWaitShare),
        lockWaitsOn,
        loadAverage: os.loadavg().map((x) => round(x)),
        checks,
      };
      console.log(`${kind.padEnd(11)} c=${concurrency}: ${p.ok}/${p.attempts} in ${p.seconds}s → ${p.invoicesPerSec}/s, p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms; lock waits ${Math.round(p.lockWaitShare * 100)} % of active ${JSON.stringify(p.lockWaitsOn)}; load ${p.loadAverage.join(" ")}; checks ${JSON.stringify(checks)}${p.firstError ? `; first error: ${p.firstError}` : ""}`);
      return p;
    }

    console.log(`\nIssuing tax invoices (3 lines each; numbering, dated GST rates, frozen parties, audit, jobs in one transaction), notes and receipts:\n`);
    console.log(table(["phase", "conc", "ok", "errors", "docs/s", "p50 ms", "p95 ms", "p99 ms", "lock wait", "load 1m", "gapless"], phases.map((p) => [p.kind, p.concurrency, p.ok, p.errors, p.invoicesPerSec, p.p50, p.p95, p.p99, `${Math.round(p.lockWaitShare * 100)} %`, p.loadAverage[0]!, p.checks.gapless && p.checks.invoicedTotalsMatch ? "ok" : "FAILED"])));
    const file = writeResults(process.env.RESULTS_NAME ?? "invoices-issue", {
      at: new Date().toISOString(),
      machine: await machineInfo((sql) => admin.query(sql)),
      database: { url: describeUrl(db.url), embedded: db.embedded },
      setup: { invoicesPerDirectPhase: INVOICES, orders: ORDERS, retailers: RETAILERS, products: PRODUCTS, linesPerInvoice: 3, door: "domain functions in-process" },
      phases,
      eInvoicedBackground: eInvoiced,
    });
    console.log(`written: ${file}`);
    if (phases.some((p) => p.errors > 0 || !p.checks.gapless || !p.checks.invoicedTotalsMatch)) process.exitCode = 2;
  } finally {
    await stopBoss();
    await disconnect();
    await admin.end();
    await db.stop();
  }
}

/** A fresh vendor (Maharashtra) with a warehouse, PRODUCTS products and RETAILERS active connections, half of them in Karnataka (IGST). */
async function makeCompany(prisma: typeof import("../lib/db/client").prisma, run: string) {
  const pan = (k: string, i: number) => `BNC${k}${String.fromCharCode(65 + (i % 26))}${String(1000 + i).slice(-4)}${String.fromCharCode(65 + ((i * 7) % 26))}`;
  const company = await prisma.company.create({ data: { code: `BI${run}`.slice(0, 12), legalName: `Bench Invoices ${run} Pvt Ltd`, gstin: makeGstin("27", pan("C", Number.parseInt(run.slice(-4), 36) % 9000)), stateCode: "27", addressLine1: "Plot 1, MIDC", city: "Pune", pincode: "411019" } });
  const email = `bench-invoices-${run.toLowerCase()}@bench.example`;
  const user = await prisma.user.create({ data: { email, name: "Bench Accountant", kind: "STAFF" } });
  await prisma.membership.create({ data: { companyId: company.id, userId: user.id, role: "OWNER" } });
  const wh = await prisma.warehouse.create({ data: { companyId: company.id, code: "MAIN", name: "Main", isDefault: true, addressLine1: "Plot 1", city: "Pune", stateCode: "27", pincode: "411019" } });
  const hsns = ["19053100", "84713010", "34011190", "21069099", "04021010"];
  const productIds: string[] = [];
  for (let k = 0; k < PRODUCTS; k++) {
    const p = await prisma.product.create({ data: { companyId: company.id, sku: `BI-${run}-${k}`, name: `Bench invoice item ${k}`, hsnCode: hsns[k % hsns.length]!, gstRate: "18", unit: "PCS", basePrice: String(80 + k * 5) } });
    productIds.push(p.id);
  }
  const connectionIds: string[] = [];
  for (let i = 0; i < RETAILERS; i++) {
    const state = i % 2 === 0 ? "27" : "29";
    const retailer = await prisma.retailer.create({ data: { legalName: `Bench Retail ${run} ${i}`, gstin: makeGstin(state, pan("F", i + Number.parseInt(run.slice(-3), 36))), stateCode: state, addressLine1: "Main Road", city: state === "27" ? "Nashik" : "Bengaluru", pincode: state === "27" ? "422001" : "560001", email: `retail-${run.toLowerCase()}-${i}@bench.example` } });
    const c = await prisma.connection.create({ data: { companyId: company.id, retailerId: retailer.id, status: "ACTIVE", placeOfSupply: state, paymentTermsDays: 30, customerCode: `R-${i}`, activatedAt: new Date() } });
    connectionIds.push(c.id);
  }
  return { companyId: company.id, userId: user.id, email, warehouseId: wh.id, productIds, connectionIds };
}

/**
 * Samples pg_stat_activity every 25 ms on its own connection: of the bench database's active backends
 * (other than itself), the share waiting on a lock — how much of the work is queueing, not working.
 */
async function sampleLockWaits(url: string): Promise<{ stop: () => Promise<{ share: number; on: Record<string, number> }> }> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  let active = 0;
  let waiting = 0;
  // What the waiting backends were running: the statement's first words, with the share of the waits.
  const on = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await c.query<{ waiting: boolean; query: string }>(
        `SELECT wait_event_type = 'Lock' AS waiting, regexp_replace(left(query, 300), '\\s+', ' ', 'g') AS query
         FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend' AND state <> 'idle'`,
      );
      active += rows.length;
      for (const r of rows.filter((r) => r.waiting)) {
        waiting++;
        const key = statementLabel(r.query);
        on.set(key, (on.get(key) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await c.end();
      return { share: active ? waiting / active : 0, on: Object.fromEntries([...on].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, round(n / Math.max(waiting, 1))])) };
    },
  };
}

/** A waiting statement named by the table it writes or locks. */
function statementLabel(query: string): string {
  const m = /(INSERT INTO|UPDATE|FROM) "?(?:public"?\.)?"?([A-Za-z_]+)"?/.exec(query.replace(/^WITH\s+\w+\s+AS\s*(MATERIALIZED\s*)?\(\s*/i, ""));
  return m ? `${m[1]} ${m[2]}` : query.slice(0, 40);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
