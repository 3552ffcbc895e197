// A morning's mixed load against one running production instance, black box through /api/v1 with
// bearer tokens, on the demo scaled to a large distributor (bench/lib/mixed-data.ts: 5,000 retailers,
// 20,000 products, 500,000 orders with invoices and payments, and a second company beside it).
// USERS simulated users (default 200) for SECONDS (default 120), each a loop of one request, then a
// seeded random think time (THINK_MIN_MS–THINK_MAX_MS, default 500–2,000 ms):
//   70 % retailers: catalog search (a word, sometimes in stock only), add to cart, view the cart,
//     check out (places the order), own orders, own invoices list and an invoice PDF;
//   30 % staff (managers): orders list with filters (open states, text, dates, amounts), one order,
//     invoices list with filters (unpaid, dates, text), confirm a placed order, pack a confirmed one,
//     issue the invoice of a packed one, record a receipt against a retailer with dues (oldest first).
// Staff work the same queues the retailers fill: an order checked out in the run can be confirmed,
// packed and invoiced in it. Printed and written to bench/results/mixed-<date>.json: per route count,
// errors, p50/p95/p99 and the target (reads p95 < 150 ms, writes p95 < 300 ms) with misses marked,
// throughput, the load average (sampled every 5 s) and the data-set figures. For every read that misses,
// the route's domain function is run once in this process with the same input and the slowest SQL
// statement it sent is shown with EXPLAIN (ANALYZE, BUFFERS). Exits 1 on any error or a broken invariant,
// 2 when every request succeeded but a target was missed.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/erp_bench_mixed NEXT_DIST_DIR=.next \
//     npx tsx --conditions=react-server bench/mixed.ts
// Env: SCALE (1 = the full data set; 0.1 = a tenth), USERS (200), SECONDS (120), SEED (1),
// RETAILER_SHARE (0.7), THINK_MIN_MS (500), THINK_MAX_MS (2000), BENCH_BASE_URL (use a running
// instance; it must share AUTH_SECRET only for the in-process EXPLAIN, not for the load), BENCH_PORT
// (3270), MIXED_REBUILD=1 (rebuild the data set), EXPLAIN=0 (skip the plans).
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import pg from "pg";
import { seededRandom } from "../lib/demo/seeded-random";
import { describeUrl, openBenchDb } from "./lib/db";
import { bearerToken, procCpuMs, procCpuSince, startApp } from "./lib/http";
import { ensureMixedCompany, MIXED_PASSWORD, mixedSpecs, settleTables, verifyMixedData } from "./lib/mixed-data";
import { machineInfo, summarize, table, writeResults, type Summary } from "./lib/stats";

const SCALE = Number(process.env.SCALE ?? 1);
const USERS = Number(process.env.USERS ?? 200);
const SECONDS = Number(process.env.SECONDS ?? 120);
const SEED = Number(process.env.SEED ?? 1);
const ROUTE_CPU = Number(process.env.ROUTE_CPU ?? 0);
const RETAILER_SHARE = Number(process.env.RETAILER_SHARE ?? 0.7);
const THINK_MIN_MS = Number(process.env.THINK_MIN_MS ?? 500);
const THINK_MAX_MS = Number(process.env.THINK_MAX_MS ?? 2000);
const TARGETS = { readP95: 150, writeP95: 300 };
/** "stored": the PDFs the retailers download are stored first, as the invoice-pdf job stores every issued one; "first": first renders. */
const PDFS = process.env.PDFS ?? "stored";
process.env.BENCH_PORT ??= "3270";

// Every statement this process sends, timed (for the plans of missed reads): the app's Prisma client
// talks through pg, so patching pg.Client's query sees its SQL and parameters.
type Captured = { text: string; values: unknown[]; ms: number };
let capture: Captured[] | null = null;
const pgQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
  const cfg = args[0] as string | { text?: string; values?: unknown[] };
  const text = typeof cfg === "string" ? cfg : cfg?.text;
  const values = (typeof cfg === "object" && cfg?.values) || (Array.isArray(args[1]) ? (args[1] as unknown[]) : []);
  if (!capture || !text) return pgQuery.apply(this, args);
  const t = performance.now();
  const sink = capture;
  const cb = args[args.length - 1];
  if (typeof cb === "function") {
    // pg.Pool#query passes a callback.
    args[args.length - 1] = (err: unknown, res: unknown) => {
      sink.push({ text, values, ms: performance.now() - t });
      (cb as (e: unknown, r: unknown) => void)(err, res);
    };
    return pgQuery.apply(this, args);
  }
  const r = pgQuery.apply(this, args) as Promise<unknown>;
  return r.then((x) => {
    sink.push({ text, values, ms: performance.now() - t });
    return x;
  });
} as typeof pg.Client.prototype.query;

type Kind = "read" | "write";
type RouteStats = { route: string; kind: Kind; times: number[]; errors: number; statuses: Record<string, number>; firstErrors: string[] };
const stats = new Map<string, RouteStats>();
/** One example input per route, for re-running its domain function in-process. */
const examples = new Map<string, { actor: "retailer" | "staff"; userIndex: number; input: Record<string, string>; id?: string }>();

type Json = Record<string, unknown>;

async function call(base: string, token: string, route: string, method: "GET" | "POST", path: string, body?: unknown): Promise<{ ok: boolean; json: Json | null }> {
  const kind: Kind = method === "GET" ? "read" : "write";
  let s = stats.get(route);
  if (!s) stats.set(route, (s = { route, kind, times: [], errors: 0, statuses: {}, firstErrors: [] }));
  const t = performance.now();
  let status = "network";
  let text = "";
  try {
    const res = await fetch(base + path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    status = String(res.status);
    const buf = await res.arrayBuffer();
    s.times.push(performance.now() - t);
    s.statuses[status] = (s.statuses[status] ?? 0) + 1;
    const isJson = (res.headers.get("content-type") ?? "").includes("json");
    if (isJson) text = new TextDecoder().decode(buf);
    if (res.ok) {
      if (path.endsWith("/pdf") && !new TextDecoder().decode(buf.slice(0, 5)).startsWith("%PDF")) throw new Error("not a PDF");
      return { ok: true, json: isJson && text ? (JSON.parse(text) as Json) : null };
    }
  } catch (err) {
    if (status === "network") s.times.push(performance.now() - t);
    text = err instanceof Error ? err.message : String(err);
    s.statuses[status] = (s.statuses[status] ?? 0) + 1;
  }
  s.errors++;
  if (s.firstErrors.length < 5) s.firstErrors.push(`${method} ${path}: ${status} ${text.slice(0, 300)}`);
  return { ok: false, json: null };
}

const WORDS = ["dal", "rice", "oil", "masala", "bhujia", "biscuits", "tea", "soap", "noodles", "pickle", "almonds", "agarbatti", "kaveri", "ghee", "1 kg", "nilgiri", "deccan", "shampoo", "atta", "cookies"];

async function main() {
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const db = await openBenchDb();
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}; SCALE ${SCALE}, ${USERS} users for ${SECONDS} s, load average ${loadAtStart.join(" ")}`);
  const { prisma, disconnect } = await import("../lib/db/client");
  const { rebuildSalesRollups } = await import("../lib/reporting/sales/rebuild-sales-rollups");
  const { rebuildOpenReceivables } = await import("../lib/billing/rebuild-open-receivables");
  const specs = mixedSpecs(SCALE);
  const rebuild = async (companyId: string) => {
    await rebuildSalesRollups(prisma, companyId);
    await rebuildOpenReceivables(prisma, companyId);
  };
  const tBuild = performance.now();
  const mainBuild = await ensureMixedCompany(admin, specs.main, rebuild);
  const otherBuild = await ensureMixedCompany(admin, specs.other, rebuild);
  if (!mainBuild.reused || !otherBuild.reused) {
    const t = performance.now();
    await settleTables(admin);
    console.log(`mixed data: VACUUM ANALYZE in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  const buildSeconds = Math.round((performance.now() - tBuild) / 1000);
  const dataSet = await verifyMixedData(admin, specs.main.companyId);
  console.log(`mixed data (${buildSeconds} s): ${JSON.stringify(dataSet)}`);
  const broken = dataSet.levelsNotEqualToLedger + dataSet.invoicesNotEqualToLines + dataSet.settledNotEqualToAllocations + dataSet.countersBehindNumbers;

  const app = await startApp({ databaseUrl: db.url });
  if (!app) throw new Error("no production build: build one (npx next build) or give BENCH_BASE_URL");
  const base = app.baseUrl;
  const code = specs.main.code;
  const cid = specs.main.companyId;
  const p = specs.main.p;
  try {
    // Users and their tokens (sign-ins are not measured).
    const retailerUsers = Math.round(USERS * RETAILER_SHARE);
    const users = Array.from({ length: USERS }, (_, k) =>
      k < retailerUsers
        ? { kind: "retailer" as const, k, login: 1 + (k % specs.main.retailerLogins) }
        : { kind: "staff" as const, k, login: 1 + ((k - retailerUsers) % specs.main.staffLogins) },
    );
    const email = (u: (typeof users)[number]) => `${u.kind === "retailer" ? "retailer" : "staff"}${u.login}@${code.toLowerCase()}.bench.example`;
    // Through POST /api/v1/auth/token (a password hash each: ~0.5 s of CPU on a busy machine), or with
    // MINT_TOKENS=1 issued here by the app's own issueTokenPair (a session row and a JWT signed with the shared
    // AUTH_SECRET, what the route does after the password check).
    const tokens: string[] = new Array(USERS);
    const tTok = performance.now();
    let nextTok = 0;
    const { issueTokenPair } = await import("../lib/auth/tokens");
    const mint = async (u: (typeof users)[number]) =>
      (
        await issueTokenPair(
          prisma,
          u.kind === "staff"
            ? { kind: "staff", userId: `${p}_su_${u.login}`, email: email(u), name: `Bench Staff ${u.login}`, companyId: cid, role: "MANAGER" }
            : { kind: "retailer", userId: `${p}_ru_${u.login}`, email: email(u), name: `Bench Retailer ${u.login}`, retailerId: `${p}_r_${u.login}` },
        )
      ).accessToken;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = nextTok++; i < USERS; i = nextTok++) tokens[i] = process.env.MINT_TOKENS === "1" ? await mint(users[i]) : await bearerToken(base, email(users[i]), MIXED_PASSWORD);
      }),
    );
    console.log(`${USERS} tokens in ${((performance.now() - tTok) / 1000).toFixed(1)} s (${retailerUsers} retailers, ${USERS - retailerUsers} staff)`);

    // The staff's work queues, from what is open now (earlier runs' orders included); the retailers' checkouts feed "placed".
    const ids = async (sql: string) => (await admin.query<{ id: string }>(sql, [cid])).rows.map((r) => r.id);
    const shuffle = <T>(a: T[], rand: () => number) => {
      for (let i = a.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [a[i], a[j]] = [a[j], a[i]];
      }
      return a;
    };
    const qRand = seededRandom(SEED * 7 + 3);
    const queues = {
      placed: shuffle(await ids(`SELECT id FROM "Order" WHERE "companyId" = $1 AND status = 'PLACED' AND NOT "creditHold"`), qRand),
      confirmed: shuffle(await ids(`SELECT id FROM "Order" WHERE "companyId" = $1 AND status = 'CONFIRMED'`), qRand),
      packed: shuffle(await ids(`SELECT id FROM "Order" WHERE "companyId" = $1 AND status = 'PACKED' AND "invoicedTotal" = 0`), qRand),
      dues: shuffle(await ids(`SELECT DISTINCT "connectionId" AS id FROM "Invoice" WHERE "companyId" = $1 AND status = 'ISSUED' AND type = 'INVOICE' AND "settledAmount" < "grandTotal"`), qRand),
    };
    const queuedAtStart = Object.fromEntries(Object.entries(queues).map(([k, v]) => [k, v.length]));
    console.log(`staff queues at start: ${JSON.stringify(queuedAtStart)}`);

    // Every invoice the product issues gets its PDF stored by the invoice-pdf job at issue; the data set's
    // invoices were bulk-loaded around that. With PDFS=stored (the default) the PDFs of the invoices the
    // retailers here download (the first page of each one's list) are stored first, as that job would
    // have; with PDFS=first each download of one is a first render (what imported history costs).
    let pdfsStoredBeforeLoad = 0;
    if (PDFS === "stored") {
      const retailerIds = [...new Set(users.filter((u) => u.kind === "retailer").map((u) => `${p}_r_${u.login}`))];
      const { rows: unstored } = await admin.query<{ id: string }>(
        `SELECT i.id FROM unnest($2::text[]) AS r(id) CROSS JOIN LATERAL (
           SELECT i.id FROM "Invoice" i JOIN "Connection" c ON c.id = i."connectionId"
           WHERE i."companyId" = $1 AND c."retailerId" = r.id ORDER BY i."issueDate" DESC, i.number DESC, i.id DESC LIMIT 20) i
         WHERE NOT EXISTS (SELECT 1 FROM "InvoicePdf" s WHERE s."invoiceId" = i.id)`,
        [cid, retailerIds],
      );
      const { ensureInvoicePdf } = await import("../lib/billing/stored-invoice-pdf");
      const tPdf = performance.now();
      let nextPdf = 0;
      await Promise.all(Array.from({ length: 2 }, async () => {
        for (let i = nextPdf++; i < unstored.length; i = nextPdf++) await ensureInvoicePdf(prisma, cid, unstored[i]!.id);
      }));
      pdfsStoredBeforeLoad = unstored.length;
      console.log(`PDFs of the retailers' first pages of invoices: ${unstored.length} stored in ${((performance.now() - tPdf) / 1000).toFixed(1)} s (PDFS=first skips this)`);
    }
    const today = new Date().toISOString().slice(0, 10);
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString().slice(0, 10);
    const cpuByRoute = ROUTE_CPU > 0 && app.startedHere ? await routeCpu({ base, code, retailerTokens: tokens.slice(0, retailerUsers), staffToken: tokens[retailerUsers]!, queues, today, daysAgo, appCpuMs: () => app.cpuMs?.() ?? 0, admin }) : null;

    // Every 5 s while the load runs: the load average, the database sessions of this database by state (is the
    // app's pool busy in SQL, or idle while requests wait in Node?) and the CPU of the app process(es) serving
    // base (found by their AUTH_URL, so only when started here) and of this load generator.
    const loadSamples: number[] = [];
    const dbSessions: Record<string, number>[] = [];
    const appPids = app.startedHere ? findServerPids(base) : [];
    const cpuTicks = () => appPids.reduce((a, pid) => a + procCpuTicks(pid), 0);
    const cpu0 = { app: cpuTicks(), self: process.cpuUsage(), at: performance.now() };
    const sampler = setInterval(() => {
      loadSamples.push(Math.round(os.loadavg()[0] * 100) / 100);
      admin
        .query<{ state: string; n: number }>(`SELECT coalesce(state, '?') AS state, count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() GROUP BY 1`)
        .then((r) => dbSessions.push(Object.fromEntries(r.rows.map((x) => [x.state, x.n]))))
        .catch(() => undefined);
    }, 5000);
    const deadline = performance.now() + SECONDS * 1000;
    const counters = { ordersPlaced: 0, confirmed: 0, packed: 0, invoiced: 0, payments: 0, idleStaffSteps: 0 };
    const think = (rand: () => number) => new Promise((r) => setTimeout(r, THINK_MIN_MS + rand() * (THINK_MAX_MS - THINK_MIN_MS)));

    const retailer = async (u: (typeof users)[number], rand: () => number) => {
      const token = tokens[u.k];
      let found: string[] = [];
      let inCart = 0;
      let invoices: string[] = [];
      const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
      while (performance.now() < deadline) {
        const x = rand();
        if (inCart > 0 && x < 0.15) {
          const r = await call(base, token, "POST /cart/{vendor}/checkout", "POST", `/api/v1/cart/${code}/checkout`, { buyerReference: `BENCH-${u.k}-${counters.ordersPlaced}` });
          if (r.ok) {
            counters.ordersPlaced++;
            inCart = 0;
            queues.placed.push(String(r.json!.id));
          }
        } else if (x < 0.45 || found.length === 0) {
          const q = pick(WORDS);
          const inStock = rand() < 0.3 ? "&inStock=1" : "";
          const r = await call(base, token, "GET /me/vendors/{code}/catalog?q", "GET", `/api/v1/me/vendors/${code}/catalog?q=${encodeURIComponent(q)}&limit=24${inStock}`);
          examples.set("GET /me/vendors/{code}/catalog?q", { actor: "retailer", userIndex: u.login, input: { q, inStockOnly: inStock ? "1" : "" } });
          if (r.ok) found = ((r.json!.data as Json[]) ?? []).filter((i) => i.availability !== "out").map((i) => String(i.id));
        } else if (x < 0.68) {
          const r = await call(base, token, "POST /cart/{vendor}/items", "POST", `/api/v1/cart/${code}/items`, { productId: pick(found), quantity: String(1 + Math.floor(rand() * 6)) });
          if (r.ok) inCart++;
        } else if (x < 0.76) {
          await call(base, token, "GET /cart/{vendor}", "GET", `/api/v1/cart/${code}`);
        } else if (x < 0.83) {
          await call(base, token, "GET /orders (retailer)", "GET", `/api/v1/orders?vendorCode=${code}&limit=20`);
          examples.set("GET /orders (retailer)", { actor: "retailer", userIndex: u.login, input: { vendorCode: code } });
        } else if (x < 0.93 || invoices.length === 0) {
          const r = await call(base, token, "GET /invoices (retailer)", "GET", `/api/v1/invoices?vendorCode=${code}&limit=20`);
          examples.set("GET /invoices (retailer)", { actor: "retailer", userIndex: u.login, input: { vendorCode: code } });
          if (r.ok) invoices = ((r.json!.data as Json[]) ?? []).map((i) => String(i.id));
        } else {
          const id = pick(invoices);
          await call(base, token, "GET /invoices/{id}/pdf", "GET", `/api/v1/invoices/${id}/pdf`);
          examples.set("GET /invoices/{id}/pdf", { actor: "retailer", userIndex: u.login, input: {}, id });
        }
        await think(rand);
      }
    };

    const orderFilters: Record<string, string>[] = [
      { status: "placed" },
      { status: "open", sort: "-createdAt" },
      { status: "confirmed" },
      { status: "all", q: "Store 1" },
      { status: "all", from: daysAgo(30), to: today },
      { status: "delivered", from: daysAgo(90), to: daysAgo(60), minTotal: "5000" },
      { status: "all", sort: "-grandTotal" },
    ];
    const invoiceFilters: Record<string, string>[] = [
      { payment: "unpaid" },
      { payment: "overdue" },
      { from: daysAgo(30), to: today },
      { q: "INV/26-27/0001" },
      { type: "invoice", from: daysAgo(365), to: today, sort: "-grandTotal" },
      { q: "Store 42" },
    ];
    const staff = async (u: (typeof users)[number], rand: () => number) => {
      const token = tokens[u.k];
      const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
      const qs = (f: Record<string, string>) => new URLSearchParams({ ...f, limit: "25" }).toString();
      let seen: string[] = [];
      while (performance.now() < deadline) {
        const x = rand();
        if (x < 0.17 && queues.placed.length) {
          const id = queues.placed.shift()!;
          if ((await call(base, token, "POST /orders/{id}/confirm", "POST", `/api/v1/orders/${id}/confirm`, {})).ok) {
            counters.confirmed++;
            queues.confirmed.push(id);
          }
        } else if (x < 0.32 && queues.confirmed.length) {
          const id = queues.confirmed.shift()!;
          if ((await call(base, token, "POST /orders/{id}/pack", "POST", `/api/v1/orders/${id}/pack`, {})).ok) {
            counters.packed++;
            queues.packed.push(id);
          }
        } else if (x < 0.44 && queues.packed.length) {
          const id = queues.packed.shift()!;
          if ((await call(base, token, "POST /orders/{id}/invoice", "POST", `/api/v1/orders/${id}/invoice`, {})).ok) counters.invoiced++;
        } else if (x < 0.52 && queues.dues.length) {
          const connectionId = queues.dues.shift()!;
          const r = await call(base, token, "POST /payments", "POST", `/api/v1/payments`, {
            connectionId,
            amount: String(500 + Math.floor(rand() * 5000)),
            method: "UPI",
            reference: `UPI${SEED}${u.k}${counters.payments}${Math.floor(rand() * 1e6)}`,
            paidOn: today,
          });
          if (r.ok) counters.payments++;
          queues.dues.push(connectionId);
        } else if (x < 0.76) {
          if (x < 0.44) counters.idleStaffSteps++;
          const f = pick(orderFilters);
          const r = await call(base, token, "GET /orders (staff, filters)", "GET", `/api/v1/orders?${qs(f)}`);
          examples.set("GET /orders (staff, filters)", { actor: "staff", userIndex: u.login, input: f });
          if (r.ok) seen = ((r.json!.data as Json[]) ?? []).map((o) => String(o.id));
        } else if (x < 0.84 && seen.length) {
          const id = pick(seen);
          await call(base, token, "GET /orders/{id}", "GET", `/api/v1/orders/${id}`);
          examples.set("GET /orders/{id}", { actor: "staff", userIndex: u.login, input: {}, id });
        } else {
          const f = pick(invoiceFilters);
          await call(base, token, "GET /invoices (staff, filters)", "GET", `/api/v1/invoices?${qs(f)}`);
          examples.set("GET /invoices (staff, filters)", { actor: "staff", userIndex: u.login, input: f });
        }
        await think(rand);
      }
    };

    console.log(`load: ${USERS} users for ${SECONDS} s, think ${THINK_MIN_MS}–${THINK_MAX_MS} ms…`);
    const t0 = performance.now();
    await Promise.all(
      users.map(async (u) => {
        const rand = seededRandom(SEED * 100_003 + u.k);
        // Users arrive over the first think time, not all in the same millisecond.
        await new Promise((r) => setTimeout(r, rand() * THINK_MAX_MS));
        await (u.kind === "retailer" ? retailer(u, rand) : staff(u, rand));
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const jobs = await jobLag(admin, new Date(Date.now() - seconds * 1000));
    const wall = (performance.now() - cpu0.at) / 1000;
    const selfCpu = process.cpuUsage(cpu0.self);
    const cpu = {
      appProcesses: appPids.length,
      appCoresUsed: appPids.length ? Math.round(((cpuTicks() - cpu0.app) / 100 / wall) * 100) / 100 : null,
      loadGeneratorCoresUsed: Math.round(((selfCpu.user + selfCpu.system) / 1e6 / wall) * 100) / 100,
    };
    const active = dbSessions.map((x) => x.active ?? 0);
    const idleInTx = dbSessions.map((x) => x["idle in transaction"] ?? 0);
    const loadAtEnd = os.loadavg().map((x) => Math.round(x * 100) / 100);

    const rows = [...stats.values()].sort((a, b) => a.kind.localeCompare(b.kind) || a.route.localeCompare(b.route));
    const results = rows.map((s) => {
      const sum: Summary = summarize(s.times);
      const target = s.kind === "read" ? TARGETS.readP95 : TARGETS.writeP95;
      return { route: s.route, kind: s.kind, count: s.times.length, errors: s.errors, statuses: s.statuses, latencyMs: sum, targetP95Ms: target, meetsTarget: s.errors === 0 && sum.p95 < target, firstErrors: s.firstErrors };
    });
    const total = results.reduce((a, r) => a + r.count, 0);
    const errors = results.reduce((a, r) => a + r.errors, 0);
    console.log(
      "\n" +
        table(
          ["route", "kind", "count", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "target p95", ""],
          results.map((r) => [r.route, r.kind, r.count, r.errors, r.latencyMs.p50, r.latencyMs.p95, r.latencyMs.p99, r.latencyMs.max, `< ${r.targetP95Ms}`, r.meetsTarget ? "ok" : "MISS"]),
        ),
    );
    console.log(
      `\n${total} requests in ${seconds.toFixed(0)} s = ${(total / seconds).toFixed(1)}/s; ${errors} errors; orders placed ${counters.ordersPlaced} (${((counters.ordersPlaced / seconds) * 60).toFixed(0)}/min), ` +
        `confirmed ${counters.confirmed}, packed ${counters.packed}, invoiced ${counters.invoiced}, payments ${counters.payments}`,
    );
    console.log(`load average: start ${loadAtStart.join(" ")}, end ${loadAtEnd.join(" ")}, 1-min samples during the run ${loadSamples.join(" ")}`);
    console.log(
      `CPU: app ${cpu.appCoresUsed ?? "?"} cores (${cpu.appProcesses} processes), load generator ${cpu.loadGeneratorCoresUsed} cores; ` +
        `database sessions every 5 s: active ${active.join(" ")}, idle in transaction ${idleInTx.join(" ")}`,
    );
    for (const r of results) for (const e of r.firstErrors) console.log(`error: ${r.route}: ${e}`);
    console.log(`\nbackground jobs queued during the load (state 10 s after it ended; lag = queued → completed):\n`);
    console.log(table(["queue", "queued", "completed", "still waiting", "lag p50 s", "lag p95 s", "lag max s"], jobs.map((j) => [j.queue, j.queued, j.completed, j.waiting, j.lagP50Seconds ?? "", j.lagP95Seconds ?? "", j.lagMaxSeconds ?? ""])));

    // Plans of the reads that missed, from their domain functions run here with the same input.
    const plans: Record<string, string> = {};
    const missed = results.filter((r) => r.kind === "read" && r.latencyMs.p95 >= TARGETS.readP95);
    if (missed.length && process.env.EXPLAIN !== "0") {
      const { makeCtx } = await import("../lib/ctx");
      const { browseVendorCatalog } = await import("../lib/catalog/portal-catalog");
      const { listOrders } = await import("../lib/orders/list-orders");
      const { listInvoices } = await import("../lib/billing/list-invoices");
      const { getOrderOrThrow } = await import("../lib/orders/get-order-or-throw");
      const { getInvoicePdf } = await import("../lib/billing/get-invoice-pdf");
      const { getCart } = await import("../lib/orders/get-cart");
      for (const r of missed) {
        const ex = examples.get(r.route) ?? { actor: r.route.includes("staff") ? ("staff" as const) : ("retailer" as const), userIndex: 1, input: {} };
        const actor =
          ex.actor === "staff"
            ? { kind: "staff" as const, userId: `${p}_su_${ex.userIndex}`, email: `staff${ex.userIndex}@x`, name: "Bench staff", companyId: cid, role: "MANAGER" as const }
            : { kind: "retailer" as const, userId: `${p}_ru_${ex.userIndex}`, email: `retailer${ex.userIndex}@x`, name: "Bench retailer", retailerId: `${p}_r_${ex.userIndex}` };
        const ctx = makeCtx(actor);
        const run: Record<string, () => Promise<unknown>> = {
          "GET /me/vendors/{code}/catalog?q": () => browseVendorCatalog(ctx, { vendor: code, q: ex.input.q, inStockOnly: ex.input.inStockOnly || undefined, pageSize: 24 }),
          "GET /orders (retailer)": () => listOrders(ctx, { vendorCode: code, pageSize: 20 }),
          "GET /invoices (retailer)": () => listInvoices(ctx, { vendorCode: code, pageSize: 20 }),
          "GET /orders (staff, filters)": () => listOrders(ctx, { ...ex.input, pageSize: 25 }),
          "GET /invoices (staff, filters)": () => listInvoices(ctx, { ...ex.input, pageSize: 25 }),
          "GET /orders/{id}": () => getOrderOrThrow(ctx, ex.id!),
          "GET /invoices/{id}/pdf": () => getInvoicePdf(ctx, ex.id!),
          "GET /cart/{vendor}": () => getCart(ctx, code),
        };
        const fn = run[r.route];
        if (!fn) {
          plans[r.route] = "(no in-process equivalent: main query not identified)";
          continue;
        }
        capture = [];
        const t = performance.now();
        await fn();
        const wall = performance.now() - t;
        const got = capture;
        capture = null;
        const sqlMs = got.reduce((a, c) => a + c.ms, 0);
        const slowest = got.filter((c) => /^\s*(SELECT|WITH)/i.test(c.text)).sort((a, b) => b.ms - a.ms)[0];
        let text = `in-process ${wall.toFixed(1)} ms, ${got.length} statements, ${sqlMs.toFixed(1)} ms in SQL (input ${JSON.stringify(ex.input)}${ex.id ? `, id ${ex.id}` : ""})`;
        if (slowest) {
          const plan = await admin.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${slowest.text}`, slowest.values as unknown[]);
          text += `\nslowest statement (${slowest.ms.toFixed(1)} ms):\n${slowest.text}\nvalues ${JSON.stringify(slowest.values)}\n${plan.rows.map((x) => x["QUERY PLAN"]).join("\n")}`;
        }
        plans[r.route] = text;
        console.log(`\n-- ${r.route} (p95 ${r.latencyMs.p95} ms): ${text}`);
      }
    }

    const file = writeResults(`mixed${process.env.RESULTS_SUFFIX ?? ""}`, {
      description:
        "A morning's mixed load: simulated users with think time against one production instance through /api/v1 (bearer tokens): 70 % retailers (catalog search, cart, checkout, own orders, invoices and PDFs), 30 % staff (order and invoice lists with filters, one order, confirm, pack, invoice, record payment)",
      config: { scale: SCALE, users: USERS, retailerUsers, staffUsers: USERS - retailerUsers, seconds: SECONDS, seed: SEED, thinkMs: [THINK_MIN_MS, THINK_MAX_MS], baseUrl: base, startedHere: app.startedHere, pdfs: PDFS, pdfsStoredBeforeLoad },
      dataSet: { main: specs.main, other: specs.other, verified: dataSet, builtInSeconds: mainBuild.reused && otherBuild.reused ? null : buildSeconds, reused: mainBuild.reused && otherBuild.reused },
      targets: TARGETS,
      machine: await machineInfo((sql) => admin.query(sql)),
      loadAverage: { start: loadAtStart, end: loadAtEnd, samplesDuringRun1Min: loadSamples, note: "shared 2-core machine with other work running; re-run on a quiet machine for absolute figures" },
      cpu,
      ...(cpuByRoute ? { cpuPerRequestByRoute: cpuByRoute } : {}),
      jobsQueuedDuringLoad: jobs,
      databaseSessionsEvery5s: dbSessions,
      totals: { requests: total, errors, seconds: Math.round(seconds), requestsPerSec: Math.round((total / seconds) * 10) / 10, ...counters, ordersPerMin: Math.round((counters.ordersPlaced / seconds) * 60), staffQueuesAtStart: queuedAtStart },
      routes: results,
      plansOfMissedReads: plans,
    });
    console.log(`\nwrote ${file}`);
    const misses = results.filter((r) => !r.meetsTarget).map((r) => r.route);
    console.log(misses.length ? `targets missed: ${misses.join(", ")}` : "every route met its target");
    if (errors > 0 || broken > 0) {
      console.error(errors > 0 ? `FAILED: ${errors} errors` : `FAILED: the data set breaks ${broken} invariants`);
      process.exitCode = 1;
    } else if (misses.length) process.exitCode = 2;
  } finally {
    await app.stop();
    await (await import("../lib/pdf/render-pool")).stopRenderPool();
    await admin.end();
    await disconnect();
    await db.stop();
  }
}

/** Processes serving base: a next server whose environment has AUTH_URL=base (Linux /proc; none elsewhere). */
/**
 * The background jobs the load queued (notifications, mails, PDFs, e-invoices): per queue how many,
 * how many were done 10 s after the load ended, and how long they waited from queued to completed. A
 * worker that falls behind shows here as jobs still waiting and a lag that grows with the run.
 */
async function jobLag(admin: pg.Client, since: Date) {
  await new Promise((r) => setTimeout(r, 10_000));
  const { rows } = await admin.query<{ queue: string; queued: number; completed: number; waiting: number; p50: number | null; p95: number | null; max: number | null }>(
    `SELECT name AS queue, count(*)::int AS queued, count(*) FILTER (WHERE state = 'completed')::int AS completed,
            count(*) FILTER (WHERE state IN ('created', 'retry', 'active'))::int AS waiting,
            round((percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM completed_on - created_on)) FILTER (WHERE state = 'completed'))::numeric, 2)::float AS p50,
            round((percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM completed_on - created_on)) FILTER (WHERE state = 'completed'))::numeric, 2)::float AS p95,
            round(max(extract(epoch FROM completed_on - created_on)) FILTER (WHERE state = 'completed')::numeric, 2)::float AS max
     FROM pgboss.job WHERE created_on >= $1 GROUP BY name ORDER BY count(*) DESC`,
    [since],
  );
  return rows.map((r) => ({ queue: r.queue, queued: r.queued, completed: r.completed, waiting: r.waiting, lagP50Seconds: r.p50, lagP95Seconds: r.p95, lagMaxSeconds: r.max }));
}

/**
 * ROUTE_CPU=N: before the load, each route on its own, N requests one after another (one retailer, one
 * manager), and the CPU they cost: the app process's (its job workers included: the batch is followed by
 * a wait for the jobs it queued to be done; with JOBS_WORKER=off, the requests alone) and PostgreSQL's (every postgres process, from /proc), per request, with
 * the wall p50. A checkout needs an item in the cart: its figure is a batch of add-then-checkout less the
 * adds' own. What the load's CPU is spent on, route by route, without attributing samples of a profile.
 */
async function routeCpu(a: {
  base: string;
  code: string;
  /** The retailers' tokens: the first places the orders, the first with invoices downloads the PDFs. */
  retailerTokens: string[];
  staffToken: string;
  queues: { placed: string[]; confirmed: string[]; packed: string[]; dues: string[] };
  today: string;
  daysAgo: (d: number) => string;
  appCpuMs: () => number;
  admin: pg.Client;
}) {
  const { base, code, staffToken: st, queues } = a;
  const rt = a.retailerTokens[0]!;
  const isPostgres = (p: { comm: string }) => p.comm === "postgres";
  let found: string[] = [];
  let invoices: string[] = [];
  let seen: string[] = [];
  const r0 = await call(base, rt, "probe", "GET", `/api/v1/me/vendors/${code}/catalog?q=oil&limit=24`);
  found = ((r0.json?.data as Json[]) ?? []).filter((i) => i.availability !== "out").map((i) => String(i.id));
  // A retailer with invoices, for the PDF downloads.
  let pdfToken = rt;
  for (const t of a.retailerTokens) {
    const r1 = await call(base, t, "probe", "GET", `/api/v1/invoices?vendorCode=${code}&limit=20`);
    invoices = ((r1.json?.data as Json[]) ?? []).map((i) => String(i.id));
    pdfToken = t;
    if (invoices.length) break;
  }
  const r2 = await call(base, st, "probe", "GET", `/api/v1/orders?status=all&limit=25`);
  seen = ((r2.json?.data as Json[]) ?? []).map((o) => String(o.id));
  const add = (i: number) => call(base, rt, "probe", "POST", `/api/v1/cart/${code}/items`, { productId: found[i % found.length], quantity: "2" });
  const orderFilters = ["status=placed", "status=open&sort=-createdAt", "status=all&q=Store%201", `status=all&from=${a.daysAgo(30)}&to=${a.today}`, "status=all&sort=-grandTotal"];
  const invoiceFilters = ["payment=unpaid", "payment=overdue", `from=${a.daysAgo(30)}&to=${a.today}`, "q=INV%2F26-27%2F0001", "q=Store%2042"];
  const probes: [string, (i: number) => Promise<unknown>][] = [
    ["GET /me/vendors/{code}/catalog?q", (i) => call(base, rt, "probe", "GET", `/api/v1/me/vendors/${code}/catalog?q=${encodeURIComponent(WORDS[i % WORDS.length]!)}&limit=24`)],
    ["POST /cart/{vendor}/items", add],
    ["GET /cart/{vendor}", () => call(base, rt, "probe", "GET", `/api/v1/cart/${code}`)],
    ["(add + checkout)", async (i) => (await add(i), call(base, rt, "probe", "POST", `/api/v1/cart/${code}/checkout`, { buyerReference: `CPU-${i}` }))],
    ["GET /orders (retailer)", () => call(base, rt, "probe", "GET", `/api/v1/orders?vendorCode=${code}&limit=20`)],
    ["GET /invoices (retailer)", () => call(base, rt, "probe", "GET", `/api/v1/invoices?vendorCode=${code}&limit=20`)],
    ["GET /invoices/{id}/pdf", (i) => call(base, pdfToken, "probe", "GET", `/api/v1/invoices/${invoices[i % invoices.length]}/pdf`)],
    ["GET /orders (staff, filters)", (i) => call(base, st, "probe", "GET", `/api/v1/orders?${orderFilters[i % orderFilters.length]}&limit=25`)],
    ["GET /orders/{id}", (i) => call(base, st, "probe", "GET", `/api/v1/orders/${seen[i % seen.length]}`)],
    ["GET /invoices (staff, filters)", (i) => call(base, st, "probe", "GET", `/api/v1/invoices?${invoiceFilters[i % invoiceFilters.length]}&limit=25`)],
    ["POST /orders/{id}/confirm", () => call(base, st, "probe", "POST", `/api/v1/orders/${queues.confirmed.push(queues.placed.shift()!), queues.confirmed.at(-1)}/confirm`, {})],
    ["POST /orders/{id}/pack", () => call(base, st, "probe", "POST", `/api/v1/orders/${queues.packed.push(queues.confirmed.shift()!), queues.packed.at(-1)}/pack`, {})],
    ["POST /orders/{id}/invoice", () => call(base, st, "probe", "POST", `/api/v1/orders/${queues.packed.shift()}/invoice`, {})],
    ["POST /payments", (i) => call(base, st, "probe", "POST", `/api/v1/payments`, { connectionId: queues.dues[i % queues.dues.length], amount: "700", method: "UPI", reference: `UPICPU${Date.now()}${i}`, paidOn: a.today })],
  ];
  const out: Record<string, { appMs: number; dbMs: number; wallP50Ms: number; errors: number }> = {};
  for (const [route, probe] of probes) {
    await probe(0); // warm the route
    const errorsBefore = stats.get("probe")?.errors ?? 0;
    const app0 = a.appCpuMs();
    const db0 = procCpuMs(isPostgres);
    const walls: number[] = [];
    for (let i = 1; i <= ROUTE_CPU; i++) {
      const t = performance.now();
      await probe(i);
      walls.push(performance.now() - t);
    }
    // The jobs the batch queued (notices, mails, the invoice's PDF) are part of its cost: wait for them,
    // unless the app runs no workers (JOBS_WORKER=off: the requests' own CPU, the jobs left queued).
    const until = Date.now() + (process.env.JOBS_WORKER === "off" ? 0 : 60_000);
    do await new Promise((r) => setTimeout(r, 500));
    while (Date.now() < until && (await a.admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND start_after <= now()`)).rows[0]!.n > 0);
    out[route] = {
      appMs: Math.round(((a.appCpuMs() - app0) / ROUTE_CPU) * 10) / 10,
      dbMs: Math.round((procCpuSince(db0, isPostgres) / ROUTE_CPU) * 10) / 10,
      wallP50Ms: Math.round(summarize(walls).p50 * 10) / 10,
      errors: (stats.get("probe")?.errors ?? 0) - errorsBefore,
    };
  }
  const both = out["(add + checkout)"]!;
  const adds = out["POST /cart/{vendor}/items"]!;
  out["POST /cart/{vendor}/checkout"] = { appMs: Math.round((both.appMs - adds.appMs) * 10) / 10, dbMs: Math.round((both.dbMs - adds.dbMs) * 10) / 10, wallP50Ms: Math.round((both.wallP50Ms - adds.wallP50Ms) * 10) / 10, errors: both.errors };
  delete out["(add + checkout)"];
  console.log(`\nCPU per request, each route alone (${ROUTE_CPU} requests one after another):\n`);
  console.log(table(["route", "app ms", "db ms", "wall p50 ms", "errors"], Object.entries(out).map(([r, x]) => [r, x.appMs, x.dbMs, x.wallP50Ms, x.errors])));
  for (const e of stats.get("probe")?.firstErrors ?? []) console.log(`probe error: ${e}`);
  stats.delete("probe");
  return out;
}

function findServerPids(base: string): number[] {
  const pids: number[] = [];
  try {
    for (const d of readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      try {
        if (readFileSync(`/proc/${d}/environ`, "utf8").split("\0").includes(`AUTH_URL=${base}`) && readFileSync(`/proc/${d}/cmdline`, "utf8").includes("next")) pids.push(Number(d));
      } catch {
        /* gone, or not ours */
      }
    }
  } catch {
    /* no /proc */
  }
  return pids;
}

/** utime + stime of a process in clock ticks (100 a second on Linux). */
function procCpuTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(f[11]) + Number(f[12]);
  } catch {
    return 0;
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
