// Stock reservation of 3-line orders under concurrency: the inventory domain's reserveStock (through
// Prisma, each order in its own interactive transaction) against the same transaction written as
// raw SQL with `pg`, on fresh identical stock, at concurrency 1, 8 and 32.
//
// Each phase: 30 new products × 500 units received through the ledger (applyMovements), then
// ATTEMPTS orders (default 2,000) of 3 distinct random products × random 1–5 units from a seeded
// generator, so every phase asks for exactly the same orders. Demand (~18,000 units) exceeds stock
// (15,000), so the last orders fail with insufficient_stock — which is the point: afterwards no
// level may have reserved > on hand, total reserved must equal the sum of the successful orders'
// lines, and every level must equal the sum of its ledger rows.
//
//   npx tsx --conditions=react-server bench/reservations.ts
// Env: BENCH_DATABASE_URL / DATABASE_URL (else embedded under .data/bench-postgres), ATTEMPTS
// (2000), CONCURRENCY ("1,8,32"), PRODUCTS (30), UNITS (500). See bench/README.md.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { describeUrl, openBenchDb } from "./lib/db";
import { makeOrders, round, runLoad, type Line, type Outcome } from "./lib/load";
import { machineInfo, table, writeResults, type Summary } from "./lib/stats";

const ATTEMPTS = Number(process.env.ATTEMPTS ?? 2000);
const LEVELS = (process.env.CONCURRENCY ?? "1,8,32").split(",").map(Number);
const PRODUCTS = Number(process.env.PRODUCTS ?? 30);
const UNITS = Number(process.env.UNITS ?? 500);
const COMPANY = "BNRS";
// Enough pooled connections for the highest concurrency (read by lib/db/client when first used).
process.env.DATABASE_POOL_SIZE = String(Math.max(...LEVELS) + 4);

type Phase = {
  impl: "domain" | "raw";
  concurrency: number;
  attempts: number;
  reserved: number;
  insufficientStock: number;
  errors: number;
  firstError: string | null;
  seconds: number;
  reservationsPerSec: number;
  attemptsPerSec: number;
  latencyReservedMs: Summary;
  latencyAllMs: Summary;
  checks: Checks;
};
type Checks = { levelsOverReserved: number; reservedTotal: string; reservedBySuccessfulLines: string; reservedMatchesOrders: boolean; levelsNotEqualToLedger: number; unitsReceived: number; ok: boolean };

async function main() {
  const db = await openBenchDb();
  const admin = new pg.Client({ connectionString: db.url });
  await admin.connect();
  const { prisma, disconnect } = await import("../lib/db/client");
  const { applyMovements } = await import("../lib/inventory/ledger");
  const { reserveStock } = await import("../lib/inventory/reservations");
  const { AppError } = await import("../lib/errors");
  const phases: Phase[] = [];
  try {
    console.log(`bench db: ${describeUrl(db.url)}${db.embedded ? " (embedded)" : ""}`);
    const { companyId, warehouseId } = await ensureCompany(admin);
    const run = Date.now().toString(36);

    /** 30 fresh products with UNITS each on the shelf, received through the ledger. */
    const freshStock = async (tag: string) => {
      const ids = Array.from({ length: PRODUCTS }, (_, k) => `bres_${run}_${tag}_${String(k).padStart(2, "0")}`);
      await prisma.product.createMany({
        data: ids.map((id, k) => ({ id, companyId, sku: `R-${run}-${tag}-${k}`.toUpperCase(), name: `Bench reservation product ${tag} ${k}`, hsnCode: "1106", gstRate: "5", unit: "PCS", basePrice: "100.00" })),
      });
      await prisma.$transaction((tx) => applyMovements(tx, { companyId, movements: ids.map((productId) => ({ productId, warehouseId, kind: "RECEIPT", onHandDelta: String(UNITS), reservedDelta: "0", reason: "bench stock" })) }));
      return ids;
    };

    const domainReserve = async (refType: string, lines: Line[]): Promise<Outcome> => {
      try {
        await prisma.$transaction((tx) => reserveStock(tx, { companyId, warehouseId, refType, refId: randomUUID(), lines }), { maxWait: 60_000, timeout: 60_000 });
        return "ok";
      } catch (err) {
        if (err instanceof AppError && err.code === "insufficient_stock") return "insufficient_stock";
        throw err;
      }
    };

    for (const impl of ["domain", "raw"] as const) {
      const rawPool = impl === "raw" ? new pg.Pool({ connectionString: db.url, max: Math.max(...LEVELS) }) : null;
      try {
        for (const concurrency of LEVELS) {
          const tag = `${impl[0]}${concurrency}`;
          const refType = `Bench-${run}-${tag}`;
          const products = await freshStock(tag);
          const orders = makeOrders(products, ATTEMPTS, 20261125);
          const reserve = impl === "domain" ? (lines: Line[]) => domainReserve(refType, lines) : (lines: Line[]) => rawReserve(rawPool!, { companyId, warehouseId, refType, lines });
          const load = await runLoad(concurrency, orders, reserve);
          const phase = { impl, concurrency, attempts: load.attempts, reserved: load.ok, insufficientStock: load.insufficientStock, errors: load.errors, firstError: load.firstError, seconds: load.seconds, reservationsPerSec: load.okPerSec, attemptsPerSec: load.attemptsPerSec, latencyReservedMs: load.latencyOkMs, latencyAllMs: load.latencyAllMs };
          const checks = await verify(admin, companyId, products, refType, load.okUnits);
          phases.push({ ...phase, checks });
          console.log(
            `${impl.padEnd(6)} c=${String(concurrency).padStart(2)}: ${phase.reserved} reserved, ${phase.insufficientStock} insufficient_stock, ${phase.errors} errors in ${phase.seconds.toFixed(2)}s → ${phase.reservationsPerSec.toFixed(0)} reservations/s; checks ${checks.ok ? "ok" : "FAILED " + JSON.stringify(checks)}`,
          );
        }
      } finally {
        await rawPool?.end();
      }
    }

    const at = (impl: string, c: number) => phases.find((p) => p.impl === impl && p.concurrency === c);
    console.log(`\nReserving 3-line orders: ${ATTEMPTS} orders per phase on ${PRODUCTS} products × ${UNITS} units (fresh stock each phase):\n`);
    console.log(
      table(
        ["impl", "conc", "reserved", "insufficient", "errors", "res/s", "attempts/s", "p50 ms", "p95 ms", "p99 ms", "checks"],
        phases.map((p) => [p.impl, p.concurrency, p.reserved, p.insufficientStock, p.errors, p.reservationsPerSec.toFixed(0), p.attemptsPerSec.toFixed(0), p.latencyReservedMs.p50.toFixed(1), p.latencyReservedMs.p95.toFixed(1), p.latencyReservedMs.p99.toFixed(1), p.checks.ok ? "ok" : "FAILED"]),
      ),
    );
    const ratios = LEVELS.map((c) => {
      const d = at("domain", c)!;
      const r = at("raw", c)!;
      return { concurrency: c, domainPerRaw: round(d.reservationsPerSec / r.reservationsPerSec), domainPerRawAttempts: round(d.attemptsPerSec / r.attemptsPerSec) };
    });
    console.log(`\nthroughput ratio domain / raw SQL: ${ratios.map((r) => `c=${r.concurrency}: ${r.domainPerRaw}`).join(", ")}`);
    const file = writeResults("reservations", {
      at: new Date().toISOString(),
      machine: await machineInfo((sql) => admin.query(sql)),
      database: { url: describeUrl(db.url), embedded: db.embedded },
      setup: { attemptsPerPhase: ATTEMPTS, products: PRODUCTS, unitsPerProduct: UNITS, linesPerOrder: 3, quantityPerLine: "1–5", seed: 20261125 },
      phases,
      ratios,
    });
    console.log(`written: ${file}`);
    if (phases.some((p) => !p.checks.ok || p.errors > 0)) process.exitCode = 2;
  } finally {
    await disconnect();
    await admin.end();
    await db.stop();
  }
}

/**
 * The same transaction in plain SQL: the conditional UPDATEs in productId order (stop at the first
 * that finds too little), the per-product totals, the ledger rows, the reservation and its lines.
 */
async function rawReserve(pool: pg.Pool, args: { companyId: string; warehouseId: string; refType: string; lines: Line[] }): Promise<Outcome> {
  const lines = [...args.lines].sort((a, b) => (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0));
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    for (const l of lines) {
      const r = await client.query(
        `UPDATE "StockLevel" SET reserved = reserved + $4::numeric, "updatedAt" = now()
         WHERE "companyId" = $1 AND "productId" = $2 AND "warehouseId" = $3 AND "onHand" - reserved >= $4::numeric`,
        [args.companyId, l.productId, args.warehouseId, l.quantity],
      );
      if (r.rowCount === 0) {
        await client.query("ROLLBACK");
        return "insufficient_stock";
      }
    }
    await client.query(
      `UPDATE "Product" p SET "stockReserved" = p."stockReserved" + u.q
       FROM unnest($2::text[], $3::numeric[]) AS u(id, q) WHERE p.id = u.id AND p."companyId" = $1`,
      [args.companyId, lines.map((l) => l.productId), lines.map((l) => l.quantity)],
    );
    const refId = randomUUID();
    await client.query(
      `INSERT INTO "StockMovement" ("companyId", "productId", "warehouseId", kind, "onHandDelta", "reservedDelta", "refType", "refId")
       SELECT $1, u.p, $2, 'RESERVATION', 0, u.q, $3, $4 FROM unnest($5::text[], $6::numeric[]) AS u(p, q)`,
      [args.companyId, args.warehouseId, args.refType, refId, lines.map((l) => l.productId), lines.map((l) => l.quantity)],
    );
    const reservationId = `rr_${randomUUID()}`;
    await client.query(`INSERT INTO "StockReservation" (id, "companyId", "warehouseId", "refType", "refId", "updatedAt") VALUES ($1, $2, $3, $4, $5, now())`, [reservationId, args.companyId, args.warehouseId, args.refType, refId]);
    await client.query(
      `INSERT INTO "StockReservationLine" (id, "reservationId", "productId", quantity)
       SELECT 'rl_' || gen_random_uuid(), $1, u.p, u.q FROM unnest($2::text[], $3::numeric[]) AS u(p, q)`,
      [reservationId, lines.map((l) => l.productId), lines.map((l) => l.quantity)],
    );
    await client.query("COMMIT");
    return "ok";
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}

/** After a phase: no level over-reserved, reserved == successful lines, levels == ledger sums. */
async function verify(client: pg.Client, companyId: string, products: string[], refType: string, successfulUnits: number): Promise<Checks> {
  const { rows } = await client.query<{ over: string; reserved: string; lines: string; mismatched: string; received: string }>(
    `SELECT (SELECT count(*) FROM "StockLevel" WHERE "companyId" = $1 AND reserved > "onHand") AS over,
            (SELECT coalesce(sum(reserved), 0) FROM "StockLevel" WHERE "productId" = ANY($2::text[])) AS reserved,
            (SELECT coalesce(sum(l.quantity), 0) FROM "StockReservationLine" l JOIN "StockReservation" r ON r.id = l."reservationId"
              WHERE r."companyId" = $1 AND r."refType" = $3) AS lines,
            (SELECT count(*) FROM "StockLevel" s
               FULL JOIN (SELECT "productId", "warehouseId", sum("onHandDelta") oh, sum("reservedDelta") rs FROM "StockMovement"
                          WHERE "productId" = ANY($2::text[]) GROUP BY 1, 2) m USING ("productId", "warehouseId")
              WHERE (s."productId" = ANY($2::text[]) OR m."productId" IS NOT NULL)
                AND (coalesce(s."onHand", 0) <> coalesce(m.oh, 0) OR coalesce(s.reserved, 0) <> coalesce(m.rs, 0))) AS mismatched,
            (SELECT coalesce(sum("onHand"), 0) FROM "StockLevel" WHERE "productId" = ANY($2::text[])) AS received`,
    [companyId, products, refType],
  );
  const r = rows[0];
  const reservedMatchesOrders = Number(r.reserved) === Number(r.lines) && Number(r.lines) === successfulUnits;
  const checks = {
    levelsOverReserved: Number(r.over),
    reservedTotal: String(Number(r.reserved)),
    reservedBySuccessfulLines: String(Number(r.lines)),
    reservedMatchesOrders,
    levelsNotEqualToLedger: Number(r.mismatched),
    unitsReceived: Number(r.received),
  };
  return { ...checks, ok: checks.levelsOverReserved === 0 && reservedMatchesOrders && checks.levelsNotEqualToLedger === 0 && checks.unitsReceived === products.length * UNITS };
}

async function ensureCompany(client: pg.Client) {
  await client.query(
    `INSERT INTO "Company" (id, code, "legalName", "stateCode", "addressLine1", city, pincode, "updatedAt")
     VALUES ('bench_company_reservations', $1, 'Bench Reservations Pvt. Ltd.', '27', 'Bench Road', 'Pune', '411001', now()) ON CONFLICT (code) DO NOTHING`,
    [COMPANY],
  );
  const { rows } = await client.query<{ id: string }>(`SELECT id FROM "Company" WHERE code = $1`, [COMPANY]);
  const companyId = rows[0].id;
  await client.query(
    `INSERT INTO "Warehouse" (id, "companyId", code, name, "stateCode", "isDefault", "updatedAt") VALUES ('bench_wh_reservations', $1, 'MAIN', 'Bench Godown', '27', true, now())
     ON CONFLICT ("companyId", code) DO NOTHING`,
    [companyId],
  );
  const wh = await client.query<{ id: string }>(`SELECT id FROM "Warehouse" WHERE "companyId" = $1 AND code = 'MAIN'`, [companyId]);
  return { companyId, warehouseId: wh.rows[0].id };
}

// Exit explicitly: something in the Prisma/pg teardown resets process.exitCode to 0 on the way out.
main().then(
  () => process.exit(process.exitCode ?? 0),
  (err) => {
    console.error("bench failed:", err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
