// The staff's order reads and moves of the mixed load (bench/mixed.ts), in-process through their domain
// functions on the mixed data set: one order's view (getOrderOrThrow, what GET /orders/{id} answers),
// confirming a placed order, packing a confirmed one, delivering a dispatched one, invoicing a packed
// one and recording a retailer's receipt. Each is called CALLS times one after another, after WARMUP
// calls, on orders (or retailers with something due) of the data set; printed per action: wall p50/p95,
// the process's CPU per call (user + system), PostgreSQL's (every postgres process, from /proc; the
// database must run on this machine) and the SQL statements sent per call (pg's query calls, BEGIN and
// COMMIT included). The statement count does not depend on the machine: it is the figure to compare
// between two versions of the code; the CPU is this machine's, read to ±15 %.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/erp_bench_mixed npx tsx --conditions=react-server bench/order-actions.ts
// Env: CALLS (300), WARMUP (30), RESULTS_NAME (order-actions), ACTIONS (all: "order view,confirm,pack,deliver,
// invoice,payment"; invoice issues the tax invoice of the orders pack has just packed, so it comes with both).
// The data set must exist (bench/mixed.ts builds it); confirming, packing and delivering use up its placed and
// dispatched orders (2,000 and 750 when built; its mixed load places more).
import { openMixedDataSet, timeCalls, type CallFigures } from "./lib/in-process";
import { machineInfo, writeResults } from "./lib/stats";

const CALLS = Number(process.env.CALLS ?? 300);
const WARMUP = Number(process.env.WARMUP ?? 30);

async function main() {
  const { admin, spec } = await openMixedDataSet();
  const { makeCtx } = await import("../lib/ctx");
  const { getOrderOrThrow } = await import("../lib/orders/get-order-or-throw");
  const { confirmOrder } = await import("../lib/orders/confirm-order");
  const { packOrder } = await import("../lib/orders/pack-order");
  const { deliverOrder } = await import("../lib/orders/deliver-order");
  const { invoiceOrder } = await import("../lib/billing/invoice-order");
  const { recordPayment } = await import("../lib/billing/record-payment");
  const { istDay } = await import("../lib/pricing/dates");
  const { disconnect } = await import("../lib/db/client");
  const { stopBoss } = await import("../lib/jobs/boss");

  const staff = makeCtx({ kind: "staff", userId: `${spec.p}_su_1`, email: `staff1@${spec.code.toLowerCase()}.bench.example`, name: "Bench Staff 1", companyId: spec.companyId, role: "MANAGER" });
  const n = CALLS + WARMUP;
  const ids = async (status: string, extra = "") =>
    (await admin.query<{ id: string }>(`SELECT id FROM "Order" WHERE "companyId" = $1 AND status = $2::"OrderStatus" ${extra} ORDER BY "placedAt" DESC, id LIMIT $3`, [spec.companyId, status, n])).rows.map((r) => r.id);
  const placed = await ids("PLACED");
  // Delivering takes the general path of order moves (lib/orders/transition-order.ts).
  const dispatched = await ids("DISPATCHED", `AND "dispatchedAt" <= now()`);
  // Retailers with something due: a UPI receipt each, allocated oldest due first (POST /payments, as bench/mixed.ts sends it).
  const dues = (
    await admin.query<{ id: string }>(
      `SELECT "connectionId" AS id FROM "Invoice" WHERE "companyId" = $1 AND status = 'ISSUED' AND type = 'INVOICE' AND "settledAmount" < "grandTotal" GROUP BY 1 ORDER BY 1 LIMIT $2`,
      [spec.companyId, n],
    )
  ).rows.map((r) => r.id);
  const today = istDay(new Date());
  const anyOrders = (await admin.query<{ id: string }>(`SELECT id FROM "Order" WHERE "companyId" = $1 ORDER BY id LIMIT $2`, [spec.companyId, n])).rows.map((r) => r.id);

  // Each action with the orders it works on (it uses them up); ACTIONS picks some ("order view,deliver").
  const all: Record<string, [(i: number) => Promise<unknown>, string[]]> = {
    "order view": [(i) => getOrderOrThrow(staff, anyOrders[i]), anyOrders],
    confirm: [(i) => confirmOrder(staff, placed[i], {}), placed],
    // The orders just confirmed, in the same order.
    pack: [(i) => packOrder(staff, placed[i], {}), placed],
    deliver: [(i) => deliverOrder(staff, dispatched[i], { receivedBy: "Ramesh (shop owner)" }), dispatched],
    // The orders just packed: their tax invoice (POST /orders/{id}/invoice).
    invoice: [(i) => invoiceOrder(staff, placed[i], {}), placed],
    payment: [(i) => recordPayment(staff, { connectionId: dues[i], amount: String(500 + ((i * 137) % 5000)), method: "UPI", reference: `UPI${Date.now()}${i}`, paidOn: today }), dues],
  };
  const wanted = process.env.ACTIONS ? process.env.ACTIONS.split(",").map((a) => a.trim()) : Object.keys(all);
  const actions: Record<string, (i: number) => Promise<unknown>> = {};
  for (const name of wanted) {
    if (!all[name]) throw new Error(`ACTIONS: no action "${name}" (${Object.keys(all).join(", ")})`);
    const [act, orders] = all[name];
    if (orders.length < n) throw new Error(`${name}: ${orders.length} orders to work on, ${n} needed: rebuild the data set (MIXED_REBUILD=1 bench/mixed.ts), lower CALLS or leave it out of ACTIONS`);
    actions[name] = act;
  }
  const results: Record<string, CallFigures> = {};
  for (const [name, act] of Object.entries(actions)) {
    results[name] = await timeCalls(act, { calls: CALLS, warmup: WARMUP, offset: WARMUP, dbCpu: true });
    console.log(`${name.padEnd(12)} wall p50 ${results[name].wallP50} ms, p95 ${results[name].wallP95} ms; CPU ${results[name].cpuMsPerCall} ms here and ${results[name].dbCpuMsPerCall} ms in PostgreSQL, ${results[name].statementsPerCall} statements per call`);
  }
  const file = writeResults(process.env.RESULTS_NAME ?? "order-actions", {
    at: new Date().toISOString(),
    machine: await machineInfo((sql) => admin.query(sql)),
    setup: { calls: CALLS, warmup: WARMUP, door: "domain functions in-process", data: "bench/mixed.ts data set (SCALE 1)", actor: "a manager of the data set's company" },
    results,
  });
  console.log(`written: ${file}`);
  await admin.end();
  // Confirming queues the order's notices: the job queue's client started then, and is stopped here.
  await stopBoss();
  await disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
