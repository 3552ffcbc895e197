// Orders under load, against the built app:
//   1. POST /api/v1/orders (3 lines, staff bearer token, a random one of 200 retailers) over HTTP at
//      concurrency 1, 8 and 32 — orders/s, p50/p95/p99, errors, and zero oversells — beside the same
//      transaction written directly in SQL with `pg` — the app's own statements (lib/orders/
//      place-order-sql.ts: one read; BEGIN with one plan per connection, pg-boss job, order + lines + event + audit with the number
//      from the company's sequence, credit check + every line's stock in one statement, COMMIT; the
//      answer comes with the write statement; all named statements, as the app's), on the same machine in the same run. The ratio HTTP/SQL is the figure that matters.
//   2. The orders list with 1,000,000 orders in the company: listOrders() in-process,
//      GET /api/v1/orders and the /orders page over HTTP, p95 against a 50 ms target.
//
//   npx tsx --conditions=react-server bench/orders.ts
// Env: BENCH_DATABASE_URL / DATABASE_URL (else embedded under .data/bench-postgres), ORDERS
// (1000000), ATTEMPTS per phase (400), CONCURRENCY ("1,8,32"), PRODUCTS (30), UNITS (100: demand
// outruns stock, so the last orders of each phase must fail with insufficient_stock), SKIP_PLACING,
// SAMPLES (200), WARMUP (20), WARMUP_ORDERS (300 untimed orders through each door first), NO_IDEMPOTENCY (send no
// Idempotency-Key), NEXT_DIST_DIR / BENCH_PORT / BENCH_BASE_URL as in bench/catalog.ts,
// CATALOG (1000 products in the bench company) and SMALL_VENDORS (0; other companies around it).
import { randomUUID } from "node:crypto";
import { cpus, loadavg } from "node:os";
import pg from "pg";
import { describeUrl, openBenchDb } from "./lib/db";
import { bearerToken, getOk, machineCpuMs, procCpuMs, procCpuSince, sessionCookie, startApp, type RunningApp } from "./lib/http";
import { seededRandom } from "../lib/demo/seeded-random";
import { makeOrders, round, runLoad, type LoadResult, type Line, type Outcome } from "./lib/load";
import { ensureOrderData, ORDER_OWNER } from "./lib/order-data";
import { machineInfo, measure, summarize, table, writeResults, type Summary } from "./lib/stats";

const ORDERS = Number(process.env.ORDERS ?? 1_000_000);
/** Products in the bench company's catalogue, and small vendors around it (bench/lib/order-data.ts). */
const CATALOG = Number(process.env.CATALOG ?? 1000);
const SMALL_VENDORS = Number(process.env.SMALL_VENDORS ?? 0);
const ATTEMPTS = Number(process.env.ATTEMPTS ?? 400);
const LEVELS = (process.env.CONCURRENCY ?? "1,8,32").split(",").map(Number);
const PRODUCTS = Number(process.env.PRODUCTS ?? 30);
const UNITS = Number(process.env.UNITS ?? 100);
/** SKIP_PLACING=1: only the list measurements (the placing phases take a few minutes). */
const SKIP_PLACING = process.env.SKIP_PLACING === "1";
const SAMPLES = Number(process.env.SAMPLES ?? 200);
const WARMUP = Number(process.env.WARMUP ?? 20);
/** Orders placed through each door, untimed, before its first measured level. */
const WARMUP_ORDERS = Number(process.env.WARMUP_ORDERS ?? 300);
const TARGET_P95_MS = 50;
/** DOORS: "http,sql" (default), or one of them (e.g. for a profile of the app alone). */
const DOORS = (process.env.DOORS ?? "http,sql").split(",") as ("http" | "sql")[];
/** SKIP_LIST=1: only the placing phases. */
const SKIP_LIST = process.env.SKIP_LIST === "1";
/** The app's default pool (lib/db/client.ts); the SQL door gets the same number of connections. */
const POOL = Number(process.env.DATABASE_POOL_SIZE ?? 10);

type Phase = Omit<LoadResult, "okUnits"> & {
  door: "http" | "sql";
  checks: Checks;
  /** The app's processes' CPU during the phase, per attempt and per placed order (http only). */
  appCpuMsPerAttempt: number | null;
  appCpuMsPerOrder: number | null;
  appProcesses: number | null;
  /**
   * Where the machine's CPU went, per attempt: the PostgreSQL server's processes (null when the database is
   * not on this machine), this bench process (the load generator, or for the sql door the client doing the
   * app's work), and the machine's cores busy on average over the phase (all processes, of `cores`).
   */
  cpu: { databaseMsPerAttempt: number | null; benchMsPerAttempt: number; machineBusyCores: number; cores: number };
  loadAverage: { before: number[]; after: number[] };
};
type Checks = { levelsOverReserved: number; negativeStock: number; reservedTotal: number; reservedByOrders: number; levelsNotEqualToLedger: number; ok: boolean };
type ListRow = { door: string; scenario: string; summary: Summary; meetsTarget: boolean };

async function main() {
  const db = await openBenchDb();
  // The PostgreSQL server's CPU is read from /proc when it runs on this machine (its processes are all "postgres").
  const dbHost = db.embedded ? "localhost" : new URL(db.url).hostname;
  const dbLocal = ["localhost", "127.0.0.1", "::1", "[::1]", ""].includes(dbHost);
  const isPostgres = (p: { comm: string }) => p.comm === "postgres";
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  let app: RunningApp | null = null;
  const { prisma, disconnect } = await import("../lib/db/client");
  const { getBoss, stopBoss } = await import("../lib/jobs/boss");
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
    const data = await ensureOrderData(admin, ORDERS, console.log, { catalog: CATALOG, smallVendors: SMALL_VENDORS });
    const { applyMovements } = await import("../lib/inventory/ledger");
    app = await startApp({ databaseUrl: db.url });
    if (!app) throw new Error("the orders bench needs a production build (npx next build)");
    const token = await bearerToken(app.baseUrl, ORDER_OWNER.email, ORDER_OWNER.password);
    const boss = await getBoss();
    const run = Date.now().toString(36);

    /** PRODUCTS fresh products with UNITS each, received through the ledger. */
    const freshStock = async (tag: string) => {
      const ids = Array.from({ length: PRODUCTS }, (_, k) => `bord_${run}_${tag}_${String(k).padStart(2, "0")}`);
      await prisma.product.createMany({
        data: ids.map((id, k) => ({ id, companyId: data.companyId, sku: `O-${run}-${tag}-${k}`.toUpperCase(), name: `Bench order item ${tag} ${k}`, hsnCode: "1905", gstRate: "18", unit: "PCS", basePrice: String(80 + k * 5) })),
      });
      await prisma.$transaction((tx) => applyMovements(tx, { companyId: data.companyId, movements: ids.map((productId) => ({ productId, warehouseId: data.warehouseId, kind: "RECEIPT", onHandDelta: String(UNITS), reservedDelta: "0", reason: "bench stock" })) }));
      return ids;
    };

    const pickConnection = (i: number, seed: number) => data.connectionIds[Math.floor(seededRandom(seed + i)() * data.connectionIds.length)];

    const httpPlace = async (lines: Line[], i: number, seed: number): Promise<Outcome> => {
      const res = await fetch(`${app!.baseUrl}/api/v1/orders`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json", ...(process.env.NO_IDEMPOTENCY ? {} : { "idempotency-key": randomUUID() }), ...(process.env.NO_GZIP ? { "accept-encoding": "identity" } : {}) },
        body: JSON.stringify({ connectionId: pickConnection(i, seed), lines: lines.map((l) => ({ productId: l.productId, quantity: String(l.quantity) })) }),
      });
      const body = await res.text();
      if (res.status === 201) return "ok";
      if (res.status === 409 && body.includes("insufficient_stock")) return "insufficient_stock";
      throw new Error(`POST /api/v1/orders → ${res.status} ${body.slice(0, 200)}`);
    };

    const phases: Phase[] = [];
    for (const door of SKIP_PLACING ? [] : DOORS) {
      const pool = door === "sql" ? new pg.Pool({ connectionString: db.url, max: POOL, options: "-c jit=off" }) : null;
      try {
        // Untimed, on products of their own: the door's code paths compiled and its pools filled before the
        // first measured level, so each level measures the steady state (without it the first level also paid
        // for V8's warm-up: HTTP c=8 as the first level cost 3.0–3.2 ms of app CPU an order, after c=1 2.1).
        if (WARMUP_ORDERS > 0) {
          const products = await freshStock(`${door[0]}w`);
          const place = door === "http" ? (lines: Line[], i: number) => httpPlace(lines, i, 1) : (lines: Line[], i: number) => sqlPlace(pool!, boss, { ...data, connectionId: pickConnection(i, 1), lines, userId: data.ownerId });
          await runLoad(8, makeOrders(products, WARMUP_ORDERS, 20261201), place);
        }
        for (const concurrency of LEVELS) {
          const tag = `${door[0]}${concurrency}`;
          const products = await freshStock(tag);
          const seed = 20261129 + concurrency;
          const orders = makeOrders(products, ATTEMPTS, seed);
          const attempt = door === "http" ? (lines: Line[], i: number) => httpPlace(lines, i, seed) : (lines: Line[], i: number) => sqlPlace(pool!, boss, { ...data, connectionId: pickConnection(i, seed), lines, userId: data.ownerId });
          const loadBefore = loadavg();
          const cpu0 = door === "http" ? app!.cpuMs() : null;
          const [db0, bench0, machine0] = [dbLocal ? procCpuMs(isPostgres) : null, process.cpuUsage(), machineCpuMs()];
          const load = await runLoad(concurrency, orders, attempt);
          const cpu1 = door === "http" ? app!.cpuMs() : null;
          const [dbMs, bench1, machine1] = [db0 && procCpuSince(db0, isPostgres), process.cpuUsage(bench0), machineCpuMs()];
          const loadAverage = { before: loadBefore.map(round), after: loadavg().map(round) };
          const checks = await verify(admin, products, load.okUnits);
          const { okUnits: _u, ...rest } = load;
          const cpu = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : null;
          phases.push({
            door,
            ...rest,
            checks,
            appCpuMsPerAttempt: cpu === null ? null : round(cpu / load.attempts),
            appCpuMsPerOrder: cpu === null || load.ok === 0 ? null : round(cpu / load.ok),
            appProcesses: door === "http" ? app!.processes() : null,
            cpu: {
              databaseMsPerAttempt: dbMs === null ? null : round(dbMs / load.attempts),
              benchMsPerAttempt: round((bench1.user + bench1.system) / 1000 / load.attempts),
              // Each core adds its own ms to the machine's count: busy ms over the wall's ms is cores busy.
              machineBusyCores: round(((machine1.busy - machine0.busy) / (machine1.all - machine0.all)) * cpus().length),
              cores: cpus().length,
            },
            loadAverage,
          });
          console.log(
            `${door.padEnd(4)} c=${String(concurrency).padStart(2)}: ${load.ok} placed, ${load.insufficientStock} insufficient_stock, ${load.errors} errors in ${load.seconds.toFixed(1)}s → ${load.okPerSec.toFixed(1)} orders/s, p95 ${load.latencyOkMs.p95.toFixed(0)} ms; checks ${checks.ok ? "ok" : "FAILED " + JSON.stringify(checks)}${cpu !== null ? `; app CPU ${(cpu / load.attempts).toFixed(1)} ms/attempt` : ""}${dbMs !== null ? `; database CPU ${(dbMs / load.attempts).toFixed(1)} ms/attempt` : ""}; cores busy ${phases.at(-1)!.cpu.machineBusyCores} of ${cpus().length}; load ${loadAverage.after[0]}${load.firstError ? `; first error: ${load.firstError}` : ""}`,
          );
        }
      } finally {
        await pool?.end();
      }
    }

    const listRows: ListRow[] = [];
    let sessionCheck: Record<string, unknown> | null = null;
    const { rows: countRows } = await admin.query<{ n: string }>(`SELECT count(*) AS n FROM "Order" WHERE "companyId" = $1`, [data.companyId]);
    if (!SKIP_LIST) {
    // The orders list with a million orders.
    const { loadActor } = await import("../lib/auth/load-actor");
    const { makeCtx } = await import("../lib/ctx");
    const { listOrders } = await import("../lib/orders/list-orders");
    const actor = await loadActor(prisma, data.ownerId, data.companyId);
    if (!actor) throw new Error("bench owner cannot act for the orders company");
    const ctx = makeCtx(actor, { db: prisma });
    const today = new Date(Date.now() + 330 * 60_000).toISOString().slice(0, 10);
    const monthAgo = new Date(Date.now() + 330 * 60_000 - 30 * 86_400_000).toISOString().slice(0, 10);
    const scenarios: { key: string; query: (i: number) => Record<string, string> }[] = [
      { key: "all, newest first", query: () => ({}) },
      { key: "tab delivered", query: () => ({ status: "delivered" }) },
      { key: "tab placed (open)", query: () => ({ status: "placed" }) },
      { key: "search retailer name", query: (i) => ({ q: `Retail Store ${1 + (i % 200)}` }) },
      { key: "search number", query: (i) => ({ q: String(1000 + i * 37) }) },
      { key: "last 30 days, ≥ ₹2,000, by total", query: () => ({ from: monthAgo, to: today, minTotal: "2000", sort: "-grandTotal" }) },
      { key: "one retailer, page 5", query: (i) => ({ connectionId: data.connectionIds[i % 200], offset: "100" }) },
    ];
    const push = (door: string, scenario: string, times: number[]) => {
      const summary = summarize(times);
      listRows.push({ door, scenario, summary, meetsTarget: summary.p95 < TARGET_P95_MS });
    };
    for (const s of scenarios) push("listOrders()", s.key, await measure((i) => listOrders(ctx, { ...s.query(i), pageSize: 25 }), { warmup: WARMUP, samples: SAMPLES }));
    for (const s of scenarios) {
      push("GET /api/v1/orders", s.key, await measure((i) => getOk(`${app!.baseUrl}/api/v1/orders?${new URLSearchParams({ ...s.query(i), pageSize: "25" })}`, { authorization: `Bearer ${token}` }), { warmup: WARMUP, samples: SAMPLES }));
    }
    const cookie = await sessionCookie(app.baseUrl, ORDER_OWNER.email, ORDER_OWNER.password);
    for (const s of scenarios.slice(0, 4)) push("/orders page", s.key, await measure((i) => getOk(`${app!.baseUrl}/orders?${new URLSearchParams(s.query(i))}`, { cookie }), { warmup: WARMUP, samples: Math.round(SAMPLES / 2) }));

    // What the per-request session check costs: resolving the actor of a request with and without the
    // session row (lib/auth/load-actor.ts: an EXISTS in the user's own query), interleaved so drift hits both alike, plus the full bearer
    // token check, and the database's own plan for the session read.
    const { actorFromAccessToken, issueTokenPair } = await import("../lib/auth/tokens");
    const pair = await issueTokenPair(prisma, actor);
    const sid = (await prisma.userSession.findFirstOrThrow({ where: { userId: data.ownerId, kind: "api" }, orderBy: { createdAt: "desc" } })).id;
    const withoutSession: number[] = [];
    const withSession: number[] = [];
    for (let i = 0; i < WARMUP + SAMPLES * 5; i++) {
      let t = performance.now();
      await loadActor(prisma, data.ownerId, data.companyId);
      const a = performance.now() - t;
      t = performance.now();
      if (!(await loadActor(prisma, data.ownerId, data.companyId, sid))) throw new Error("bench session is not live");
      const b = performance.now() - t;
      if (i >= WARMUP) {
        withoutSession.push(a);
        withSession.push(b);
      }
    }
    const tokenCheck = await measure(() => actorFromAccessToken(prisma, pair.accessToken), { warmup: WARMUP, samples: SAMPLES * 5 });
    const { rows: plan } = await admin.query<{ "QUERY PLAN": string }>(
      `EXPLAIN (ANALYZE, BUFFERS) SELECT u.id FROM "User" u WHERE u.id = $1 AND EXISTS (SELECT 1 FROM "UserSession" s WHERE s."userId" = u.id AND s.id = $2 AND s."revokedAt" IS NULL AND s."expiresAt" > now())`,
      [data.ownerId, sid],
    );
    const check = {
      actorWithoutSession: summarize(withoutSession),
      actorWithSession: summarize(withSession),
      addedMsP50: round(summarize(withSession).p50 - summarize(withoutSession).p50),
      addedMsP95: round(summarize(withSession).p95 - summarize(withoutSession).p95),
      bearerTokenCheck: summarize(tokenCheck),
      plan: plan.map((r) => r["QUERY PLAN"]),
    };
    sessionCheck = check;
    console.log(`\nPer-request session check (in-process, ${withSession.length} interleaved samples):\n`);
    console.log(
      table(
        ["resolve the actor", "p50 ms", "p95 ms", "p99 ms"],
        [
          ["user + memberships", check.actorWithoutSession.p50.toFixed(3), check.actorWithoutSession.p95.toFixed(3), check.actorWithoutSession.p99.toFixed(3)],
          ["… + live session row", check.actorWithSession.p50.toFixed(3), check.actorWithSession.p95.toFixed(3), check.actorWithSession.p99.toFixed(3)],
          ["whole bearer token check", check.bearerTokenCheck.p50.toFixed(3), check.bearerTokenCheck.p95.toFixed(3), check.bearerTokenCheck.p99.toFixed(3)],
        ],
      ),
    );
    console.log(`session check adds p50 ${check.addedMsP50} ms, p95 ${check.addedMsP95} ms per request (target < 1 ms)\n${check.plan.join("\n")}`);
    }
    console.log(`\nPOST /api/v1/orders (3 lines) vs the same transaction in SQL — ${ATTEMPTS} attempts per phase on ${PRODUCTS} fresh products × ${UNITS} units:\n`);
    console.log(
      table(
        ["door", "conc", "placed", "insufficient", "errors", "orders/s", "p50 ms", "p95 ms", "p99 ms", "app CPU ms/attempt", "db CPU ms/attempt", "bench CPU ms/attempt", "cores busy", "load 1m", "checks"],
        phases.map((p) => [
          p.door,
          p.concurrency,
          p.ok,
          p.insufficientStock,
          p.errors,
          p.okPerSec.toFixed(1),
          p.latencyOkMs.p50.toFixed(1),
          p.latencyOkMs.p95.toFixed(1),
          p.latencyOkMs.p99.toFixed(1),
          p.appCpuMsPerAttempt?.toFixed(1) ?? "",
          p.cpu.databaseMsPerAttempt?.toFixed(1) ?? "",
          p.cpu.benchMsPerAttempt.toFixed(1),
          `${p.cpu.machineBusyCores} of ${p.cpu.cores}`,
          p.loadAverage.after[0],
          p.checks.ok ? "ok" : "FAILED",
        ]),
      ),
    );
    const ratios = SKIP_PLACING
      ? []
      : LEVELS.flatMap((c) => {
          const h = phases.find((p) => p.door === "http" && p.concurrency === c);
          const s = phases.find((p) => p.door === "sql" && p.concurrency === c);
          return h && s ? [{ concurrency: c, httpPerSql: round(h.okPerSec / s.okPerSec) }] : [];
        });
    console.log(`\nthroughput ratio HTTP / SQL: ${ratios.map((r) => `c=${r.concurrency}: ${r.httpPerSql}`).join(", ")}`);
    if (!SKIP_LIST) console.log(`\nOrders list with ${Number(countRows[0].n).toLocaleString("en-IN")} orders in the company (target p95 < ${TARGET_P95_MS} ms):\n`);
    if (!SKIP_LIST) console.log(table(["door", "scenario", "p50 ms", "p95 ms", "p99 ms", "< 50 ms"], listRows.map((r) => [r.door, r.scenario, r.summary.p50.toFixed(1), r.summary.p95.toFixed(1), r.summary.p99.toFixed(1), r.meetsTarget ? "yes" : "NO"])));
    const file = writeResults(process.env.RESULTS_NAME ?? (SKIP_PLACING ? "orders-list" : "orders"), {
      at: new Date().toISOString(),
      machine: await machineInfo((sql) => admin.query(sql)),
      database: { url: describeUrl(db.url), embedded: db.embedded },
      setup: { pool: POOL, appPoolSize: POOL, catalog: CATALOG, smallVendors: SMALL_VENDORS, skipList: SKIP_LIST, historicalOrders: data.orders, ordersInCompany: Number(countRows[0].n), retailers: data.connectionIds.length, attemptsPerPhase: ATTEMPTS, products: PRODUCTS, unitsPerProduct: UNITS, linesPerOrder: 3, quantityPerLine: "1–5" },
      placing: phases,
      ratios,
      list: listRows,
      sessionCheck,
    });
    console.log(`written: ${file}`);
    if (phases.some((p) => !p.checks.ok || p.errors > 0)) process.exitCode = 2;
  } finally {
    await app?.stop();
    await stopBoss();
    await disconnect();
    await admin.end();
    await db.stop();
  }
}

/**
 * placeOrder's work without HTTP and without the framework, statement for statement: the one read
 * (readOrderInputsSql), the lines checked and priced by the same pure functions, then BEGIN, the
 * order-notify job through pg-boss on the same connection, the write statement (order + lines +
 * event + audit, number from the company's sequence, connection row locked), the reserve statement
 * (credit check + every line's stock), COMMIT; the answer is the write statement's `view`, as in the app.
 */
async function sqlPlace(pool: pg.Pool, boss: Awaited<ReturnType<typeof import("../lib/jobs/boss").getBoss>>, a: { companyId: string; warehouseId: string; connectionId: string; userId: string; lines: Line[] }): Promise<Outcome> {
  const sql = await import("../lib/orders/place-order-sql");
  const { onConnection } = await import("../lib/jobs/enqueue");
  const { beginForNamedStatements } = await import("../lib/db/sql-runner");
  const { rowId } = await import("../lib/db/row-id");
  const { ensureOrderNumberSequence, orderNumberSequence, orderNumberSql } = await import("../lib/orders/order-number");
  const { priceLoadedLines, lineRow, totalsRow } = await import("../lib/orders/order-lines");
  const { quotePrices, wantedQuantities } = await import("../lib/pricing/resolve-price");
  const { istDay, dayToDbDate } = await import("../lib/pricing/dates");
  const { Prisma } = await import("../lib/generated/prisma/client");
  const D = Prisma.Decimal;
  const now = new Date();
  const lines = a.lines.map((l) => ({ productId: l.productId, quantity: String(l.quantity) }));
  const ids = [...new Set(lines.map((l) => l.productId))];
  const [row] = await sql.pgRunner(pool).query<import("../lib/orders/place-order-sql").OrderInputsRow>(sql.readOrderInputsSql, [a.companyId, a.connectionId, null, null, null, ids, istDay(now), null]);
  const c = row.connection!;
  if (c.status !== "ACTIVE" || !row.warehouse?.active) throw new Error("bench connection or warehouse not usable");
  const products = row.products.map((p) => ({ ...p, minOrderQty: new D(p.minOrderQty), packSize: p.packSize === null ? null : new D(p.packSize), gstRate: new D(p.gstRate), cessRate: new D(p.cessRate), basePrice: new D(p.basePrice), mrp: p.mrp === null ? null : new D(p.mrp) }));
  const priceData = { products, connectionPriceListId: c.priceListId, lists: row.lists, rows: row.items.map((i) => ({ ...i, minQty: new D(i.minQty), price: new D(i.price), validFrom: i.validFrom ? dayToDbDate(i.validFrom) : null, createdAt: new Date(i.createdAtMs) })) };
  const priced = await priceLoadedLines({ intraState: c.supplierStateCode === c.placeOfSupply, lines }, products, (items) => quotePrices(wantedQuantities(items), priceData));
  const seq = await ensureOrderNumberSequence(async (work) => {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await work(sql.pgRunner(client));
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK");
      throw err;
    } finally {
      client.release();
    }
  }, a.companyId, now);
  const r = c.retailer;
  const orderId = rowId();
  const eventId = rowId();
  const grandTotal = priced.totals.grandTotal.toFixed(2);
  const creditLimit = new D(c.creditLimit);
  const client = await pool.connect();
  const run = sql.pgRunner(client);
  let outcome: Outcome = "ok";
  try {
    await client.query(beginForNamedStatements());
    await boss.send("order-notify", { eventId }, { db: onConnection(client) });
    const order = {
      id: orderId, companyId: a.companyId, connectionId: c.id, retailerId: c.retailerId, warehouseId: row.warehouse.id, status: "PLACED", source: "STAFF", creditHold: false, holdReason: null,
      supplierStateCode: c.supplierStateCode, placeOfSupply: c.placeOfSupply, shippingName: r.tradeName ?? r.legalName, shippingLine1: r.addressLine1, shippingLine2: r.addressLine2, shippingCity: r.city,
      shippingStateCode: r.stateCode, shippingPincode: r.pincode, buyerReference: null, notes: null, ...totalsRow(priced.totals), createdById: a.userId, placedById: a.userId, placedAt: now, reorderOfId: null, createdAt: now,
    };
    const event = { id: eventId, companyId: a.companyId, kind: "placed", fromStatus: null, toStatus: "PLACED", actorUserId: a.userId, actorName: "Bench", note: null, data: { number: "", grandTotal, lines: priced.lines.length }, createdAt: now };
    const audit = { id: rowId(), companyId: a.companyId, retailerId: c.retailerId, actorUserId: a.userId, actorKind: "staff", action: "order.place", entityType: "Order", after: { number: "", status: "PLACED", source: "STAFF", creditHold: false, warehouseId: row.warehouse.id, placeOfSupply: c.placeOfSupply, grandTotal, lines }, requestId: randomUUID() };
    const { head } = orderNumberSequence(a.companyId, now);
    const [w] = await run.query<{ number: string; locked: { creditLimit: string; creditPolicy: string } | null }>(sql.writeOrderSql(orderNumberSql("$5", "$6")), [
      JSON.stringify(order), JSON.stringify(priced.lines.map((l) => ({ id: rowId(), ...lineRow(a.companyId, l) }))), JSON.stringify([event]), JSON.stringify(audit), seq, head, creditLimit.gt(0), null,
    ]);
    const merged = new Map<string, number>();
    for (const l of a.lines) merged.set(l.productId, (merged.get(l.productId) ?? 0) + l.quantity);
    const sorted = [...merged].sort(([x], [y]) => (x < y ? -1 : 1)).map(([productId, q]) => ({ productId, quantity: q.toFixed(3) }));
    const limit = w.locked ? w.locked.creditLimit : "0";
    const [res] = await run.query<import("../lib/orders/place-order-sql").ReserveRow>(sql.reserveSql, sql.reserveParams({
      companyId: a.companyId, warehouseId: row.warehouse.id, lines: sorted, refType: "Order", refId: orderId, userId: a.userId, at: now, reservationId: rowId(), lineIds: sorted.map(() => rowId()),
      credit: new D(limit).gt(0) ? { connectionId: c.id, limit, orderTotal: grandTotal, policy: w.locked!.creditPolicy } : null,
    }));
    if (!res.go) throw new Error("bench order over the credit limit");
    if (!res.ok) outcome = "insufficient_stock";
    await client.query(outcome === "ok" ? "COMMIT" : "ROLLBACK");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
  // The answer came with the write statement (its `view`), as in the app.
  return outcome;
}

/** After a phase: no level over-reserved or negative, reserved == the placed orders' lines, levels == ledger sums. */
async function verify(client: pg.Client, products: string[], okUnits: number): Promise<Checks> {
  const { rows } = await client.query<{ over: string; negative: string; reserved: string; mismatched: string }>(
    `SELECT (SELECT count(*) FROM "StockLevel" WHERE "productId" = ANY($1::text[]) AND reserved > "onHand") AS over,
            (SELECT count(*) FROM "StockLevel" WHERE "productId" = ANY($1::text[]) AND ("onHand" < 0 OR reserved < 0)) AS negative,
            (SELECT coalesce(sum(reserved), 0) FROM "StockLevel" WHERE "productId" = ANY($1::text[])) AS reserved,
            (SELECT count(*) FROM "StockLevel" s
               FULL JOIN (SELECT "productId", "warehouseId", sum("onHandDelta") oh, sum("reservedDelta") rs FROM "StockMovement"
                          WHERE "productId" = ANY($1::text[]) GROUP BY 1, 2) m USING ("productId", "warehouseId")
              WHERE (s."productId" = ANY($1::text[]) OR m."productId" IS NOT NULL)
                AND (coalesce(s."onHand", 0) <> coalesce(m.oh, 0) OR coalesce(s.reserved, 0) <> coalesce(m.rs, 0))) AS mismatched`,
    [products],
  );
  const r = rows[0];
  const checks = { levelsOverReserved: Number(r.over), negativeStock: Number(r.negative), reservedTotal: Number(r.reserved), reservedByOrders: okUnits, levelsNotEqualToLedger: Number(r.mismatched) };
  return { ...checks, ok: checks.levelsOverReserved === 0 && checks.negativeStock === 0 && checks.reservedTotal === okUnits && checks.levelsNotEqualToLedger === 0 };
}

// Exit explicitly: something in the Prisma/pg teardown resets process.exitCode to 0 on the way out.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error("bench failed:", err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
