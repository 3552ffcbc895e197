// Product list under load: 100,000 products and 1,000,000 ledger rows in one company, measured
// three ways with the same mix of list queries —
//   (a) the domain function listProducts, in-process through Prisma,
//   (b) GET /api/v1/products over HTTP against the built app (bearer token),
//   (c) the product list page /products over HTTP (signed-in session cookie, full HTML),
// plus listCategoryTree({ counts: false }), which the page runs on every render for its category filter.
// Target: p95 < 50 ms for each. Plans (EXPLAIN ANALYZE) are printed for any query that misses.
//
//   npx tsx --conditions=react-server bench/catalog.ts
// Env: BENCH_DATABASE_URL / DATABASE_URL (else embedded under .data/bench-postgres), NEXT_DIST_DIR
// (the build to start, default .next), BENCH_PORT (3204), BENCH_BASE_URL (use a running server),
// SAMPLES (200), WARMUP (20), PLANS=1 (always print plans), SKIP_HTTP=1 (domain function only).
// See bench/README.md.
import pg from "pg";
import { BENCH_OWNER, ensureCatalogData, verifyCatalogData } from "./lib/catalog-data";
import { describeUrl, openBenchDb } from "./lib/db";
import { bearerToken, getOk, sessionCookie, startApp, type RunningApp } from "./lib/http";
import { machineInfo, measure, summarize, table, writeResults, type Summary } from "./lib/stats";

const SAMPLES = Number(process.env.SAMPLES ?? 200);
const WARMUP = Number(process.env.WARMUP ?? 20);
const TARGET_P95_MS = 50;
const PAGE_SIZE = 20;

/** One kind of list request; `variant(i)` rotates the search words so no single query is cached. */
type Scenario = { key: string; label: string; variant: (i: number) => ListQuery };
type ListQuery = { q?: string; categoryId?: string; stock?: "in_stock" | "low" | "out"; sort?: "name" | "basePrice"; dir?: "asc" | "desc"; offset?: number };

function scenarios(dept: Record<string, string>): Scenario[] {
  const inDept: [string, string][] = [
    ["toor dal", "Staples"],
    ["masala", "Spices & Masala"],
    ["ghee", "Edible Oils & Ghee"],
    ["shampoo", "Personal Care"],
    ["biscuits", "Biscuits & Bakery"],
  ];
  const words = ["toor dal", "masala", "basmati", "shampoo", "kaveri", "nilgiri", "detergent", "pickle"];
  return [
    { key: "search_category_name", label: "search + category + sort name", variant: (i) => ({ q: inDept[i % inDept.length][0], categoryId: dept[inDept[i % inDept.length][1]], sort: "name", dir: "asc" }) },
    { key: "search", label: "search only", variant: (i) => ({ q: words[i % words.length] }) },
    { key: "stock_low", label: "stock = low", variant: () => ({ stock: "low" }) },
    { key: "price_desc_page10", label: "sort price desc, page 10", variant: () => ({ sort: "basePrice", dir: "desc", offset: 9 * PAGE_SIZE }) },
  ];
}

type Row = { door: string; scenario: string; summary: Summary; meetsTarget: boolean };

async function main() {
  const db = await openBenchDb();
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const results: Row[] = [];
  const plans: Record<string, unknown> = {};
  let app: RunningApp | null = null;
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
    const data = await ensureCatalogData(client);
    const check = await verifyCatalogData(client, data.companyId);
    console.log(`bench data: ${JSON.stringify(check)}`);
    if (check.levelsNotEqualToLedger !== 0) throw new Error("stock levels differ from the ledger sums");

    // Imported only now: the Prisma client reads DATABASE_URL when first used.
    const { loadActor } = await import("../lib/auth/load-actor");
    const { makeCtx } = await import("../lib/ctx");
    const { prisma, disconnect } = await import("../lib/db/client");
    const { listProducts } = await import("../lib/catalog/list-products");
    const actor = await loadActor(prisma, data.ownerId, data.companyId);
    if (!actor) throw new Error("bench owner cannot act for the bench company");
    const ctx = makeCtx(actor, { db: prisma });
    const mix = scenarios(data.departmentIds);

    // (a) the domain function.
    for (const s of mix) {
      const times = await measure((i) => listProducts(ctx, { ...s.variant(i), pageSize: PAGE_SIZE }), { warmup: WARMUP, samples: SAMPLES });
      results.push(row("listProducts()", s, times));
    }

    // What else the page runs on every render: the category names for its filter.
    const { listCategoryTree } = await import("../lib/catalog/list-category-tree");
    const tree = summarize(await measure(() => listCategoryTree(ctx, { counts: false }), { warmup: WARMUP, samples: SAMPLES }));
    results.push({ door: "listCategoryTree()", scenario: "category filter of the page", summary: tree, meetsTarget: tree.p95 < TARGET_P95_MS });

    // (b) and (c): the built app over HTTP.
    app = process.env.SKIP_HTTP === "1" ? null : await startApp({ databaseUrl: db.url });
    if (app) {
      const token = await bearerToken(app.baseUrl, BENCH_OWNER.email, BENCH_OWNER.password);
      for (const s of mix) {
        const times = await measure((i) => getOk(`${app!.baseUrl}/api/v1/products?${apiQuery(s.variant(i))}`, { authorization: `Bearer ${token}` }), { warmup: WARMUP, samples: SAMPLES });
        results.push(row("GET /api/v1/products", s, times));
      }
      const cookie = await sessionCookie(app.baseUrl, BENCH_OWNER.email, BENCH_OWNER.password);
      const probe = await getOk(`${app.baseUrl}/products?${pageQuery(mix[0].variant(0))}`, { cookie });
      if (!probe.includes("BN-")) throw new Error("the /products page did not list bench products (signed in? right database?)");
      for (const s of mix) {
        const times = await measure((i) => getOk(`${app!.baseUrl}/products?${pageQuery(s.variant(i))}`, { cookie }), { warmup: WARMUP, samples: SAMPLES });
        results.push(row("page /products", s, times));
      }
      // Baseline for the page door: a signed-in screen without the product list (session, shell, layout).
      const base = summarize(await measure(() => getOk(`${app!.baseUrl}/dashboard`, { cookie }), { warmup: WARMUP, samples: SAMPLES }));
      results.push({ door: "page /dashboard", scenario: "baseline: session + shell, no list", summary: base, meetsTarget: base.p95 < TARGET_P95_MS });
    }

    // Plans for what missed the target (or all with PLANS=1), from the very statements listProducts
    // runs, for each input of the scenario; the slowest is printed.
    const missed = new Set(results.filter((r) => !r.meetsTarget || process.env.PLANS === "1").map((r) => r.scenario));
    if (missed.size) {
      const { explainSlowest } = await import("./lib/explain");
      for (const s of mix.filter((m) => missed.has(m.label))) {
        plans[s.key] = await explainSlowest(prisma, data.companyId, Array.from({ length: 8 }, (_, i) => ({ ...s.variant(i), pageSize: PAGE_SIZE })));
      }
    }
    await disconnect();

    console.log(`\nProduct list, ${check.products.toLocaleString("en-IN")} products / ${check.ledgerRows.toLocaleString("en-IN")} ledger rows, ${SAMPLES} samples each after ${WARMUP} warm-up, sequential (ms):\n`);
    console.log(
      table(
        ["door", "query", "p50", "p95", "p99", "max", `p95 < ${TARGET_P95_MS}`],
        results.map((r) => [r.door, r.scenario, r.summary.p50.toFixed(1), r.summary.p95.toFixed(1), r.summary.p99.toFixed(1), r.summary.max.toFixed(1), r.meetsTarget ? "yes" : "NO"]),
      ),
    );
    for (const [key, plan] of Object.entries(plans) as [string, { slowest: string; executionMsByInput: unknown }][]) {
      console.log(`\nEXPLAIN ANALYZE — ${key}: execution ms per input ${JSON.stringify(plan.executionMsByInput)}; the slowest:\n${plan.slowest}`);
    }
    const file = writeResults("catalog", {
      at: new Date().toISOString(),
      machine: await machineInfo((sql) => client.query(sql)),
      database: { url: describeUrl(db.url), embedded: db.embedded, ...check },
      samples: SAMPLES,
      warmup: WARMUP,
      pageSize: PAGE_SIZE,
      targetP95Ms: TARGET_P95_MS,
      http: app ? { baseUrl: app.baseUrl, distDir: process.env.NEXT_DIST_DIR ?? ".next" } : null,
      results: results.map((r) => ({ door: r.door, scenario: r.scenario, ...r.summary, meetsTarget: r.meetsTarget })),
      plans,
    });
    console.log(`\nwritten: ${file}`);
    if (results.some((r) => !r.meetsTarget)) process.exitCode = 2;
  } finally {
    await app?.stop();
    await client.end();
    await db.stop();
  }
}

function row(door: string, s: Scenario, times: number[]): Row {
  const summary = summarize(times);
  return { door, scenario: s.label, summary, meetsTarget: summary.p95 < TARGET_P95_MS };
}

/** The REST API's parameters: limit + cursor for pages. */
function apiQuery(q: ListQuery) {
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  if (q.categoryId) p.set("categoryId", q.categoryId);
  if (q.stock) p.set("stock", q.stock);
  if (q.sort) p.set("sort", q.sort);
  if (q.dir) p.set("dir", q.dir);
  p.set("limit", String(PAGE_SIZE));
  if (q.offset) p.set("cursor", Buffer.from(JSON.stringify({ o: q.offset })).toString("base64url"));
  return p.toString();
}

/** The product list screen's URL parameters (what its search box, filters and pager write). */
function pageQuery(q: ListQuery) {
  const p = new URLSearchParams();
  if (q.q) p.set("q", q.q);
  if (q.categoryId) p.set("category", q.categoryId);
  if (q.stock) p.set("stock", q.stock);
  if (q.sort) p.set("sort", q.sort);
  if (q.dir) p.set("dir", q.dir);
  if (q.offset) p.set("page", String(q.offset / PAGE_SIZE + 1));
  return p.toString();
}

// Exit explicitly: something in the Prisma/pg teardown resets process.exitCode to 0 on the way out.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error("bench failed:", err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
