// Builds the catalog benchmark's data set in one company ("BNCH"), all in SQL so it takes seconds:
//   204 categories (12 departments × 16 aisles),
//   100,000 products named brand × variant × product × pack ("Kaveri Premium Toor Dal 1 kg"), so a
//     trigram search has realistic selectivity (a product word matches ~0.5%, a brand ~2%),
//   3 warehouses, 250,000 stock levels (every product in two warehouses, every second one in the
//     third) and exactly 1,000,000 ledger rows (4 per level: receipts, reservation, dispatch or
//     adjustment), with each level equal to the sum of its ledger rows,
//   stock status: 3% of products out of stock, 7% low, the rest in stock; 5% inactive.
// Reused when already there (same counts); rebuilt when a previous build was incomplete.
import type pg from "pg";
import { ensureBenchOwner } from "./db";

export const BENCH_COMPANY = "BNCH";
export const BENCH_OWNER = { email: "owner@bench-catalog.example", password: "Bench@12345" };
export const PRODUCTS = 100_000;
export const LEDGER_ROWS = 1_000_000;

const departments: [string, string, string, string[]][] = [
  // [department, HSN, GST rate, aisles (each aisle is also the product word)]
  ["Staples", "0713", "5", ["Toor Dal", "Moong Dal", "Chana Dal", "Urad Dal", "Masoor Dal", "Basmati Rice", "Sona Masoori Rice", "Kolam Rice", "Wheat Atta", "Besan", "Bombay Rava", "Maida", "Thick Poha", "Sugar", "Jaggery", "Iodised Salt"]],
  ["Edible Oils & Ghee", "1508", "5", ["Groundnut Oil", "Sunflower Oil", "Mustard Oil", "Soyabean Oil", "Rice Bran Oil", "Coconut Oil", "Sesame Oil", "Cottonseed Oil", "Palmolein Oil", "Olive Oil", "Cow Ghee", "Buffalo Ghee", "Vanaspati", "White Butter", "Safflower Oil", "Castor Oil"]],
  ["Spices & Masala", "0910", "5", ["Turmeric Powder", "Red Chilli Powder", "Coriander Powder", "Cumin Seeds", "Garam Masala", "Kitchen King Masala", "Chhole Masala", "Pav Bhaji Masala", "Sambar Masala", "Rasam Powder", "Biryani Masala", "Black Pepper", "Green Cardamom", "Cloves", "Mustard Seeds", "Hing"]],
  ["Snacks & Namkeen", "2106", "5", ["Aloo Bhujia", "Moong Dal Namkeen", "Nashik Chivda", "Bhakarwadi", "Besan Sev", "Methi Khakhra", "Mathri", "Banana Chips", "Potato Chips", "Chakli", "Farsan Mix", "Peanut Chikki", "Roasted Chana", "Makhana", "Soya Sticks", "Masala Peanuts"]],
  ["Biscuits & Bakery", "1905", "5", ["Glucose Biscuits", "Marie Biscuits", "Cream Biscuits", "Choco Cookies", "Elaichi Rusk", "Nankhatai", "Digestive Biscuits", "Salted Crackers", "Fruit Cake", "Milk Bread", "Ladi Pav", "Puff Khari", "Cream Wafers", "Butter Cookies", "Jeera Biscuits", "Coconut Cookies"]],
  ["Beverages", "0902", "5", ["CTC Tea", "Green Tea", "Masala Tea", "Filter Coffee", "Instant Coffee", "Malt Health Drink", "Cola", "Lemon Soda", "Mango Drink", "Orange Juice", "Drinking Water", "Badam Milk", "Sweet Lassi", "Masala Buttermilk", "Rose Sharbat", "Kokum Sharbat"]],
  ["Home Care", "3402", "18", ["Detergent Powder", "Liquid Detergent", "Detergent Bar", "Dishwash Bar", "Dishwash Gel", "Floor Cleaner", "Toilet Cleaner", "Glass Cleaner", "Fabric Conditioner", "Liquid Bleach", "Naphthalene Balls", "Mosquito Coil", "Air Freshener", "Scrub Pad", "Garbage Bags", "White Phenyl"]],
  ["Personal Care", "3401", "5", ["Bath Soap", "Sandal Soap", "Neem Soap", "Toothpaste", "Toothbrush", "Shampoo", "Amla Hair Oil", "Coconut Hair Oil", "Face Wash", "Talcum Powder", "Body Lotion", "Shaving Cream", "Deodorant", "Hand Wash", "Sanitary Pads", "Cold Cream"]],
  ["Breakfast & Instant", "1902", "5", ["Instant Noodles", "Penne Pasta", "Roasted Vermicelli", "Corn Flakes", "Rolled Oats", "Fruit Muesli", "Upma Mix", "Idli Mix", "Dosa Mix", "Gulab Jamun Mix", "Custard Powder", "Jelly Crystals", "Tomato Soup Mix", "Poha Mix", "Dhokla Mix", "Rava Idli Mix"]],
  ["Sauces & Pickles", "2103", "5", ["Tomato Ketchup", "Green Chilli Sauce", "Soya Sauce", "Eggless Mayonnaise", "Mixed Fruit Jam", "Honey", "Peanut Butter", "Mango Pickle", "Lime Pickle", "Mixed Pickle", "Green Chutney", "Tamarind Paste", "Ginger Garlic Paste", "Synthetic Vinegar", "Urad Papad", "Sandwich Spread"]],
  ["Dry Fruits & Sweets", "0801", "5", ["Almonds", "Cashews", "Raisins", "Pistachios", "Walnuts", "Dates", "Dried Figs", "Soan Papdi", "Rasgulla", "Gulab Jamun", "Kaju Katli", "Milk Chocolate", "Toffees", "Mouth Freshener", "Roasted Saunf", "Besan Ladoo"]],
  ["Pooja & Household", "3307", "5", ["Agarbatti", "Dhoop Cones", "Camphor", "Cotton Wicks", "Deepam Oil", "Safety Matches", "Wax Candles", "Kumkum", "Rangoli Colours", "Soft Broom", "Floor Mop", "Plastic Bucket", "Steel Tumbler", "Aluminium Foil", "Cling Film", "Paper Napkins"]],
];

const brands = [
  "Shree Ganesh", "Ganga", "Kaveri", "Sahyadri", "Narmada", "Godavari", "Tungabhadra", "Nandi", "Gokul", "Annapurna",
  "Lakshmi", "Saraswati", "Mahalaxmi", "Vijay", "Jyoti", "Surya", "Chandra", "Tara", "Deccan", "Malabar",
  "Konkan", "Kashi", "Mysuru", "Nilgiri", "Kodagu", "Rajdhani", "Marwar", "Mewar", "Sindhu", "Indra",
  "Varun", "Agni", "Kamdhenu", "Amrut", "Sanjivani", "Vaidya", "Ayush", "Prakriti", "Swadesh", "Bharat",
  "Desi Rasoi", "Gaon", "Kisan", "Sona", "Moti", "Heera", "Panna", "Neelam", "Pukhraj", "Ratna",
];
const variants = ["Premium", "Classic", "Organic", "Gold", "Select", "Everyday", "Royal", "Pure", "Fresh", "Special"];
const packs = ["50 g", "100 g", "200 g", "250 g", "500 g", "1 kg", "2 kg", "5 kg", "200 ml", "500 ml", "1 L"];

/** Search words of the benchmark: product words (~0.5% of rows each), brands (~2%), a variant (~10%). */
export const SEARCH_WORDS = ["toor dal", "masala", "basmati", "shampoo", "ghee", "kaveri", "nilgiri", "biscuits", "detergent", "pickle"];

export type BenchCatalog = { companyId: string; ownerId: string; departmentIds: Record<string, string>; reused: boolean };

export async function ensureCatalogData(client: pg.Client, log: (m: string) => void = console.log): Promise<BenchCatalog> {
  const existing = await client.query<{ id: string; products: string; movements: string }>(
    `SELECT c.id, (SELECT count(*) FROM "Product" p WHERE p."companyId" = c.id) AS products,
            (SELECT count(*) FROM "StockMovement" m WHERE m."companyId" = c.id) AS movements
     FROM "Company" c WHERE c.code = $1`,
    [BENCH_COMPANY],
  );
  const row = existing.rows[0];
  if (row && Number(row.products) === PRODUCTS && Number(row.movements) === LEDGER_ROWS) {
    log(`bench data: reusing ${PRODUCTS.toLocaleString("en-IN")} products and ${LEDGER_ROWS.toLocaleString("en-IN")} ledger rows in ${BENCH_COMPANY}`);
    return { companyId: row.id, ownerId: await ensureOwner(client, row.id), departmentIds: await departmentIds(client, row.id), reused: true };
  }
  if (row) await dropCompany(client, row.id, log);
  const t0 = performance.now();
  const companyId = "bench_company_catalog";
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "Company" (id, code, "legalName", "tradeName", "stateCode", "addressLine1", city, pincode, "updatedAt")
       VALUES ($1, $2, 'Bench Catalog Traders Pvt. Ltd.', 'Bench Catalog', '27', 'Bench Road', 'Pune', '411001', now())`,
      [companyId, BENCH_COMPANY],
    );
    // Departments and aisles.
    const catRows: [string, string | null, string][] = [];
    departments.forEach(([dept, , , aisles], d) => {
      catRows.push([`bcat_d${d}`, null, dept]);
      aisles.forEach((a, k) => catRows.push([`bcat_d${d}_a${k}`, `bcat_d${d}`, a]));
    });
    await client.query(
      `INSERT INTO "Category" (id, "companyId", "parentId", name, "updatedAt")
       SELECT u.id, $1, u.parent, u.name, now() FROM unnest($2::text[], $3::text[], $4::text[]) AS u(id, parent, name)`,
      [companyId, catRows.map((r) => r[0]), catRows.map((r) => r[1]), catRows.map((r) => r[2])],
    );
    await client.query(
      `INSERT INTO "Warehouse" (id, "companyId", code, name, city, "stateCode", pincode, "isDefault", "updatedAt") VALUES
         ('bench_wh_0', $1, 'MAIN', 'Bhiwandi Main Warehouse', 'Bhiwandi', '27', '421302', true, now()),
         ('bench_wh_1', $1, 'PUNE', 'Pune Depot', 'Pune', '27', '411019', false, now()),
         ('bench_wh_2', $1, 'NGP', 'Nagpur Depot', 'Nagpur', '27', '440016', false, now())`,
      [companyId],
    );
    // Products: i → brand i%50, aisle (i/50)%192, pack (i/9600)%11 — every name is distinct.
    const aisles = departments.flatMap(([, hsn, gst, as], d) => as.map((a, k) => ({ name: a, category: `bcat_d${d}_a${k}`, hsn, gst })));
    await client.query(
      `INSERT INTO "Product" (id, "companyId", sku, name, "categoryId", brand, "hsnCode", "gstRate", unit, "packUnit", "packSize",
                              mrp, "basePrice", "costPrice", barcode, active, "minOrderQty", "reorderLevel", "createdAt", "updatedAt")
       SELECT 'bprod_' || lpad(i::text, 6, '0'), $1, 'BN-' || lpad(i::text, 6, '0'),
              b.brand || ' ' || v.variant || ' ' || a.aisle || ' ' || pk.pack,
              a.category, b.brand, a.hsn, a.gst::numeric, 'PCS',
              CASE WHEN i % 3 = 0 THEN 'BOX' END, CASE WHEN i % 3 = 0 THEN 12 END,
              price * 1.3, price, price * 0.8,
              '890' || lpad(i::text, 10, '0'),
              i % 20 <> 7, 1,
              CASE WHEN i % 100 BETWEEN 3 AND 9 THEN 5000 ELSE 10 + i % 40 END,
              now() - make_interval(mins => i), now() - make_interval(mins => (i * 7) % 100000)
       FROM generate_series(0, $2 - 1) AS i
       CROSS JOIN LATERAL (SELECT round((10 + (i * 7919 % 250000) / 100.0)::numeric, 2) AS price) pr
       JOIN unnest($3::text[]) WITH ORDINALITY AS b(brand, bn) ON b.bn = i % 50 + 1
       JOIN unnest($4::text[]) WITH ORDINALITY AS v(variant, vn) ON v.vn = (i * 7 + i / 50) % 10 + 1
       JOIN unnest($5::text[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY AS a(aisle, category, hsn, gst, an) ON a.an = (i / 50) % 192 + 1
       JOIN unnest($9::text[]) WITH ORDINALITY AS pk(pack, pn) ON pk.pn = (i / 9600) % 11 + 1`,
      [companyId, PRODUCTS, brands, variants, aisles.map((a) => a.name), aisles.map((a) => a.category), aisles.map((a) => a.hsn), aisles.map((a) => a.gst), packs],
    );
    log(`bench data: ${PRODUCTS.toLocaleString("en-IN")} products in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    // Ledger: 250,000 (product, warehouse) pairs × 4 movements. Pair p: products 0..99,999 in
    // warehouses 0 and 1, even products also in warehouse 2. Out-of-stock products (i%100 < 3)
    // receive and lose everything; the others receive twice, reserve r and dispatch it (or, for
    // i%10 = 5, keep it reserved and write off one unit).
    await client.query(
      `INSERT INTO "StockMovement" ("companyId", "productId", "warehouseId", kind, "onHandDelta", "reservedDelta", "unitCost", reason, "refType", "refId", "createdAt")
       SELECT $1, 'bprod_' || lpad(x.i::text, 6, '0'), 'bench_wh_' || x.w, m.kind::"StockMovementKind", m.on_hand, m.reserved, m.cost, m.reason, m.ref_type, m.ref_id,
              now() - make_interval(days => 200 - (x.i % 60) - s.seq * 30, mins => x.i % 1440)
       FROM generate_series(0, 249999) AS p
       CROSS JOIN LATERAL (SELECT CASE WHEN p < 100000 THEN p WHEN p < 200000 THEN p - 100000 ELSE (p - 200000) * 2 END AS i,
                                  CASE WHEN p < 100000 THEN 0 WHEN p < 200000 THEN 1 ELSE 2 END AS w) x
       CROSS JOIN LATERAL (SELECT 20 + (x.i * 7919 + x.w * 104729) % 480 AS a, 10 + (x.i * 31 + x.w * 17) % 300 AS b, 1 + (x.i + x.w) % 10 AS r) q
       CROSS JOIN generate_series(0, 3) AS s(seq)
       CROSS JOIN LATERAL (
         SELECT * FROM (VALUES
           (0, 'RECEIPT', q.a, 0, 40.00, 'From Bench Supplier', 'GoodsReceipt', 'bench-grn-' || x.i),
           (1, CASE WHEN x.i % 100 < 3 THEN 'ADJUSTMENT' ELSE 'RECEIPT' END, CASE WHEN x.i % 100 < 3 THEN -q.a ELSE q.b END, 0, NULL, CASE WHEN x.i % 100 < 3 THEN 'Expired' ELSE 'From Bench Supplier' END, NULL, NULL),
           (2, CASE WHEN x.i % 100 < 3 THEN 'RECEIPT' ELSE 'RESERVATION' END, CASE WHEN x.i % 100 < 3 THEN q.b ELSE 0 END, CASE WHEN x.i % 100 < 3 THEN 0 ELSE q.r END, NULL,
               CASE WHEN x.i % 100 < 3 THEN 'From Bench Supplier' END,
               CASE WHEN x.i % 100 < 3 THEN 'GoodsReceipt' ELSE 'Order' END,
               CASE WHEN x.i % 100 < 3 THEN 'bench-grn2-' || x.i ELSE 'bench-order-' || x.i || '-' || x.w END),
           (3, CASE WHEN x.i % 100 < 3 OR x.i % 10 = 5 THEN 'ADJUSTMENT' ELSE 'DISPATCH' END,
               CASE WHEN x.i % 100 < 3 THEN -q.b WHEN x.i % 10 = 5 THEN -1 ELSE -q.r END,
               CASE WHEN x.i % 100 < 3 OR x.i % 10 = 5 THEN 0 ELSE -q.r END, NULL,
               CASE WHEN x.i % 100 < 3 OR x.i % 10 = 5 THEN 'Damaged' END,
               CASE WHEN x.i % 100 < 3 OR x.i % 10 = 5 THEN NULL ELSE 'Order' END,
               CASE WHEN x.i % 100 < 3 OR x.i % 10 = 5 THEN NULL ELSE 'bench-order-' || x.i || '-' || x.w END)
         ) AS v(seq, kind, on_hand, reserved, cost, reason, ref_type, ref_id) WHERE v.seq = s.seq
       ) m`,
      [companyId],
    );
    log(`bench data: ${LEDGER_ROWS.toLocaleString("en-IN")} ledger rows in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    await client.query(
      `INSERT INTO "StockLevel" ("companyId", "productId", "warehouseId", "onHand", reserved, "updatedAt")
       SELECT "companyId", "productId", "warehouseId", sum("onHandDelta"), sum("reservedDelta"), max("createdAt")
       FROM "StockMovement" WHERE "companyId" = $1 GROUP BY "companyId", "productId", "warehouseId"`,
      [companyId],
    );
    // The per-product totals the ledger keeps next to the levels.
    await client.query(
      `UPDATE "Product" p SET "stockOnHand" = s.oh, "stockReserved" = s.rs
       FROM (SELECT "productId", sum("onHand") oh, sum(reserved) rs FROM "StockLevel" WHERE "companyId" = $1 GROUP BY 1) s
       WHERE s."productId" = p.id`,
      [companyId],
    );
    const ownerId = await ensureOwner(client, companyId);
    await client.query("COMMIT");
    // What autovacuum does to a table that has settled: statistics, and the visibility map that lets
    // counts use index-only scans. Measuring right after a bulk load without it would time a state
    // a running database never stays in.
    await client.query(`VACUUM ANALYZE "Product"; VACUUM ANALYZE "StockLevel"; VACUUM ANALYZE "StockMovement"; VACUUM ANALYZE "Category"; VACUUM ANALYZE "Warehouse"`);
    log(`bench data: built in ${((performance.now() - t0) / 1000).toFixed(1)}s`);
    return { companyId, ownerId, departmentIds: await departmentIds(client, companyId), reused: false };
  } catch (err) {
    await client.query("ROLLBACK");
    throw err;
  }
}

/** Checks the data set: counts, every level equal to its ledger sums, every product total equal to its levels. */
export async function verifyCatalogData(client: pg.Client, companyId: string) {
  const { rows } = await client.query<{ products: string; levels: string; movements: string; mismatched: string; categories: string }>(
    `SELECT (SELECT count(*) FROM "Product" WHERE "companyId" = $1) AS products,
            (SELECT count(*) FROM "Category" WHERE "companyId" = $1) AS categories,
            (SELECT count(*) FROM "StockLevel" WHERE "companyId" = $1) AS levels,
            (SELECT count(*) FROM "StockMovement" WHERE "companyId" = $1) AS movements,
            (SELECT count(*) FROM "StockLevel" l
               JOIN (SELECT "productId", "warehouseId", sum("onHandDelta") oh, sum("reservedDelta") rs FROM "StockMovement" WHERE "companyId" = $1 GROUP BY 1, 2) m
                 USING ("productId", "warehouseId")
             WHERE l."companyId" = $1 AND (l."onHand" <> m.oh OR l.reserved <> m.rs))
          + (SELECT count(*) FROM "Product" p
               LEFT JOIN (SELECT "productId", sum("onHand") oh, sum(reserved) rs FROM "StockLevel" WHERE "companyId" = $1 GROUP BY 1) t ON t."productId" = p.id
             WHERE p."companyId" = $1 AND (p."stockOnHand" <> coalesce(t.oh, 0) OR p."stockReserved" <> coalesce(t.rs, 0))) AS mismatched`,
    [companyId],
  );
  const r = rows[0];
  return { products: Number(r.products), categories: Number(r.categories), stockLevels: Number(r.levels), ledgerRows: Number(r.movements), levelsNotEqualToLedger: Number(r.mismatched) };
}

function ensureOwner(client: pg.Client, companyId: string): Promise<string> {
  return ensureBenchOwner(client, { userId: "bench_owner_catalog", membershipId: "bench_owner_membership", email: BENCH_OWNER.email, password: BENCH_OWNER.password, name: "Bench Owner", companyId });
}

async function departmentIds(client: pg.Client, companyId: string) {
  const { rows } = await client.query<{ id: string; name: string }>(`SELECT id, name FROM "Category" WHERE "companyId" = $1 AND "parentId" IS NULL`, [companyId]);
  return Object.fromEntries(rows.map((r) => [r.name, r.id]));
}

/** Removes an incomplete earlier build. The ledger's append-only trigger is switched off for it. */
async function dropCompany(client: pg.Client, companyId: string, log: (m: string) => void) {
  log("bench data: removing an incomplete earlier build");
  await client.query("BEGIN");
  await client.query(`ALTER TABLE "StockMovement" DISABLE TRIGGER "StockMovement_append_only"`);
  for (const t of ["StockMovement", "StockLevel", "StockReservation", "PriceListItem", "PriceList", "Membership"]) await client.query(`DELETE FROM "${t}" WHERE "companyId" = $1`, [companyId]);
  await client.query(`DELETE FROM "Product" WHERE "companyId" = $1`, [companyId]);
  await client.query(`UPDATE "Category" SET "parentId" = NULL WHERE "companyId" = $1`, [companyId]);
  await client.query(`DELETE FROM "Company" WHERE id = $1`, [companyId]);
  await client.query(`ALTER TABLE "StockMovement" ENABLE TRIGGER "StockMovement_append_only"`);
  await client.query("COMMIT");
}
