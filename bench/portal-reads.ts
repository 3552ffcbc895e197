// The retailer's two busiest reads of the mixed load (bench/mixed.ts), in-process through their domain
// functions on the mixed data set: the vendor catalog searched for a word (browseVendorCatalog, 24 a
// page) and the cart with five lines (getCart). Each is called CALLS times one after another, after
// WARMUP calls, by the mixed data set's retailer logins in turn; printed per read: wall p50/p95, the
// process's CPU per call (user + system) and the SQL statements sent per call (pg's query calls).
// Run it with two versions of the code on the same data to compare them.
//
//   BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/erp_bench_mixed npx tsx --conditions=react-server bench/portal-reads.ts
// Env: CALLS (400), WARMUP (40), RESULTS_NAME (portal-reads). The data set must exist (bench/mixed.ts
// builds it). Writes bench/results/<RESULTS_NAME>-<date>.json.
import { openMixedDataSet, timeCalls, type CallFigures } from "./lib/in-process";
import { machineInfo, writeResults } from "./lib/stats";

const CALLS = Number(process.env.CALLS ?? 400);
const WARMUP = Number(process.env.WARMUP ?? 40);
const WORDS = ["dal", "rice", "oil", "masala", "bhujia", "biscuits", "tea", "soap", "noodles", "pickle", "almonds", "agarbatti", "kaveri", "ghee", "1 kg", "nilgiri", "deccan", "shampoo", "atta", "cookies"];

async function main() {
  const { admin, spec } = await openMixedDataSet();
  const { makeCtx } = await import("../lib/ctx");
  const { browseVendorCatalog } = await import("../lib/catalog/portal-catalog");
  const { getCart } = await import("../lib/orders/get-cart");
  const { disconnect } = await import("../lib/db/client");

  // Five cart lines for each of the first 40 retailer logins (the same rows whichever code runs).
  const logins = 40;
  const retailer = (k: number) => makeCtx({ kind: "retailer", userId: `${spec.p}_ru_${k}`, email: `retailer${k}@x`, name: "Bench retailer", retailerId: `${spec.p}_r_${k}` });
  await admin.query(
    `INSERT INTO "Cart" (id, "companyId", "retailerId", "updatedAt")
     SELECT 'bench_cart_' || k, $1, $2 || '_r_' || k, now() FROM generate_series(1, $3::int) k
     ON CONFLICT ("retailerId", "companyId") DO NOTHING`,
    [spec.companyId, spec.p, logins],
  );
  await admin.query(
    `INSERT INTO "CartItem" (id, "cartId", "productId", quantity, "updatedAt")
     SELECT 'bench_ci_' || c.id || '_' || n, c.id, p.id, p."minOrderQty" * 2, now()
     FROM "Cart" c CROSS JOIN LATERAL (
       SELECT id, "minOrderQty", row_number() OVER () AS n FROM "Product" WHERE "companyId" = $1 AND active ORDER BY md5(c.id || id) LIMIT 5) p
     WHERE c."companyId" = $1 AND c.id LIKE 'bench_cart_%'
     ON CONFLICT DO NOTHING`,
    [spec.companyId],
  );

  const reads = {
    "catalog search": (i: number) => browseVendorCatalog(retailer(1 + (i % logins)), { vendor: spec.code, q: WORDS[i % WORDS.length], pageSize: 24 }),
    "cart (5 lines)": (i: number) => getCart(retailer(1 + (i % logins)), spec.code),
  };
  const results: Record<string, CallFigures> = {};
  for (const [name, read] of Object.entries(reads)) {
    results[name] = await timeCalls(read, { calls: CALLS, warmup: WARMUP });
    console.log(`${name.padEnd(16)} wall p50 ${results[name].wallP50} ms, p95 ${results[name].wallP95} ms; CPU ${results[name].cpuMsPerCall} ms and ${results[name].statementsPerCall} statements per call`);
  }
  const file = writeResults(process.env.RESULTS_NAME ?? "portal-reads", {
    at: new Date().toISOString(),
    machine: await machineInfo((sql) => admin.query(sql)),
    setup: { calls: CALLS, warmup: WARMUP, door: "domain functions in-process", data: "bench/mixed.ts data set (SCALE 1)", cartLines: 5, pageSize: 24 },
    results,
  });
  console.log(`written: ${file}`);
  await admin.end();
  await disconnect();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
