// The order's named statements run on a generic plan after a few calls: planned once per connection
// without the parameters' values, from what the statistics say of an average company. In a database
// with many small vendors and one big one, `id = ANY($ids) AND "companyId" = $c` was planned as "every
// product of the company, filtered": the bench's 20,000-product company read its whole catalogue twice
// per order (bench/README.md). Each lookup must read only the rows of the products ordered, whatever
// the estimates. Checked here by running the statements the way a warm connection does
// (plan_cache_mode = force_generic_plan) and counting the rows each scan of those tables touched.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, expect, inject, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { readOrderInputsSql, reserveParams, reserveSql } from "@/lib/orders/place-order-sql";
import { readDirectInvoiceInputsSql } from "@/lib/billing/direct-invoice-inputs";
import { orderShop } from "../support/order-factories";

const uid = () => randomUUID().replace(/-/g, "").slice(0, 12);
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
afterAll(() => pool.end());

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Actual Rows": number; "Actual Loops": number; "Rows Removed by Filter"?: number; "Rows Removed by Index Recheck"?: number; Plans?: PlanNode[] };

/** Every scan of `tables` in the plan, with the rows it touched per loop (returned + filtered out). */
function scansOf(node: PlanNode, tables: string[], out: { node: string; table: string; rowsPerLoop: number }[] = []) {
  const table = node["Relation Name"] ?? tables.find((t) => node["Index Name"]?.startsWith(`${t}_`));
  if (table && tables.includes(table)) {
    out.push({ node: `${node["Node Type"]} ${node["Index Name"] ?? ""}`.trim(), table, rowsPerLoop: node["Actual Rows"] + (node["Rows Removed by Filter"] ?? 0) + (node["Rows Removed by Index Recheck"] ?? 0) });
  }
  for (const child of node.Plans ?? []) scansOf(child, tables, out);
  return out;
}

function literal(client: pg.PoolClient, v: unknown): string {
  if (v === null || v === undefined) return "NULL";
  if (Array.isArray(v)) return client.escapeLiteral(`{${v.map((x) => `"${String(x).replace(/(["\\])/g, "\\$1")}"`).join(",")}}`);
  if (v instanceof Date) return client.escapeLiteral(v.toISOString());
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  return client.escapeLiteral(typeof v === "string" ? v : JSON.stringify(v));
}

/** EXPLAIN ANALYZE of `text` with `values` as a prepared statement on a generic plan (what a warm connection runs). */
async function genericPlan(client: pg.PoolClient, text: string, values: unknown[]): Promise<PlanNode> {
  const name = `generic_${uid()}`;
  await client.query(`PREPARE ${name} AS ${text}`);
  const { rows } = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE ${name}(${values.map((v) => literal(client, v)).join(", ")})`);
  await client.query(`DEALLOCATE ${name}`);
  return rows[0]["QUERY PLAN"][0].Plan;
}

it("placing and invoicing read and lock only the ordered products' rows on a generic plan, for a big company among many small ones", async () => {
  const shop = await orderShop();
  const tag = uid();
  // The big vendor: 10,000 products stocked in its warehouse. Around it, 300 small vendors with a product each in a warehouse of their own.
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Product" (id, "companyId", sku, name, "hsnCode", "gstRate", unit, "basePrice", "stockOnHand", "updatedAt")
     SELECT 'gp_${tag}_' || i, $1, 'GP-${tag}-' || i, 'Generic plan product ' || i, '1905', 18, 'PCS', 100, 50, now() FROM generate_series(1, 10000) i`,
    shop.co,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "StockLevel" ("companyId", "productId", "warehouseId", "onHand", reserved, "updatedAt")
     SELECT $1, 'gp_${tag}_' || i, $2, 50, 0, now() FROM generate_series(1, 10000) i`,
    shop.co,
    shop.wh.id,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Company" (id, code, "legalName", "stateCode", "addressLine1", city, pincode, "updatedAt")
     SELECT 'gpco_${tag}_' || i, 'GP${tag}' || i, 'Small Vendor ' || i, '27', 'Shop ' || i, 'Pune', '411002', now() FROM generate_series(1, 300) i`,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Product" (id, "companyId", sku, name, "hsnCode", "gstRate", unit, "basePrice", "updatedAt")
     SELECT 'gpsm_${tag}_' || i, 'gpco_${tag}_' || i, 'S-1', 'Small product', '1905', 18, 'PCS', 100, now() FROM generate_series(1, 300) i`,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Warehouse" (id, "companyId", code, name, city, "stateCode", pincode, "isDefault", "updatedAt")
     SELECT 'gpwh_${tag}_' || i, 'gpco_${tag}_' || i, 'MAIN', 'Main', 'Pune', '27', '411002', true, now() FROM generate_series(1, 300) i`,
  );
  await prisma.$executeRawUnsafe(
    `INSERT INTO "StockLevel" ("companyId", "productId", "warehouseId", "onHand", reserved, "updatedAt")
     SELECT 'gpco_${tag}_' || i, 'gpsm_${tag}_' || i, 'gpwh_${tag}_' || i, 0, 0, now() FROM generate_series(1, 300) i`,
  );
  // Each small vendor trades with the shop's retailer too, so the connections are many whatever else the
  // database holds (with a few dozen, a scan of the whole table is the cheaper plan, and the right one).
  await prisma.$executeRawUnsafe(
    `INSERT INTO "Connection" (id, "companyId", "retailerId", status, "placeOfSupply", "updatedAt")
     SELECT 'gpcn_${tag}_' || i, 'gpco_${tag}_' || i, $1, 'ACTIVE', '27', now() FROM generate_series(1, 300) i`,
    shop.retailer.id,
  );
  await prisma.$executeRawUnsafe(`ANALYZE "Product", "StockLevel", "Company", "Connection", "Warehouse"`);
  const ids = [`gp_${tag}_7`, `gp_${tag}_4321`, `gp_${tag}_9999`].sort();

  const client = await pool.connect();
  try {
    await client.query("SET plan_cache_mode = force_generic_plan");
    await client.query("BEGIN");
    const read = await genericPlan(client, readOrderInputsSql, [shop.co, shop.connection.id, null, null, null, ids, "2026-12-07", null]);
    const byRetailer = await genericPlan(client, readOrderInputsSql, [null, null, shop.retailer.id, shop.company.code, null, ids, "2026-12-07", null]);
    const invoice = await genericPlan(client, readDirectInvoiceInputsSql, [shop.co, shop.connection.id, ids, "2026-12-07", []]);
    const reserve = await genericPlan(
      client,
      reserveSql,
      reserveParams({ companyId: shop.co, warehouseId: shop.wh.id, lines: ids.map((productId) => ({ productId, quantity: "1.000" })), refType: "Order", refId: `gp-${tag}`, userId: shop.owner.userId, at: new Date(), reservationId: `gpr-${tag}`, lineIds: ids.map((id) => `gpl-${id}`), credit: null }),
    );
    await client.query("ROLLBACK");

    for (const [statement, plan] of Object.entries({ read, byRetailer, invoice, reserve })) {
      const scans = scansOf(plan, ["Product", "StockLevel", "Connection"]);
      expect(scans.length, `${statement} reads products`).toBeGreaterThan(0);
      for (const s of scans) expect(s.rowsPerLoop, `${statement}: ${s.node} on ${s.table}`).toBeLessThanOrEqual(ids.length);
    }
    // The reservation went through: every line reserved, in product order.
    expect(scansOf(reserve, ["StockLevel"]).some((s) => s.node.startsWith("Index Scan StockLevel_pkey"))).toBe(true);
  } finally {
    await client.query("ROLLBACK").catch(() => undefined);
    client.release();
  }
});
