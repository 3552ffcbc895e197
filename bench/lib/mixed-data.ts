// The mixed-load benchmark's data set: a large distributor ("BMIX") and a smaller company beside it
// ("BMXO", a tenth of everything), each built with set-based SQL (generate_series, INSERT … SELECT) in
// one transaction, so a scale-1 build takes minutes, not hours. At SCALE = 1 the distributor has:
//   5,000 retailers with active connections (credit limits ₹20–40 lakh, 30-day terms; a tenth in
//     Karnataka, so their orders are inter-state IGST), logins for a sample of them (a tenth, at least
//     200: retailer users with the one known password), 60 staff users (managers) and an owner;
//   20,000 products (brand × product × pack names, 5/12/18 % GST) in two warehouses: every stock level
//     equals the sum of its ledger rows (an opening receipt per level, then the reservations and
//     dispatches of the open orders), every product's totals equal its levels;
//   500,000 orders of 1–4 lines over the last 24 months, numbered SO/<FY>/<n> per financial year:
//     the newest 1 % open (40 % placed, 25 % confirmed, 20 % packed, 15 % dispatched, with their stock
//     reservations), every 25th older one cancelled, the rest delivered;
//   a tax invoice for 8 in 10 delivered orders (INV/<FY>/<n>, gapless per year, the order's lines with
//     their tax, frozen seller and buyer), and a receipt fully allocated to 7 in 10 of the invoices
//     older than 45 days (RCT/<FY>/<n>); the document counters set to the last number of each series.
// The bulk insert goes around the billing code that keeps the sales rollups and the open receivables,
// so both are rebuilt by the app's own repair functions afterwards (they then equal the documents).
// Historical delivered orders move no stock in the ledger: the opening receipts are the stock left
// after them. Reused while the build marker (scale and counts) matches; MIXED_REBUILD=1 rebuilds.
import type pg from "pg";
import { hashPassword } from "../../lib/auth/password";

export const MIXED_PASSWORD = "Bench@12345";

export type MixedSpec = {
  companyId: string;
  code: string;
  /** Id prefix of every row this build writes. */
  p: string;
  gstin: string;
  legalName: string;
  retailers: number;
  retailerLogins: number;
  staffLogins: number;
  products: number;
  orders: number;
};

export function mixedSpecs(scale: number): { main: MixedSpec; other: MixedSpec } {
  const n = (x: number, min: number) => Math.max(min, Math.round(x * scale));
  const main: MixedSpec = {
    companyId: "bench_mixed_company",
    code: "BMIX",
    p: "bmx",
    gstin: "27AABCM4321K1Z7",
    legalName: "Bench Mixed Distributors Pvt. Ltd.",
    retailers: n(5_000, 300),
    retailerLogins: Math.max(200, n(500, 200)),
    staffLogins: 60,
    products: n(20_000, 400),
    orders: n(500_000, 5_000),
  };
  const other: MixedSpec = {
    companyId: "bench_mixed_other",
    code: "BMXO",
    p: "bmo",
    gstin: "27AABCM8765K1Z3",
    legalName: "Bench Mixed Neighbours Pvt. Ltd.",
    retailers: Math.max(30, Math.round(main.retailers / 10)),
    retailerLogins: 10,
    staffLogins: 2,
    products: Math.max(40, Math.round(main.products / 10)),
    orders: Math.max(500, Math.round(main.orders / 10)),
  };
  return { main, other };
}

const marker = (s: MixedSpec) => `bench-mixed-v2:${s.retailers}:${s.retailerLogins}:${s.staffLogins}:${s.products}:${s.orders}`;

export type MixedBuild = { companyId: string; reused: boolean; seconds: number };

/** Builds (or reuses) one company. `rebuild` gets the rollups and open receivables recomputed by the app's code. */
export async function ensureMixedCompany(
  client: pg.Client,
  spec: MixedSpec,
  rebuild: (companyId: string) => Promise<void>,
  log: (m: string) => void = console.log,
): Promise<MixedBuild> {
  const t0 = performance.now();
  const { rows } = await client.query<{ website: string | null }>(`SELECT website FROM "Company" WHERE id = $1`, [spec.companyId]);
  if (rows[0] && rows[0].website === marker(spec) && process.env.MIXED_REBUILD !== "1") {
    log(`mixed data: reusing ${spec.code} (${spec.retailers} retailers, ${spec.products} products, ${spec.orders} orders)`);
    return { companyId: spec.companyId, reused: true, seconds: 0 };
  }
  if (rows[0]) await dropCompany(client, spec, log);
  const hash = await hashPassword(MIXED_PASSWORD);
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const r = await client.query(sql, params);
    log(`mixed data: ${spec.code} ${label}${r.rowCount ? `: ${r.rowCount.toLocaleString("en-IN")} rows` : ""} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  };
  const { p, companyId } = spec;
  await client.query("BEGIN");
  try {
    await client.query(`SET LOCAL synchronous_commit = off`);
    await step(
      "company",
      `INSERT INTO "Company" (id, code, "legalName", "tradeName", gstin, pan, "stateCode", "addressLine1", city, pincode, email, phone,
                             "bankName", "bankAccountName", "bankAccountNumber", "bankIfsc", "creditPolicy", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, substr($5, 3, 10), '27', 'Plot 12, MIDC Bhosari', 'Pune', '411026', 'accounts@' || lower($2) || '.example', '+912027110000',
               'State Bank of India', $3, '30211234567', 'SBIN0001234', 'BLOCK', now())`,
      [companyId, spec.code, spec.legalName, spec.legalName.replace(" Pvt. Ltd.", ""), spec.gstin],
    );
    await step(
      "warehouses",
      `INSERT INTO "Warehouse" (id, "companyId", code, name, city, "stateCode", pincode, "isDefault", "updatedAt") VALUES
         ($2 || '_wh_0', $1, 'MAIN', 'Bhosari Main Warehouse', 'Pune', '27', '411026', true, now()),
         ($2 || '_wh_1', $1, 'NSK', 'Nashik Depot', 'Nashik', '27', '422007', false, now())`,
      [companyId, p],
    );
    await step(
      "staff users",
      `INSERT INTO "User" (id, email, name, kind, "passwordHash", "updatedAt")
       SELECT $1 || '_su_' || k, 'staff' || k || '@' || lower($2) || '.bench.example', 'Bench Staff ' || k, 'STAFF', $3, now() FROM generate_series(0, $4) k`,
      [p, spec.code, hash, spec.staffLogins],
    );
    // Staff user 0 is the owner, the others managers (orders, billing and payments).
    await step(
      "memberships",
      `INSERT INTO "Membership" (id, "companyId", "userId", role, "updatedAt")
       SELECT $2 || '_sm_' || k, $1, $2 || '_su_' || k, CASE WHEN k = 0 THEN 'OWNER' ELSE 'MANAGER' END::"Role", now() FROM generate_series(0, $3) k`,
      [companyId, p, spec.staffLogins],
    );
    await step(
      "retailers",
      `INSERT INTO "Retailer" (id, "legalName", "tradeName", "stateCode", "addressLine1", city, pincode, phone, "updatedAt")
       SELECT $1 || '_r_' || r, 'Bench Retail Store ' || r || ' LLP', 'Store ' || r, CASE WHEN r % 10 = 0 THEN '29' ELSE '27' END,
              'Shop ' || r || ', Market Yard Road', CASE WHEN r % 10 = 0 THEN 'Bengaluru' ELSE 'Pune' END, CASE WHEN r % 10 = 0 THEN '560001' ELSE '411037' END,
              '+9198' || lpad(r::text, 8, '0'), now()
       FROM generate_series(1, $2) r`,
      [p, spec.retailers],
    );
    await step(
      "connections",
      `INSERT INTO "Connection" (id, "companyId", "retailerId", status, "customerCode", "creditLimit", "paymentTermsDays", "placeOfSupply", "activatedAt", "createdAt", "updatedAt")
       SELECT $2 || '_c_' || r, $1, $2 || '_r_' || r, 'ACTIVE', upper($2) || '-' || lpad(r::text, 5, '0'), 2000000 + (r % 5) * 500000, 30,
              CASE WHEN r % 10 = 0 THEN '29' ELSE '27' END, now() - interval '800 days', now() - interval '800 days', now()
       FROM generate_series(1, $3) r`,
      [companyId, p, spec.retailers],
    );
    await step(
      "retailer users",
      `INSERT INTO "User" (id, email, name, kind, "passwordHash", "updatedAt")
       SELECT $1 || '_ru_' || r, 'retailer' || r || '@' || lower($2) || '.bench.example', 'Bench Retailer ' || r, 'RETAILER', $3, now() FROM generate_series(1, $4) r`,
      [p, spec.code, hash, spec.retailerLogins],
    );
    await step(
      "retailer memberships",
      `INSERT INTO "RetailerMembership" (id, "retailerId", "userId", role) SELECT $1 || '_rm_' || r, $1 || '_r_' || r, $1 || '_ru_' || r, 'OWNER' FROM generate_series(1, $2) r`,
      [p, spec.retailerLogins],
    );
    await step(
      "categories",
      `INSERT INTO "Category" (id, "companyId", name, "updatedAt") SELECT $2 || '_cat_' || k, $1, c.name, now()
       FROM unnest($3::text[]) WITH ORDINALITY AS c(name, k)`,
      [companyId, p, CATEGORIES.map((c) => c[0])],
    );
    // Product q: category q % 12 (its words, HSN and rate), brand q / 12 % 40, pack q / 480 % 8 — names repeat only past 3,840 products,
    // so they carry the product number as well (a SKU-like suffix a search may also hit).
    await step(
      "products",
      `INSERT INTO "Product" (id, "companyId", sku, name, "categoryId", brand, "hsnCode", "gstRate", unit, mrp, "basePrice", "costPrice", active, "minOrderQty", "reorderLevel", "createdAt", "updatedAt")
       SELECT $2 || '_p_' || q, $1, upper($2) || '-' || lpad(q::text, 6, '0'),
              b.brand || ' ' || (c.words)[1 + (q / 480) % 4] || ' ' || pk.pack || ' #' || q,
              $2 || '_cat_' || (1 + q % 12), b.brand, c.hsn, c.rate, 'PCS', price * 1.25, price, round(price * 0.8, 2), true, 1, 50,
              now() - interval '800 days', now() - interval '800 days'
       FROM generate_series(1, $3) q
       CROSS JOIN LATERAL (SELECT (20 + (q * 37) % 980)::numeric(14, 2) AS price) pr
       JOIN (SELECT k, hsn, rate::numeric AS rate, string_to_array(words, '|') AS words FROM unnest($4::text[], $5::text[], $6::text[]) WITH ORDINALITY AS u(hsn, rate, words, k)) c ON c.k = 1 + q % 12
       JOIN unnest($7::text[]) WITH ORDINALITY AS b(brand, bn) ON b.bn = 1 + (q / 12) % 40
       JOIN unnest($8::text[]) WITH ORDINALITY AS pk(pack, pn) ON pk.pn = 1 + (q / 3840) % 8`,
      [companyId, p, spec.products, CATEGORIES.map((c) => c[1]), CATEGORIES.map((c) => c[2]), CATEGORIES.map((c) => c[3].join("|")), BRANDS, PACKS],
    );
    // Orders and their lines, computed once in a temporary table. Order i (1 = oldest) was placed
    // (orders − i) × 730 days / orders ago; retailer 1 + i × 7919 mod retailers; 1 + i mod 4 lines of distinct products.
    const open = Math.max(200, Math.round(spec.orders / 100));
    await step(
      "order lines (temp)",
      `CREATE TEMP TABLE mixed_lines ON COMMIT DROP AS
       SELECT o.i, o.ts, o.r, o.status, o.invoiced, o.paid, k AS pos, q, qty, price, rate, hsn, o.r % 10 = 0 AS inter,
              qty * price AS taxable,
              CASE WHEN o.r % 10 = 0 THEN 0 ELSE round(qty * price * rate / 200, 2) END AS cgst,
              CASE WHEN o.r % 10 = 0 THEN round(qty * price * rate / 100, 2) ELSE 0 END AS igst
       FROM (SELECT i, ts, 1 + (i::bigint * 7919) % $2 AS r, st.status,
                    st.status = 'DELIVERED' AND d.d < 8 AS invoiced,
                    st.status = 'DELIVERED' AND d.d < 7 AND ts < now() - interval '46 days' AS paid
             FROM generate_series(1, $1) i
             CROSS JOIN LATERAL (SELECT now() - make_interval(secs => ($1 - i)::float8 * 730 * 86400 / $1) - interval '1 hour' AS ts) t
             -- Invoiced and paid by a hash of the order, not by i mod 10: the retailer is a function of i, so i mod 10 would
             -- make some retailers never invoiced (or never paying) and take them over their credit limits.
             CROSS JOIN LATERAL (SELECT abs(hashint4(i)) % 10 AS d) d
             CROSS JOIN LATERAL (SELECT CASE WHEN i > $1 - $4 THEN (CASE WHEN i % 20 < 8 THEN 'PLACED' WHEN i % 20 < 13 THEN 'CONFIRMED' WHEN i % 20 < 17 THEN 'PACKED' ELSE 'DISPATCHED' END)
                                             WHEN i % 25 = 0 THEN 'CANCELLED' ELSE 'DELIVERED' END AS status) st) o
       CROSS JOIN LATERAL generate_series(1, 1 + o.i % 4) k
       CROSS JOIN LATERAL (SELECT 1 + ((o.i::bigint * 104729) % $3 + (k - 1) * ($3 / 4)) % $3 AS q) pq
       CROSS JOIN LATERAL (SELECT (1 + (o.i + k) % 10)::numeric AS qty, (20 + (pq.q * 37) % 980)::numeric(14, 2) AS price,
                                  (ARRAY[${CATEGORIES.map((c) => c[2]).join(",")}])[1 + pq.q % 12]::numeric AS rate,
                                  (ARRAY['${CATEGORIES.map((c) => c[1]).join("','")}'])[1 + pq.q % 12] AS hsn) pr`,
      [spec.orders, spec.retailers, spec.products, open],
    );
    await client.query(`CREATE INDEX ON mixed_lines (i)`);
    await step(
      "orders (temp)",
      `CREATE TEMP TABLE mixed_orders ON COMMIT DROP AS
       SELECT i, min(ts) AS ts, min(r) AS r, min(status) AS status, bool_or(invoiced) AS invoiced, bool_or(paid) AS paid, bool_or(inter) AS inter,
              sum(taxable) AS taxable, sum(cgst) AS cgst, sum(igst) AS igst, sum(taxable + 2 * cgst + igst) AS total, ${FY_SQL("min(ts)")} AS fy,
              ((min(ts) + interval '1 day') AT TIME ZONE 'Asia/Kolkata')::date AS issue
       FROM mixed_lines GROUP BY i`,
    );
    await client.query(`CREATE UNIQUE INDEX ON mixed_orders (i); ANALYZE mixed_lines; ANALYZE mixed_orders`);
    await step(
      "orders",
      `INSERT INTO "Order" (id, "companyId", number, "connectionId", "retailerId", "warehouseId", status, source, "supplierStateCode", "placeOfSupply",
                            "shippingName", "shippingLine1", "shippingCity", "shippingStateCode", "shippingPincode",
                            "taxableTotal", "cgstTotal", "sgstTotal", "igstTotal", "grandTotal", "invoicedTotal",
                            "placedAt", "confirmedAt", "packedAt", "dispatchedAt", "deliveredAt", "cancelledAt", "cancelReason", "createdAt", "updatedAt")
       SELECT $2 || '_o_' || o.i, $1, 'SO/' || o.fy || '/' || lpad(row_number() OVER (PARTITION BY o.fy ORDER BY o.i)::text, 6, '0'),
              $2 || '_c_' || o.r, $2 || '_r_' || o.r, $2 || '_wh_0', o.status::"OrderStatus",
              (CASE o.i % 3 WHEN 0 THEN 'STAFF' WHEN 1 THEN 'PORTAL' ELSE 'API' END)::"OrderSource", '27', CASE WHEN o.inter THEN '29' ELSE '27' END,
              'Store ' || o.r, 'Shop ' || o.r || ', Market Yard Road', CASE WHEN o.inter THEN 'Bengaluru' ELSE 'Pune' END, CASE WHEN o.inter THEN '29' ELSE '27' END,
              CASE WHEN o.inter THEN '560001' ELSE '411037' END,
              o.taxable, o.cgst, o.cgst, o.igst, o.total, CASE WHEN o.invoiced THEN round(o.total) ELSE 0 END,
              o.ts, CASE WHEN o.status NOT IN ('PLACED', 'CANCELLED') THEN o.ts + interval '1 hour' END,
              CASE WHEN o.status IN ('PACKED', 'DISPATCHED', 'DELIVERED') THEN o.ts + interval '3 hours' END,
              CASE WHEN o.status IN ('DISPATCHED', 'DELIVERED') THEN o.ts + interval '5 hours' END,
              CASE WHEN o.status = 'DELIVERED' THEN o.ts + interval '1 day' END,
              CASE WHEN o.status = 'CANCELLED' THEN o.ts + interval '2 hours' END, CASE WHEN o.status = 'CANCELLED' THEN 'Retailer changed the order' END,
              o.ts, o.ts + CASE WHEN o.status = 'DELIVERED' THEN interval '1 day' ELSE interval '1 hour' END
       FROM mixed_orders o`,
      [companyId, p],
    );
    await step(
      "order lines",
      `INSERT INTO "OrderLine" (id, "orderId", "companyId", "productId", position, sku, name, "hsnCode", unit, quantity, "unitPrice", "priceSource", "taxInclusive",
                                "gstRate", "taxableValue", "cgstAmount", "sgstAmount", "igstAmount", "cessAmount", "lineTotal", "invoicedQty")
       SELECT $2 || '_ol_' || l.i || '_' || l.pos, $2 || '_o_' || l.i, $1, $2 || '_p_' || l.q, l.pos, pr.sku, pr.name, l.hsn, 'PCS', l.qty, l.price, 'base_price', false,
              l.rate, l.taxable, l.cgst, l.cgst, l.igst, 0, l.taxable + 2 * l.cgst + l.igst, CASE WHEN l.invoiced THEN l.qty ELSE 0 END
       FROM mixed_lines l JOIN "Product" pr ON pr.id = $2 || '_p_' || l.q`,
      [companyId, p],
    );
    await step(
      "order events",
      `INSERT INTO "OrderEvent" (id, "orderId", "companyId", kind, "toStatus", "actorName", "createdAt")
       SELECT $2 || '_oe_' || o.i, $2 || '_o_' || o.i, $1, 'placed', 'PLACED', 'Store ' || o.r, o.ts FROM mixed_orders o WHERE o.ts > now() - interval '30 days'`,
      [companyId, p],
    );
    // Stock: an opening receipt per (product, warehouse), then the open orders' reservations (and the dispatched ones' dispatch).
    await step(
      "ledger: opening receipts",
      `INSERT INTO "StockMovement" ("companyId", "productId", "warehouseId", kind, "onHandDelta", "reservedDelta", "unitCost", reason, "refType", "refId", "createdAt")
       SELECT $1, $2 || '_p_' || q, $2 || '_wh_' || w, 'RECEIPT', CASE WHEN w = 0 THEN 200000 + q % 1000 ELSE 500 + q % 300 END, 0,
              round((20 + (q * 37) % 980) * 0.8, 2), 'Opening stock', 'GoodsReceipt', $2 || '-opening-' || q || '-' || w, now() - interval '800 days'
       FROM generate_series(1, $3) q CROSS JOIN generate_series(0, 1) w`,
      [companyId, p, spec.products],
    );
    await step(
      "reservations",
      `INSERT INTO "StockReservation" (id, "companyId", "warehouseId", "refType", "refId", status, "createdAt", "updatedAt")
       SELECT $2 || '_sr_' || o.i, $1, $2 || '_wh_0', 'Order', $2 || '_o_' || o.i, CASE WHEN o.status = 'DISPATCHED' THEN 'DISPATCHED' ELSE 'ACTIVE' END::"ReservationStatus", o.ts, o.ts
       FROM mixed_orders o WHERE o.status IN ('PLACED', 'CONFIRMED', 'PACKED', 'DISPATCHED')`,
      [companyId, p],
    );
    await step(
      "reservation lines",
      `INSERT INTO "StockReservationLine" (id, "reservationId", "productId", quantity)
       SELECT $1 || '_srl_' || l.i || '_' || l.pos, $1 || '_sr_' || l.i, $1 || '_p_' || l.q, l.qty FROM mixed_lines l WHERE l.status IN ('PLACED', 'CONFIRMED', 'PACKED', 'DISPATCHED')`,
      [p],
    );
    await step(
      "ledger: reservations and dispatches",
      `INSERT INTO "StockMovement" ("companyId", "productId", "warehouseId", kind, "onHandDelta", "reservedDelta", "refType", "refId", "createdAt")
       SELECT $1, $2 || '_p_' || l.q, $2 || '_wh_0', m.kind::"StockMovementKind", m.oh, m.rs, 'Order', $2 || '_o_' || l.i, l.ts + m.after
       FROM mixed_lines l
       CROSS JOIN LATERAL (VALUES ('RESERVATION', 0::numeric, l.qty, interval '0'), ('DISPATCH', -l.qty, -l.qty, interval '5 hours')) AS m(kind, oh, rs, after)
       WHERE l.status IN ('PLACED', 'CONFIRMED', 'PACKED', 'DISPATCHED') AND (m.kind = 'RESERVATION' OR l.status = 'DISPATCHED')`,
      [companyId, p],
    );
    await step(
      "stock levels",
      `INSERT INTO "StockLevel" ("companyId", "productId", "warehouseId", "onHand", reserved, "updatedAt")
       SELECT "companyId", "productId", "warehouseId", sum("onHandDelta"), sum("reservedDelta"), max("createdAt")
       FROM "StockMovement" WHERE "companyId" = $1 GROUP BY 1, 2, 3`,
      [companyId],
    );
    await step(
      "product stock totals",
      `UPDATE "Product" p SET "stockOnHand" = s.oh, "stockReserved" = s.rs
       FROM (SELECT "productId", sum("onHand") oh, sum(reserved) rs FROM "StockLevel" WHERE "companyId" = $1 GROUP BY 1) s WHERE s."productId" = p.id`,
      [companyId],
    );
    // Invoices of 8 in 10 delivered orders, dated the day after the order (IST), gapless per financial year in date order.
    await step(
      "invoices",
      `INSERT INTO "Invoice" (id, "companyId", type, number, series, "financialYear", status, "issueDate", "dueDate", "connectionId", "retailerId", "orderId",
          "taxType", "supplierStateCode", "placeOfSupply", "sellerGstin", seller, "buyerName", buyer,
          "taxableTotal", "cgstTotal", "sgstTotal", "igstTotal", "cessTotal", "roundOff", "grandTotal", "settledAmount", "issuedById", "createdAt", "updatedAt")
       SELECT $2 || '_inv_' || o.i, $1, 'INVOICE', 'INV/' || f.fy || '/' || lpad(row_number() OVER (PARTITION BY f.fy ORDER BY o.issue, o.i)::text, 6, '0'), 'INV', f.fy, 'ISSUED',
              o.issue, o.issue + 30, $2 || '_c_' || o.r, $2 || '_r_' || o.r, $2 || '_o_' || o.i,
              CASE WHEN o.inter THEN 'inter' ELSE 'intra' END, '27', CASE WHEN o.inter THEN '29' ELSE '27' END, c.gstin, s.seller,
              'Bench Retail Store ' || o.r || ' LLP',
              jsonb_build_object('legalName', 'Bench Retail Store ' || o.r || ' LLP', 'tradeName', 'Store ' || o.r, 'gstin', NULL, 'address1', 'Shop ' || o.r || ', Market Yard Road',
                                 'address2', NULL, 'city', CASE WHEN o.inter THEN 'Bengaluru' ELSE 'Pune' END, 'stateCode', CASE WHEN o.inter THEN '29' ELSE '27' END,
                                 'pincode', CASE WHEN o.inter THEN '560001' ELSE '411037' END, 'email', NULL, 'phone', '+9198' || lpad(o.r::text, 8, '0'),
                                 'customerCode', upper($2) || '-' || lpad(o.r::text, 5, '0')),
              o.taxable, o.cgst, o.cgst, o.igst, 0, round(o.total) - o.total, round(o.total), CASE WHEN o.paid THEN round(o.total) ELSE 0 END, $2 || '_su_0',
              o.ts + interval '1 day', o.ts + interval '1 day'
       FROM mixed_orders o
       CROSS JOIN LATERAL (SELECT ${FY_SQL("o.ts + interval '1 day'")} AS fy) f
       CROSS JOIN (SELECT co.gstin, jsonb_build_object('legalName', co."legalName", 'tradeName', co."tradeName", 'gstin', co.gstin, 'pan', co.pan, 'address1', co."addressLine1",
                     'address2', NULL, 'city', co.city, 'stateCode', co."stateCode", 'pincode', co.pincode, 'email', co.email, 'phone', co.phone, 'dispatchFrom', NULL,
                     'bank', jsonb_build_object('bankName', co."bankName", 'accountName', co."bankAccountName", 'accountNumber', co."bankAccountNumber", 'ifsc', co."bankIfsc", 'branch', NULL, 'upiId', NULL)) AS seller
                   FROM "Company" co WHERE co.id = $1) s
       CROSS JOIN (SELECT gstin FROM "Company" WHERE id = $1) c
       WHERE o.invoiced`,
      [companyId, p],
    );
    await step(
      "invoice lines",
      `INSERT INTO "InvoiceLine" (id, "invoiceId", "companyId", position, "productId", "orderLineId", sku, description, "hsnCode", unit, quantity, "unitPrice", "taxInclusive",
          "grossValue", "taxableValue", "gstRate", "cgstAmount", "sgstAmount", "igstAmount", "cessAmount", "lineTotal", "unitCost")
       SELECT $2 || '_il_' || l.i || '_' || l.pos, $2 || '_inv_' || l.i, $1, l.pos, $2 || '_p_' || l.q, $2 || '_ol_' || l.i || '_' || l.pos,
              upper($2) || '-' || lpad(l.q::text, 6, '0'), pr.name, l.hsn, 'PCS', l.qty, l.price, false,
              l.taxable, l.taxable, l.rate, l.cgst, l.cgst, l.igst, 0, l.taxable + 2 * l.cgst + l.igst, pr."costPrice"
       FROM mixed_lines l JOIN "Product" pr ON pr.id = $2 || '_p_' || l.q WHERE l.invoiced`,
      [companyId, p],
    );
    // Receipts: the whole invoice, by bank transfer, 20–39 days after the invoice.
    await step(
      "payments",
      `INSERT INTO "Payment" (id, "companyId", number, kind, status, "connectionId", "retailerId", method, amount, "allocatedAmount", "paidOn", reference, "recordedById", "createdAt", "updatedAt")
       SELECT $2 || '_pay_' || x.i, $1, 'RCT/' || x.fy || '/' || lpad(row_number() OVER (PARTITION BY x.fy ORDER BY x.paid_on, x.i)::text, 6, '0'), 'RECEIPT', 'RECORDED',
              $2 || '_c_' || x.r, $2 || '_r_' || x.r, 'BANK_TRANSFER', round(x.total), round(x.total), x.paid_on, 'UTR' || lpad(x.i::text, 12, '0'), $2 || '_su_0',
              x.paid_on + interval '10 hours', x.paid_on + interval '10 hours'
       FROM (SELECT o.i, o.r, o.total, o.issue + 20 + o.i % 20 AS paid_on,
                    CASE WHEN extract(month FROM o.issue + 20 + o.i % 20) >= 4 THEN to_char(o.issue + 20 + o.i % 20, 'YY') || '-' || to_char(o.issue + 20 + o.i % 20 + interval '1 year', 'YY')
                         ELSE to_char(o.issue + 20 + o.i % 20 - interval '1 year', 'YY') || '-' || to_char(o.issue + 20 + o.i % 20, 'YY') END AS fy
             FROM mixed_orders o WHERE o.paid) x`,
      [companyId, p],
    );
    await step(
      "allocations",
      `INSERT INTO "Allocation" (id, "companyId", "connectionId", "paymentId", "invoiceId", amount, "createdById", "createdAt")
       SELECT $2 || '_al_' || o.i, $1, $2 || '_c_' || o.r, $2 || '_pay_' || o.i, $2 || '_inv_' || o.i, round(o.total), $2 || '_su_0', o.ts + interval '21 days'
       FROM mixed_orders o WHERE o.paid`,
      [companyId, p],
    );
    // Every counter at the last number its series used, so the app's next number follows the history without a gap.
    await step(
      "document counters",
      `INSERT INTO "DocumentSequence" ("companyId", series, "financialYear", last)
       SELECT $1, split_part(number, '/', 1), split_part(number, '/', 2), max(split_part(number, '/', 3)::int) FROM (
         SELECT number FROM "Order" WHERE "companyId" = $1 UNION ALL SELECT number FROM "Invoice" WHERE "companyId" = $1
         UNION ALL SELECT number FROM "Payment" WHERE "companyId" = $1) d GROUP BY 2, 3`,
      [companyId],
    );
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
  // Statistics first: the rebuild's one statement joins the new invoices, lines and orders, and a plan made
  // for empty tables (nested loops over every line) takes minutes instead of seconds.
  await client.query(`ANALYZE "Order"; ANALYZE "OrderLine"; ANALYZE "Invoice"; ANALYZE "InvoiceLine"; ANALYZE "Membership"; ANALYZE "Payment"; ANALYZE "Allocation"`);
  const t = performance.now();
  await rebuild(companyId);
  log(`mixed data: ${spec.code} sales rollups and open receivables rebuilt (${((performance.now() - t) / 1000).toFixed(1)} s)`);
  await client.query(`UPDATE "Company" SET website = $2 WHERE id = $1`, [companyId, marker(spec)]);
  const seconds = (performance.now() - t0) / 1000;
  log(`mixed data: ${spec.code} built in ${seconds.toFixed(0)} s`);
  return { companyId, reused: false, seconds };
}

/** VACUUM ANALYZE of the tables the build wrote (what autovacuum would have done to a settled database). */
export async function settleTables(client: pg.Client) {
  for (const t of ["Retailer", "Connection", "User", "RetailerMembership", "Membership", "Product", "StockLevel", "StockMovement", "StockReservation", "StockReservationLine", "Order", "OrderLine", "OrderEvent", "Invoice", "InvoiceLine", "Payment", "Allocation", "DocumentSequence", "SalesByDay", "SalesByMonth", "ProductSalesByDay", "ProductSalesByMonth", "OpenReceivables"]) {
    await client.query(`VACUUM ANALYZE "${t}"`);
  }
}

/** Checks the invariants the build promises: levels = ledger, product totals = levels, invoices = their lines, settled = allocations, counters = last numbers. */
export async function verifyMixedData(client: pg.Client, companyId: string) {
  const q = async (sql: string) => Number((await client.query<{ n: string }>(sql, [companyId])).rows[0].n);
  return {
    retailers: await q(`SELECT count(*) AS n FROM "Connection" WHERE "companyId" = $1`),
    products: await q(`SELECT count(*) AS n FROM "Product" WHERE "companyId" = $1`),
    orders: await q(`SELECT count(*) AS n FROM "Order" WHERE "companyId" = $1`),
    orderLines: await q(`SELECT count(*) AS n FROM "OrderLine" WHERE "companyId" = $1`),
    openOrders: await q(`SELECT count(*) AS n FROM "Order" WHERE "companyId" = $1 AND status IN ('PLACED', 'CONFIRMED', 'PACKED', 'DISPATCHED')`),
    invoices: await q(`SELECT count(*) AS n FROM "Invoice" WHERE "companyId" = $1`),
    payments: await q(`SELECT count(*) AS n FROM "Payment" WHERE "companyId" = $1`),
    levelsNotEqualToLedger: await q(
      `SELECT count(*) AS n FROM "StockLevel" l
       JOIN (SELECT "productId", "warehouseId", sum("onHandDelta") oh, sum("reservedDelta") rs FROM "StockMovement" WHERE "companyId" = $1 GROUP BY 1, 2) m USING ("productId", "warehouseId")
       WHERE l."companyId" = $1 AND (l."onHand" <> m.oh OR l.reserved <> m.rs)`,
    ),
    invoicesNotEqualToLines: await q(
      `SELECT count(*) AS n FROM "Invoice" i JOIN (SELECT "invoiceId", sum("taxableValue") t FROM "InvoiceLine" WHERE "companyId" = $1 GROUP BY 1) l ON l."invoiceId" = i.id
       WHERE i."companyId" = $1 AND i."taxableTotal" <> l.t`,
    ),
    settledNotEqualToAllocations: await q(
      `SELECT count(*) AS n FROM "Invoice" i LEFT JOIN (SELECT "invoiceId", sum(amount) a FROM "Allocation" WHERE "companyId" = $1 GROUP BY 1) a ON a."invoiceId" = i.id
       WHERE i."companyId" = $1 AND i."settledAmount" <> coalesce(a.a, 0)`,
    ),
    countersBehindNumbers: await q(
      `SELECT count(*) AS n FROM (SELECT split_part(number, '/', 1) s, split_part(number, '/', 2) fy, max(split_part(number, '/', 3)::int) m FROM "Invoice" WHERE "companyId" = $1 GROUP BY 1, 2) d
       LEFT JOIN "DocumentSequence" ds ON ds."companyId" = $1 AND ds.series = d.s AND ds."financialYear" = d.fy WHERE coalesce(ds.last, 0) < d.m`,
    ),
  };
}

/** The financial year ("25-26") of a timestamp, in IST. */
function FY_SQL(ts: string) {
  const ist = `((${ts}) AT TIME ZONE 'Asia/Kolkata')`;
  return `CASE WHEN extract(month FROM ${ist}) >= 4 THEN to_char(${ist}, 'YY') || '-' || to_char(${ist} + interval '1 year', 'YY')
               ELSE to_char(${ist} - interval '1 year', 'YY') || '-' || to_char(${ist}, 'YY') END`;
}

/** Removes an earlier build of this company (the ledger's append-only trigger is switched off for it). */
async function dropCompany(client: pg.Client, spec: MixedSpec, log: (m: string) => void) {
  log(`mixed data: removing the earlier build of ${spec.code}`);
  const id = spec.companyId;
  await client.query("BEGIN");
  try {
    await client.query(`ALTER TABLE "StockMovement" DISABLE TRIGGER "StockMovement_append_only"`);
    await client.query(`DELETE FROM "Allocation" WHERE "companyId" = $1`, [id]);
    await client.query(`UPDATE "Invoice" SET "originalInvoiceId" = NULL WHERE "companyId" = $1 AND "originalInvoiceId" IS NOT NULL`, [id]).catch(() => undefined);
    for (const t of ["PayLink", "PaymentAttempt", "Payment", "InvoiceLine", "Invoice", "SalesByDay", "SalesByMonth", "ProductSalesByDay", "ProductSalesByMonth", "OpenReceivables", "StockReservation", "OrderEvent", "OrderLine", "Order", "Cart", "StockMovement", "StockLevel", "Product", "Category", "Connection", "Membership", "DocumentSequence", "Warehouse"]) {
      await client.query(`DELETE FROM "${t}" WHERE "companyId" = $1`, [id]);
    }
    await client.query(`DELETE FROM "Company" WHERE id = $1`, [id]);
    await client.query(`DELETE FROM "User" WHERE id LIKE $1 OR id LIKE $2`, [`${spec.p}\\_su\\_%`, `${spec.p}\\_ru\\_%`]);
    await client.query(`DELETE FROM "Retailer" WHERE id LIKE $1`, [`${spec.p}\\_r\\_%`]);
    await client.query(`ALTER TABLE "StockMovement" ENABLE TRIGGER "StockMovement_append_only"`);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

// [category, HSN, GST rate, product words]
const CATEGORIES: [string, string, string, string[]][] = [
  ["Staples", "07136000", "5", ["Toor Dal", "Basmati Rice", "Wheat Atta", "Besan"]],
  ["Edible Oils", "15089091", "5", ["Groundnut Oil", "Sunflower Oil", "Mustard Oil", "Cow Ghee"]],
  ["Spices", "09109100", "5", ["Turmeric Powder", "Garam Masala", "Red Chilli Powder", "Cumin Seeds"]],
  ["Snacks", "21069099", "12", ["Aloo Bhujia", "Nashik Chivda", "Bhakarwadi", "Banana Chips"]],
  ["Biscuits", "19053100", "18", ["Glucose Biscuits", "Marie Biscuits", "Cream Wafers", "Butter Cookies"]],
  ["Beverages", "09024020", "5", ["CTC Tea", "Filter Coffee", "Mango Drink", "Lemon Soda"]],
  ["Home Care", "34022010", "18", ["Detergent Powder", "Dishwash Bar", "Floor Cleaner", "Toilet Cleaner"]],
  ["Personal Care", "34011190", "18", ["Bath Soap", "Toothpaste", "Shampoo", "Hair Oil"]],
  ["Breakfast", "19041090", "18", ["Corn Flakes", "Rolled Oats", "Instant Noodles", "Idli Mix"]],
  ["Pickles", "20019000", "12", ["Mango Pickle", "Lime Pickle", "Tomato Ketchup", "Mixed Fruit Jam"]],
  ["Dry Fruits", "08013220", "5", ["Almonds", "Cashews", "Raisins", "Dates"]],
  ["Pooja", "33074100", "5", ["Agarbatti", "Camphor", "Dhoop Cones", "Cotton Wicks"]],
];
const BRANDS = [
  "Shree Ganesh", "Ganga", "Kaveri", "Sahyadri", "Narmada", "Godavari", "Nandi", "Gokul", "Annapurna", "Lakshmi",
  "Saraswati", "Vijay", "Jyoti", "Surya", "Deccan", "Malabar", "Konkan", "Kashi", "Mysuru", "Nilgiri",
  "Rajdhani", "Marwar", "Sindhu", "Indra", "Varun", "Kamdhenu", "Amrut", "Sanjivani", "Prakriti", "Swadesh",
  "Desi Rasoi", "Gaon", "Kisan", "Sona", "Moti", "Heera", "Panna", "Neelam", "Ratna", "Bharat",
];
const PACKS = ["100 g", "200 g", "500 g", "1 kg", "2 kg", "5 kg", "1 L", "5 L"];
