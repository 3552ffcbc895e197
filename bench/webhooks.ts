// Payment webhooks under load: 2,000 Razorpay-signed events (the local payment sandbox's real events
// for PAYMENTS paid invoices — payment.authorized, payment.captured, payment_link.paid — plus 10 %
// duplicates, shuffled) posted to the Razorpay webhook route at concurrency 16. Measures every
// acknowledgement (target p99 < 50 ms), then the time until pg-boss workers have applied the last
// event, and checks everything was applied exactly once: one receipt per payment, every invoice paid,
// one stored event per event id. The route runs in-process (the route handler with real Requests), or
// over HTTP when BENCH_BASE_URL names a running app on the same database.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/erp_bench_webhooks npx tsx --conditions=react-server bench/webhooks.ts
// Env: PAYMENTS (600), DUPLICATES (0.1), CONCURRENCY (16), WORKER_CONCURRENCY (4).
import pg from "pg";
import { describeUrl, openBenchDb } from "./lib/db";
import { machineInfo, summarize, table, writeResults } from "./lib/stats";

const PAYMENTS = Number(process.env.PAYMENTS ?? 600);
const DUPLICATES = Number(process.env.DUPLICATES ?? 0.1);
const CONCURRENCY = Number(process.env.CONCURRENCY ?? 16);
const WORKER_CONCURRENCY = Number(process.env.WORKER_CONCURRENCY ?? 4);
const TARGET_P99_MS = 50;

type Delivery = { eventId: string; body: string; signature: string };

async function main() {
  const db = await openBenchDb();
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  process.env.LOG_LEVEL ??= "warn";
  const { prisma, disconnect } = await import("../lib/db/client");
  const { orderShop } = await import("../tests/support/order-factories");
  const { insertInvoiceRow } = await import("../tests/support/billing-factories");
  const { addGatewayAccount } = await import("../lib/billing/gateway/gateway-accounts");
  const { createPayLink } = await import("../lib/billing/gateway/create-pay-link");
  const { paySandboxLink } = await import("../lib/billing/gateway/sandbox-checkout");
  const { decryptSecret } = await import("../lib/billing/secrets");
  const { razorpaySignature } = await import("../lib/integrations/payments/razorpay-webhook");
  const { seededRandom } = await import("../lib/demo/seeded-random");
  const route = await import("../app/api/webhooks/razorpay/[accountId]/route");
  const { startWorkers, stopWorkers } = await import("../lib/jobs/worker");
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
    // A fresh vendor, retailer and sandbox gateway account per run; PAYMENTS invoices paid in the sandbox.
    const t0 = performance.now();
    const shop = await orderShop();
    const account = await addGatewayAccount(shop.staff, { provider: "SANDBOX", label: "Bench sandbox" });
    const row = await prisma.gatewayAccount.findUniqueOrThrow({ where: { id: account.id } });
    const secret = decryptSecret(row.webhookSecretEnc);
    const invoiceIds: string[] = [];
    for (let i = 0; i < PAYMENTS; i++) {
      const inv = await insertInvoiceRow(shop, { grandTotal: String(500 + (i % 50) * 10) + ".00", issueDate: "2026-11-20", dueDate: "2026-12-20" });
      invoiceIds.push(inv.id);
      const link = await createPayLink(shop.staff, inv.id, {});
      const gl = await prisma.payLink.findUniqueOrThrow({ where: { id: link.id }, select: { gatewayLinkId: true } });
      await paySandboxLink(gl.gatewayLinkId!, { method: (["upi", "card", "netbanking"] as const)[i % 3], outcome: "succeed" });
    }
    const jobs = (await admin.query<{ data: { eventId: string; body: string } }>(`DELETE FROM pgboss.job WHERE name = 'gateway-sandbox-deliver' AND data->>'accountId' = $1 RETURNING data`, [account.id])).rows;
    const unique: Delivery[] = jobs.map((j) => ({ eventId: j.data.eventId, body: j.data.body, signature: razorpaySignature(j.data.body, secret) }));
    const rnd = seededRandom(20261205);
    const dupes = Array.from({ length: Math.round(unique.length * DUPLICATES / (1 - DUPLICATES)) }, () => unique[Math.floor(rnd() * unique.length)]);
    const all = [...unique, ...dupes];
    for (let i = all.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [all[i], all[j]] = [all[j], all[i]];
    }
    console.log(`setup: ${PAYMENTS} paid invoices, ${unique.length} events + ${dupes.length} duplicates in ${((performance.now() - t0) / 1000).toFixed(1)}s`);

    // Workers apply while the events arrive, as in production.
    await startWorkers({ pollingIntervalSeconds: 0.5, concurrency: WORKER_CONCURRENCY });
    const base = process.env.BENCH_BASE_URL?.replace(/\/$/, "");
    const post = async (d: Delivery): Promise<number> => {
      const init = { method: "POST", headers: { "content-type": "application/json", "x-razorpay-signature": d.signature, "x-razorpay-event-id": d.eventId }, body: d.body };
      const res = base
        ? await fetch(`${base}/api/webhooks/razorpay/${row.publicId}`, init)
        : await route.POST(new Request(`http://localhost/api/webhooks/razorpay/${row.publicId}`, init), { params: Promise.resolve({ accountId: row.publicId }) });
      await res.text();
      return res.status;
    };
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        for (;;) {
          const i = next++;
          if (i >= all.length) return;
          const t = performance.now();
          const status = await post(all[i]);
          latencies.push(performance.now() - t);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const postedSeconds = (performance.now() - started) / 1000;
    // Until the last event is applied.
    let pending = Infinity;
    while (pending > 0) {
      pending = await prisma.webhookEvent.count({ where: { accountId: account.id, status: { in: ["RECEIVED", "VERIFIED"] } } });
      if (pending > 0) await new Promise((r) => setTimeout(r, 100));
      if (performance.now() - started > 600_000) throw new Error(`${pending} events still not applied after 10 minutes`);
    }
    const appliedSeconds = (performance.now() - started) / 1000;
    await stopWorkers();

    const ack = summarize(latencies);
    const [stored, applied, receipts, attempts, unpaid] = await Promise.all([
      prisma.webhookEvent.count({ where: { accountId: account.id } }),
      prisma.webhookEvent.count({ where: { accountId: account.id, status: "APPLIED" } }),
      prisma.payment.count({ where: { companyId: shop.co, kind: "RECEIPT" } }),
      prisma.paymentAttempt.count({ where: { accountId: account.id, status: "CAPTURED", paymentId: { not: null } } }),
      admin.query<{ n: string }>(`SELECT count(*) AS n FROM "Invoice" WHERE id = ANY($1) AND "settledAmount" <> "grandTotal"`, [invoiceIds]).then((r) => Number(r.rows[0].n)),
    ]);
    const checks = { storedOnce: stored === unique.length, allApplied: applied === unique.length, oneReceiptPerPayment: receipts === PAYMENTS && attempts === PAYMENTS, everyInvoicePaid: unpaid === 0, all2xx: (statuses.get(200) ?? 0) === all.length };
    const ok = Object.values(checks).every(Boolean);
    console.log(`\nRazorpay webhook route (${base ? "HTTP " + base : "in-process route handler"}), ${all.length} deliveries at concurrency ${CONCURRENCY}, ${WORKER_CONCURRENCY} worker slots per queue:\n`);
    console.log(
      table(
        ["deliveries", "unique", "dupes", "ack p50 ms", "ack p95 ms", "ack p99 ms", "ack max ms", `p99 < ${TARGET_P99_MS}`, "posted in s", "last applied at s", "checks"],
        [[all.length, unique.length, dupes.length, ack.p50.toFixed(1), ack.p95.toFixed(1), ack.p99.toFixed(1), ack.max.toFixed(1), ack.p99 < TARGET_P99_MS ? "yes" : "NO", postedSeconds.toFixed(1), appliedSeconds.toFixed(1), ok ? "ok" : "FAILED " + JSON.stringify(checks)]],
      ),
    );
    const file = writeResults("webhooks", {
      door: base ? `http ${base}` : "in-process route handler",
      payments: PAYMENTS,
      deliveries: all.length,
      unique: unique.length,
      duplicates: dupes.length,
      concurrency: CONCURRENCY,
      workerConcurrency: WORKER_CONCURRENCY,
      ackMs: ack,
      targetP99Ms: TARGET_P99_MS,
      meetsTarget: ack.p99 < TARGET_P99_MS,
      postedSeconds,
      lastAppliedSeconds: appliedSeconds,
      statuses: Object.fromEntries(statuses),
      checks,
      machine: await machineInfo((sql) => admin.query(sql)),
    });
    console.log(`\nresults: ${file}`);
    if (!ok) process.exitCode = 1;
  } finally {
    await stopWorkers().catch(() => {});
    await admin.end();
    await disconnect();
    await db.stop();
  }
}

await main();
