// Bench data for orders: company BNOR with a warehouse, an owner who can sign in, 200 retailers
// with active connections (a tenth of them in Karnataka, so a tenth of the orders are inter-state
// IGST), 1,000 catalogue products, and ORDERS historical orders (default 1,000,000) spread over the
// last two years with one line each — mostly delivered, some cancelled or returned, the newest
// still open — numbered per financial year like the app numbers them. Built once with
// generate_series and reused by later runs.
//
// Options for a database shaped like a hosted service: `catalog` products instead of 1,000, and
// `smallVendors` other companies around BNOR, each with a warehouse, a product in stock and three
// connections. PostgreSQL plans named statements once per connection from what its statistics say of
// an average company; in such a database that average is small and BNOR is not (bench/README.md).
import pg from "pg";
import { ensureBenchOwner } from "./db";

export const ORDER_COMPANY = "BNOR";
export const ORDER_OWNER = { email: "owner@bench-orders.example", password: "Bench@12345" };
export const RETAILERS = 200;

export type BenchOrders = { companyId: string; ownerId: string; warehouseId: string; connectionIds: string[]; orders: number; reused: boolean };

export async function ensureOrderData(client: pg.Client, orders: number, log: (m: string) => void = console.log, opts: { catalog?: number; smallVendors?: number } = {}): Promise<BenchOrders> {
  const catalog = opts.catalog ?? 1000;
  const companyId = "bench_company_orders";
  const warehouseId = "bench_wh_orders";
  await client.query(
    `INSERT INTO "Company" (id, code, "legalName", "tradeName", "stateCode", "addressLine1", city, pincode, "creditPolicy", "updatedAt")
     VALUES ($1, $2, 'Bench Orders Distributors Pvt. Ltd.', 'Bench Orders', '27', 'Plot 7, MIDC Bhosari', 'Pune', '411026', 'BLOCK', now())
     ON CONFLICT (code) DO NOTHING`,
    [companyId, ORDER_COMPANY],
  );
  await client.query(
    `INSERT INTO "Warehouse" (id, "companyId", code, name, city, "stateCode", pincode, "isDefault", "updatedAt")
     VALUES ($1, $2, 'MAIN', 'Bhosari Main Warehouse', 'Pune', '27', '411026', true, now()) ON CONFLICT ("companyId", code) DO NOTHING`,
    [warehouseId, companyId],
  );
  const ownerId = await ensureOwner(client, companyId);
  await client.query(
    `INSERT INTO "Retailer" (id, "legalName", "stateCode", "addressLine1", city, pincode, "updatedAt")
     SELECT 'bench_ret_' || lpad(i::text, 3, '0'), 'Bench Retail Store ' || i, CASE WHEN i % 10 = 0 THEN '29' ELSE '27' END,
            'Shop ' || i || ', Market Road', CASE WHEN i % 10 = 0 THEN 'Bengaluru' ELSE 'Pune' END, CASE WHEN i % 10 = 0 THEN '560001' ELSE '411002' END, now()
     FROM generate_series(1, $1) AS i ON CONFLICT (id) DO NOTHING`,
    [RETAILERS],
  );
  // A limit far above any bench order: the credit check runs (row lock + outstanding sum) but never refuses.
  await client.query(
    `INSERT INTO "Connection" (id, "companyId", "retailerId", status, "customerCode", "creditLimit", "paymentTermsDays", "placeOfSupply", "activatedAt", "updatedAt")
     SELECT 'bench_conn_' || lpad(i::text, 3, '0'), $1, 'bench_ret_' || lpad(i::text, 3, '0'), 'ACTIVE', 'BR-' || lpad(i::text, 4, '0'), 999999999999, 30,
            CASE WHEN i % 10 = 0 THEN '29' ELSE '27' END, now(), now()
     FROM generate_series(1, $2) AS i ON CONFLICT (id) DO NOTHING`,
    [companyId, RETAILERS],
  );
  await client.query(
    `INSERT INTO "Product" (id, "companyId", sku, name, "hsnCode", "gstRate", unit, "basePrice", "updatedAt")
     SELECT 'bench_oprod_' || lpad(i::text, greatest(4, length(i::text)), '0'), $1, 'BO-' || lpad(i::text, greatest(4, length(i::text)), '0'), 'Bench order product ' || i, '1905', 18, 'PCS', 100 + i % 400, now()
     FROM generate_series(1, $2) AS i ON CONFLICT (id) DO NOTHING`,
    [companyId, catalog],
  );
  await client.query(
    `INSERT INTO "StockLevel" ("companyId", "productId", "warehouseId", "onHand", reserved, "updatedAt")
     SELECT $1, 'bench_oprod_' || lpad(i::text, greatest(4, length(i::text)), '0'), $2, 0, 0, now() FROM generate_series(1, $3) AS i ON CONFLICT DO NOTHING`,
    [companyId, warehouseId, catalog],
  );
  if (opts.smallVendors) await ensureSmallVendors(client, opts.smallVendors);
  // The statistics autovacuum would keep (the bench server may run without it).
  await client.query(`ANALYZE "Company", "Warehouse", "Connection", "Product", "StockLevel"`);
  const connectionIds = Array.from({ length: RETAILERS }, (_, k) => `bench_conn_${String(k + 1).padStart(3, "0")}`);

  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Order" WHERE "companyId" = $1 AND id LIKE 'bench_hist_%'`, [companyId]);
  const have = Number(rows[0].n);
  if (have >= orders) {
    log(`bench data: reusing ${have.toLocaleString("en-IN")} historical orders in ${ORDER_COMPANY}`);
    return { companyId, ownerId, warehouseId, connectionIds, orders: have, reused: true };
  }
  const t0 = performance.now();
  const batch = 100_000;
  for (let from = have + 1; from <= orders; from += batch) {
    const to = Math.min(orders, from + batch - 1);
    await insertHistory(client, companyId, warehouseId, from, to, orders);
    log(`bench data: historical orders ${to.toLocaleString("en-IN")} / ${orders.toLocaleString("en-IN")}`);
  }
  // What autovacuum does to a table in steady state: statistics, and the visibility map that lets the
  // credit check's sum of open orders (an index-only scan on Order_open_value_idx) skip the heap. Right
  // after a bulk load it reads every open order's heap page instead (5,000 per retailer here: 32 ms).
  // One statement each: two in one query string would run as one transaction block, which VACUUM refuses.
  await client.query(`VACUUM (ANALYZE) "Order"`);
  await client.query(`VACUUM (ANALYZE) "OrderLine"`);
  log(`bench data: ${(orders - have).toLocaleString("en-IN")} orders written in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  return { companyId, ownerId, warehouseId, connectionIds, orders, reused: false };
}

/**
 * Orders from..to (1-based). Order i was created (total − i) minutes before now, so 1 is the oldest.
 * Numbers are SO/<FY>/<n> with n counting within the financial year, as the app numbers them.
 */
async function insertHistory(client: pg.Client, companyId: string, warehouseId: string, from: number, to: number, total: number) {
  await client.query("BEGIN");
  try {
    await client.query(
      `CREATE TEMP TABLE bench_hist ON COMMIT DROP AS
       WITH g AS (
         SELECT i, ts, conn, qty, price,
                CASE WHEN extract(month FROM ts AT TIME ZONE 'Asia/Kolkata') >= 4
                     THEN to_char(ts AT TIME ZONE 'Asia/Kolkata', 'YY') || '-' || to_char((ts AT TIME ZONE 'Asia/Kolkata') + interval '1 year', 'YY')
                     ELSE to_char((ts AT TIME ZONE 'Asia/Kolkata') - interval '1 year', 'YY') || '-' || to_char(ts AT TIME ZONE 'Asia/Kolkata', 'YY') END AS fy
         FROM (SELECT i, now() - make_interval(mins => $4 - i) AS ts, 1 + (i::bigint * 7919) % $5 AS conn, 1 + i % 12 AS qty, 100 + i % 400 AS price
               FROM generate_series($2::int, $3::int) AS i) x),
       done AS (SELECT split_part(number, '/', 2) AS fy, max(split_part(number, '/', 3)::int) AS last
                FROM "Order" WHERE "companyId" = $1 AND id LIKE 'bench_hist_%' GROUP BY 1)
       SELECT g.*, row_number() OVER (PARTITION BY g.fy ORDER BY g.i) + coalesce(done.last, 0) AS seq
       FROM g LEFT JOIN done USING (fy)`,
      [companyId, from, to, total, RETAILERS],
    );
    // Status by age: the last 2 days open, older delivered, with every 20th cancelled and every 50th returned.
    await client.query(
      `INSERT INTO "Order" (id, "companyId", number, "connectionId", "retailerId", "warehouseId", status, source, "creditHold",
                            "supplierStateCode", "placeOfSupply", "shippingName", "shippingLine1", "shippingCity", "shippingStateCode", "shippingPincode",
                            "taxableTotal", "cgstTotal", "sgstTotal", "igstTotal", "grandTotal", "returnedTotal", "placedAt", "createdAt", "updatedAt")
       SELECT 'bench_hist_' || lpad(h.i::text, 7, '0'), $1, 'SO/' || h.fy || '/' || lpad(h.seq::text, 6, '0'),
              'bench_conn_' || lpad(h.conn::text, 3, '0'), 'bench_ret_' || lpad(h.conn::text, 3, '0'), $2, s.status::"OrderStatus",
              (CASE WHEN h.i % 3 = 0 THEN 'STAFF' WHEN h.i % 3 = 1 THEN 'PORTAL' ELSE 'API' END)::"OrderSource", s.status = 'PLACED' AND h.i % 97 = 0,
              '27', pos, 'Bench Retail Store ' || h.conn, 'Shop ' || h.conn || ', Market Road', 'Pune', pos, '411002',
              h.qty * h.price, CASE WHEN pos = '27' THEN h.qty * h.price * 0.09 ELSE 0 END, CASE WHEN pos = '27' THEN h.qty * h.price * 0.09 ELSE 0 END,
              CASE WHEN pos = '29' THEN h.qty * h.price * 0.18 ELSE 0 END, h.qty * h.price * 1.18,
              CASE WHEN s.status = 'RETURNED' THEN h.price * 1.18 ELSE 0 END, h.ts, h.ts, h.ts
       FROM bench_hist h
       CROSS JOIN LATERAL (SELECT CASE WHEN h.conn % 10 = 0 THEN '29' ELSE '27' END AS pos) p
       CROSS JOIN LATERAL (SELECT CASE WHEN h.ts > now() - interval '2 days' THEN (ARRAY['PLACED','CONFIRMED','PACKED','DISPATCHED'])[1 + h.i % 4]
                                       WHEN h.i % 20 = 0 THEN 'CANCELLED' WHEN h.i % 50 = 1 THEN 'RETURNED' ELSE 'DELIVERED' END AS status) s`,
      [companyId, warehouseId],
    );
    await client.query(
      `INSERT INTO "OrderLine" (id, "orderId", "companyId", "productId", position, sku, name, "hsnCode", unit, quantity, "unitPrice", "priceSource", "taxInclusive",
                                "gstRate", "taxableValue", "cgstAmount", "sgstAmount", "igstAmount", "cessAmount", "lineTotal", "returnedQty")
       SELECT 'bench_hl_' || lpad(h.i::text, 7, '0'), 'bench_hist_' || lpad(h.i::text, 7, '0'), $1, 'bench_oprod_' || lpad((1 + h.i % 1000)::text, 4, '0'), 1,
              'BO-' || lpad((1 + h.i % 1000)::text, 4, '0'), 'Bench order product ' || (1 + h.i % 1000), '1905', 'PCS', h.qty, h.price, 'base_price', false, 18,
              h.qty * h.price, CASE WHEN h.conn % 10 = 0 THEN 0 ELSE h.qty * h.price * 0.09 END, CASE WHEN h.conn % 10 = 0 THEN 0 ELSE h.qty * h.price * 0.09 END,
              CASE WHEN h.conn % 10 = 0 THEN h.qty * h.price * 0.18 ELSE 0 END, 0, h.qty * h.price * 1.18, CASE WHEN h.i % 50 = 1 AND h.ts <= now() - interval '2 days' AND h.i % 20 <> 0 THEN 1 ELSE 0 END
       FROM bench_hist h`,
      [companyId],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

function ensureOwner(client: pg.Client, companyId: string): Promise<string> {
  return ensureBenchOwner(client, { userId: "bench_owner_orders", membershipId: "bench_owner_orders_membership", email: ORDER_OWNER.email, password: ORDER_OWNER.password, name: "Bench Orders Owner", companyId });
}

/** `n` small vendors (SMxxxx), each with a warehouse, a product with 10 in stock and connections to three of the bench retailers. */
async function ensureSmallVendors(client: pg.Client, n: number) {
  const q = (sql: string) => client.query(sql, [n]);
  await q(`INSERT INTO "Company" (id, code, "legalName", "tradeName", "stateCode", "addressLine1", city, pincode, "creditPolicy", "updatedAt")
           SELECT 'small_co_' || i, 'SM' || lpad(i::text, 4, '0'), 'Small Vendor ' || i || ' Traders', 'Small Vendor ' || i, '27', 'Shop ' || i || ', Station Road', 'Pune', '411002', 'BLOCK', now()
           FROM generate_series(1, $1) i ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO "Warehouse" (id, "companyId", code, name, city, "stateCode", pincode, "isDefault", "updatedAt")
           SELECT 'small_wh_' || i, 'small_co_' || i, 'MAIN', 'Main godown', 'Pune', '27', '411002', true, now() FROM generate_series(1, $1) i ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO "Product" (id, "companyId", sku, name, "hsnCode", "gstRate", unit, "basePrice", "stockOnHand", "updatedAt")
           SELECT 'small_p_' || i, 'small_co_' || i, 'SP-1', 'Small vendor product', '1905', 18, 'PCS', 100, 10, now() FROM generate_series(1, $1) i ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO "StockLevel" ("companyId", "productId", "warehouseId", "onHand", reserved, "updatedAt")
           SELECT 'small_co_' || i, 'small_p_' || i, 'small_wh_' || i, 10, 0, now() FROM generate_series(1, $1) i ON CONFLICT DO NOTHING`);
  await q(`INSERT INTO "Connection" (id, "companyId", "retailerId", status, "customerCode", "creditLimit", "paymentTermsDays", "placeOfSupply", "activatedAt", "updatedAt")
           SELECT 'small_conn_' || i || '_' || k, 'small_co_' || i, 'bench_ret_' || lpad(k::text, 3, '0'), 'ACTIVE', 'C' || k, 0, 30, '27', now(), now()
           FROM generate_series(1, $1) i, generate_series(1, 3) k ON CONFLICT DO NOTHING`);
}
