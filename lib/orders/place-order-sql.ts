import "server-only";
// The statements of placing an order (lib/orders/place-order.ts), written once and run either on a
// pooled pg connection (the app's own client: no ORM on the hot path) or inside a Prisma
// transaction (a caller's own client, or checkout's extra work in the same transaction):
//
//   read      one statement, no transaction, no lock: the connection with its retailer and
//             company, the warehouse, the products, the price lists and their items for the day,
//             and whether the order to repeat is the retailer's.
//   -- Node checks and prices the lines (no transaction open) --
//   BEGIN
//   job       the order-notify job (pg-boss's own insert, on this connection)
//   write     the order with its number (a per-company sequence, lib/orders/order-number.ts), its
//             lines, the event and the audit row; last, the connection row is locked when the
//             retailer has a credit limit, so its orders are checked one at a time
//   reserve   the credit check and all lines' stock in one statement: the outstanding (read after
//             the connection lock, so it sees every order committed before), then — only when the
//             order fits the limit (or the policy holds it) — the stock levels locked in product
//             order, reserved only if every line has enough, the product totals, the ledger rows,
//             the reservation and its lines. Otherwise nothing is written and the answer names the
//             short products (or gives the outstanding).
//   COMMIT
//
// Stock rows are locked by the last statement before COMMIT, the connection row by the last two;
// Node does no work while either is held.
import { Prisma as PrismaNS } from "@/lib/generated/prisma/client";
import { priceItemsJsonSql, priceListsSql, type PriceItemJson } from "@/lib/pricing/price-data-sql";
import { owingStatuses } from "@/lib/orders/credit";
import type { OrderRow } from "@/lib/orders/views";

export { pgRunner, prismaRunner, type SqlRunner } from "@/lib/db/sql-runner";

// ---------------------------------------------------------------------------------------------
// read

export type OrderInputsRow = {
  connection: {
    id: string;
    companyId: string;
    retailerId: string;
    status: string;
    creditLimit: string;
    priceListId: string | null;
    placeOfSupply: string;
    shippingLine1: string | null;
    shippingLine2: string | null;
    shippingCity: string | null;
    shippingStateCode: string | null;
    shippingPincode: string | null;
    supplierStateCode: string;
    creditPolicy: "BLOCK" | "HOLD";
    retailer: { tradeName: string | null; legalName: string; addressLine1: string; addressLine2: string | null; city: string; stateCode: string; pincode: string };
  } | null;
  warehouse: { id: string; code: string; active: boolean } | null;
  products: { id: string; sku: string; name: string; hsnCode: string; unit: string; active: boolean; minOrderQty: string; sellInPacks: boolean; packSize: string | null; packUnit: string | null; gstRate: string; cessRate: string; taxInclusive: boolean; basePrice: string; mrp: string | null }[];
  lists: { id: string; name: string; isDefault: boolean }[];
  items: PriceItemJson[];
  reorderFound: boolean | null;
};

const connectionColumns = `c.id, c."companyId", c."retailerId", c.status::text AS status, c."creditLimit"::text AS "creditLimit", c."priceListId", c."placeOfSupply",
         c."shippingLine1", c."shippingLine2", c."shippingCity", c."shippingStateCode", c."shippingPincode",
         co."stateCode" AS "supplierStateCode", co."creditPolicy"::text AS "creditPolicy",
         json_build_object('tradeName', r."tradeName", 'legalName', r."legalName", 'addressLine1', r."addressLine1", 'addressLine2', r."addressLine2",
                           'city', r.city, 'stateCode', r."stateCode", 'pincode', r.pincode) AS retailer`;

/**
 * Everything placing reads, in one statement. The connection: for staff by id within their company
 * ($1, $2), for a retailer user by its retailer and the vendor's code ($3, $4). The warehouse: the one
 * asked for ($5), else the company's default active one, else its first active one.
 *
 * Named statements run on a generic plan after a few calls, planned without the parameters' values:
 * each lookup here must find its rows through its key whatever the estimates say. A company's products
 * are fetched one id at a time through the primary key (`unnest … CROSS JOIN LATERAL`), because
 * `id = ANY($6) AND "companyId" = $x` let the planner read every product of the company through the
 * company's index when it took companies for small (seen on the bench: 1,916 index entries for 3
 * products); the two ways to find the connection are two branches, each on its own unique key, not one
 * CASE that no index serves. The reserve statement locks its rows the same way.
 */
export const readOrderInputsSql = `
WITH c AS MATERIALIZED (
  SELECT ${connectionColumns} FROM "Connection" c JOIN "Company" co ON co.id = c."companyId" JOIN "Retailer" r ON r.id = c."retailerId"
  WHERE $1::text IS NOT NULL AND c.id = $2::text AND c."companyId" = $1::text
  UNION ALL
  SELECT ${connectionColumns} FROM "Company" co JOIN "Connection" c ON c."companyId" = co.id JOIN "Retailer" r ON r.id = c."retailerId"
  WHERE $1::text IS NULL AND co.code = $4::text AND c."retailerId" = $3::text
  LIMIT 1
),
pl AS MATERIALIZED (${priceListsSql(`(SELECT "companyId" FROM c)`, `(SELECT "priceListId" FROM c)`)})
SELECT
  (SELECT row_to_json(c) FROM c) AS connection,
  (SELECT json_build_object('id', w.id, 'code', w.code, 'active', w.active) FROM "Warehouse" w, c
    WHERE w."companyId" = c."companyId" AND CASE WHEN $5::text IS NOT NULL THEN w.id = $5::text ELSE w.active END
    ORDER BY w."isDefault" DESC, w."createdAt", w.id LIMIT 1) AS warehouse,
  (SELECT coalesce(json_agg(json_build_object('id', p.id, 'sku', p.sku, 'name', p.name, 'hsnCode', p."hsnCode", 'unit', p.unit, 'active', p.active,
            'minOrderQty', p."minOrderQty"::text, 'sellInPacks', p."sellInPacks", 'packSize', p."packSize"::text, 'packUnit', p."packUnit",
            'gstRate', p."gstRate"::text, 'cessRate', p."cessRate"::text, 'taxInclusive', p."taxInclusive", 'basePrice', p."basePrice"::text, 'mrp', p.mrp::text)), '[]')
     FROM (SELECT DISTINCT unnest($6::text[]) AS id) w CROSS JOIN LATERAL (SELECT p.* FROM "Product" p WHERE p.id = w.id AND p."companyId" = (SELECT "companyId" FROM c) LIMIT 1) p) AS products,
  (SELECT coalesce(json_agg(pl), '[]') FROM pl) AS lists,
  ${priceItemsJsonSql(`(SELECT "companyId" FROM c)`, "= ANY($6::text[])", "$7::date")} AS items,
  (SELECT EXISTS (SELECT 1 FROM "Order" o, c WHERE o.id = $8::text AND o."companyId" = c."companyId" AND o."retailerId" = c."retailerId")
    WHERE $8::text IS NOT NULL) AS "reorderFound"`;

// ---------------------------------------------------------------------------------------------
// write

/**
 * The order, its lines, its events and its audit row in one statement, numbered from the company's
 * sequence; the event data and the audit's `after` get the number. With $7 the connection row is
 * locked (FOR NO KEY UPDATE: orders that only reference it are not blocked) and read again. It answers
 * the order as orderViewSql would read it after commit (`view`, from what the statement inserted), so
 * the answer needs no statement of its own unless a later one changes the order (a credit hold).
 *   $1 order jsonb (the Order columns but number and updatedAt)   $2 lines jsonb   $3 events jsonb
 *   $4 audit jsonb   $5 sequence name   $6 number head ("SO/26-27/")   $7 lock the connection
 */
export const writeOrderSql = (numberSql: string) => `
WITH num AS MATERIALIZED (SELECT ${numberSql} AS number),
o AS (
  INSERT INTO "Order" (id, "companyId", number, "connectionId", "retailerId", "warehouseId", status, source, "creditHold", "holdReason",
                       "supplierStateCode", "placeOfSupply", "shippingName", "shippingLine1", "shippingLine2", "shippingCity", "shippingStateCode", "shippingPincode",
                       "buyerReference", notes, "taxableTotal", "cgstTotal", "sgstTotal", "igstTotal", "cessTotal", "grandTotal",
                       "createdById", "placedById", "placedAt", "reorderOfId", "createdAt", "updatedAt")
  SELECT x.id, x."companyId", num.number, x."connectionId", x."retailerId", x."warehouseId", x.status::"OrderStatus", x.source::"OrderSource", x."creditHold", x."holdReason",
         x."supplierStateCode", x."placeOfSupply", x."shippingName", x."shippingLine1", x."shippingLine2", x."shippingCity", x."shippingStateCode", x."shippingPincode",
         x."buyerReference", x.notes, x."taxableTotal", x."cgstTotal", x."sgstTotal", x."igstTotal", x."cessTotal", x."grandTotal",
         x."createdById", x."placedById", x."placedAt", x."reorderOfId", x."createdAt", now()
  FROM num, jsonb_to_record($1::jsonb) AS x(id text, "companyId" text, "connectionId" text, "retailerId" text, "warehouseId" text, status text, source text,
       "creditHold" boolean, "holdReason" text, "supplierStateCode" text, "placeOfSupply" text, "shippingName" text, "shippingLine1" text, "shippingLine2" text,
       "shippingCity" text, "shippingStateCode" text, "shippingPincode" text, "buyerReference" text, notes text, "taxableTotal" numeric, "cgstTotal" numeric,
       "sgstTotal" numeric, "igstTotal" numeric, "cessTotal" numeric, "grandTotal" numeric, "createdById" text, "placedById" text, "placedAt" timestamptz,
       "reorderOfId" text, "createdAt" timestamptz)
  RETURNING *
),
l AS (
  INSERT INTO "OrderLine" (id, "orderId", "companyId", "productId", "freeGoods", position, sku, name, "hsnCode", unit, quantity, "unitPrice", "priceSource",
                           "taxInclusive", "gstRate", "cessRate", "taxableValue", "cgstAmount", "sgstAmount", "igstAmount", "cessAmount", "lineTotal")
  SELECT x.id, o.id, x."companyId", x."productId", x."freeGoods", x.position, x.sku, x.name, x."hsnCode", x.unit, x.quantity, x."unitPrice", x."priceSource",
         x."taxInclusive", x."gstRate", x."cessRate", x."taxableValue", x."cgstAmount", x."sgstAmount", x."igstAmount", x."cessAmount", x."lineTotal"
  FROM o, jsonb_to_recordset($2::jsonb) AS x(id text, "companyId" text, "productId" text, "freeGoods" boolean, position int, sku text, name text, "hsnCode" text,
       unit text, quantity numeric, "unitPrice" numeric, "priceSource" text, "taxInclusive" boolean, "gstRate" numeric, "cessRate" numeric, "taxableValue" numeric,
       "cgstAmount" numeric, "sgstAmount" numeric, "igstAmount" numeric, "cessAmount" numeric, "lineTotal" numeric)
  RETURNING *
),
e AS (
  INSERT INTO "OrderEvent" (id, "orderId", "companyId", kind, "fromStatus", "toStatus", "actorUserId", "actorName", note, data, "createdAt")
  SELECT x.id, o.id, x."companyId", x.kind, x."fromStatus"::"OrderStatus", x."toStatus"::"OrderStatus", x."actorUserId", x."actorName", x.note,
         CASE WHEN x.data IS NULL THEN NULL WHEN x.data ? 'number' THEN jsonb_set(x.data, '{number}', to_jsonb(num.number)) ELSE x.data END, x."createdAt"
  FROM o, num, jsonb_to_recordset($3::jsonb) AS x(id text, "companyId" text, kind text, "fromStatus" text, "toStatus" text, "actorUserId" text, "actorName" text,
       note text, data jsonb, "createdAt" timestamptz)
  RETURNING *
),
a AS (
  INSERT INTO "AuditLog" (id, "companyId", "retailerId", "actorUserId", "actorKind", action, "entityType", "entityId", after, "requestId")
  SELECT x.id, x."companyId", x."retailerId", x."actorUserId", x."actorKind", x.action, x."entityType", o.id, jsonb_set(x.after, '{number}', to_jsonb(num.number)), x."requestId"
  FROM o, num, jsonb_to_record($4::jsonb) AS x(id text, "companyId" text, "retailerId" text, "actorUserId" text, "actorKind" text, action text, "entityType" text,
       after jsonb, "requestId" text)
),
k AS (
  -- The request's Idempotency-Key (if it came with one) learns the order in the order's own transaction
  -- (lib/http/idempotency.ts): a client retrying after this instance died gets this order back.
  UPDATE "IdempotencyKey" ik SET "resultRef" = 'Order:' || o.id FROM o WHERE ik.id = $8::text AND ik."statusCode" IS NULL
),
cl AS (
  SELECT c.status::text AS status, c."creditLimit"::text AS "creditLimit", co."creditPolicy"::text AS "creditPolicy"
  FROM "Connection" c JOIN "Company" co ON co.id = c."companyId"
  WHERE $7::boolean AND c.id = ($1::jsonb ->> 'connectionId') AND c."companyId" = ($1::jsonb ->> 'companyId')
  FOR NO KEY UPDATE OF c
)
SELECT (SELECT number FROM num) AS number, (SELECT row_to_json(cl) FROM cl) AS locked,
  (SELECT ${orderViewObject({ order: "to_jsonb(o) - 'deliveryPhoto'", lines: "l", events: "e", key: (k) => `o."${k}"` })} FROM o) AS view`;

// ---------------------------------------------------------------------------------------------
// reserve (with the credit check)
//
// The new reserved quantities are computed from the rows as locked (lvl, plk: the newest committed
// versions), not from the statement's snapshot: PostgreSQL checks a table's CHECK constraints on
// the row an UPDATE builds from the version it scanned before it notices a concurrent update, so
// "reserved + q" from a stale version (one a release has since lowered) could fail
// "reserved <= on hand" although the newest version has room.

/** Statuses whose order value counts against the credit limit until invoiced (lib/orders/credit.ts). */
export type ReserveRow = {
  /** false: the order does not fit the limit and the policy blocks it, or the warehouse is inactive; nothing was written. */
  go: boolean;
  /** true: every line was reserved. */
  ok: boolean;
  outstanding: string | null;
  warehouseActive: boolean | null;
  warehouseCode: string | null;
  short: { productId: string; requested: string; onHand: string | null; reserved: string | null; sku: string | null; name: string | null; unit: string | null }[];
};

/**
 * Reserves every line or none, in one statement:
 *   $1 companyId  $2 warehouseId  $3 product ids (one per product, in id order)  $4 quantities
 *   $5 refType  $6 refId  $7 userId  $8 ledger time (null: now())  $9 reservation id (null: no
 *   reservation rows)  $10 reservation line ids
 * and, when $12 > 0, the credit check first:
 *   $11 connectionId  $12 credit limit  $13 order total  $14 policy  $15 order left out of the
 *   outstanding (this one); the statuses that owe are written out, as the partial index
 *   "Order_open_value_idx" names them, so the sum is read from that index
 * The stock levels are locked in product order (then the products, in id order), like every other
 * stock writer (lib/inventory/ledger.ts), so parallel orders never deadlock and never oversell.
 */
const owingStatusList = owingStatuses.map((st) => `'${st}'`).join(", ");

export const reserveSql = `
WITH credit AS MATERIALIZED (
  SELECT CASE WHEN $12::numeric > 0 THEN
      coalesce((SELECT sum("grandTotal" - "returnedTotal" - "invoicedTotal") FROM "Order"
                WHERE "companyId" = $1 AND "connectionId" = $11::text AND status IN (${owingStatusList})
                  AND "grandTotal" - "returnedTotal" - "invoicedTotal" > 0 AND id <> $15::text), 0)
    + coalesce((SELECT sum(CASE WHEN type = 'CREDIT_NOTE' THEN -"grandTotal" ELSE "grandTotal" END) FROM "Invoice"
                WHERE "companyId" = $1 AND "connectionId" = $11::text AND status = 'ISSUED'), 0)
    + coalesce((SELECT sum(CASE WHEN kind = 'REFUND' THEN amount ELSE -amount END) FROM "Payment"
                WHERE "companyId" = $1 AND "connectionId" = $11::text AND status = 'RECORDED'), 0)
    END AS outstanding,
    (SELECT active FROM "Warehouse" WHERE id = $2 AND "companyId" = $1) AS "warehouseActive",
    (SELECT code FROM "Warehouse" WHERE id = $2 AND "companyId" = $1) AS "warehouseCode"
),
go AS MATERIALIZED (
  SELECT coalesce(credit."warehouseActive", false)
     AND ($12::numeric <= 0 OR credit.outstanding + $13::numeric <= $12::numeric OR $14::text = 'HOLD') AS go
  FROM credit
),
want AS (SELECT w.pid, w.q FROM unnest($3::text[], $4::numeric[]) AS w(pid, q)),
lvl AS MATERIALIZED (
  SELECT s."productId", s."onHand", s.reserved
  FROM (SELECT pid FROM want WHERE (SELECT go FROM go) ORDER BY pid) w
  -- By the level's own key (product, warehouse) alone, the company checked on the row found: with the
  -- company in the lookup a generic plan took the (companyId, warehouseId) index and read the warehouse.
  CROSS JOIN LATERAL (SELECT s."companyId", s."productId", s."onHand", s.reserved FROM "StockLevel" s
                      WHERE s."productId" = w.pid AND s."warehouseId" = $2 LIMIT 1 FOR NO KEY UPDATE OF s) s
  WHERE s."companyId" = $1
),
short AS MATERIALIZED (
  SELECT w.pid, w.q, l."onHand", l.reserved FROM want w LEFT JOIN lvl l ON l."productId" = w.pid
  WHERE (SELECT go FROM go) AND (l."productId" IS NULL OR l."onHand" - l.reserved < w.q)
),
ok AS MATERIALIZED (SELECT (SELECT go FROM go) AND NOT EXISTS (SELECT 1 FROM short) AS ok),
upd AS (
  UPDATE "StockLevel" s SET reserved = l.reserved + w.q, "updatedAt" = now()
  FROM lvl l JOIN want w ON w.pid = l."productId"
  WHERE (SELECT ok FROM ok) AND s."productId" = l."productId" AND s."warehouseId" = $2
),
plk AS MATERIALIZED (
  SELECT p.id, p."stockReserved"
  FROM (SELECT pid FROM want WHERE (SELECT ok FROM ok) ORDER BY pid) w
  CROSS JOIN LATERAL (SELECT p.id, p."stockReserved" FROM "Product" p WHERE p.id = w.pid AND p."companyId" = $1 FOR NO KEY UPDATE OF p) p
),
pu AS (
  UPDATE "Product" p SET "stockReserved" = k."stockReserved" + w.q FROM plk k JOIN want w ON w.pid = k.id WHERE p.id = k.id
),
mv AS (
  INSERT INTO "StockMovement" ("companyId", "productId", "warehouseId", kind, "onHandDelta", "reservedDelta", "refType", "refId", "userId", "createdAt")
  SELECT $1, w.pid, $2, 'RESERVATION'::"StockMovementKind", 0, w.q, $5::text, $6::text, $7::text, coalesce($8::timestamptz, now()) FROM want w WHERE (SELECT ok FROM ok)
),
rs AS (
  INSERT INTO "StockReservation" (id, "companyId", "warehouseId", "refType", "refId", status, "createdAt", "updatedAt")
  SELECT $9::text, $1, $2, $5::text, $6::text, 'ACTIVE'::"ReservationStatus", now(), now() WHERE $9::text IS NOT NULL AND (SELECT ok FROM ok)
),
rl AS (
  INSERT INTO "StockReservationLine" (id, "reservationId", "productId", quantity)
  SELECT u.id, $9::text, u.pid, u.q FROM unnest($10::text[], $3::text[], $4::numeric[]) AS u(id, pid, q) WHERE $9::text IS NOT NULL AND (SELECT ok FROM ok)
)
SELECT (SELECT go FROM go) AS go, (SELECT ok FROM ok) AS ok, (SELECT outstanding::text FROM credit) AS outstanding, (SELECT "warehouseActive" FROM credit) AS "warehouseActive", (SELECT "warehouseCode" FROM credit) AS "warehouseCode",
  (SELECT coalesce(json_agg(json_build_object('productId', sh.pid, 'requested', sh.q::text, 'onHand', sh."onHand"::text, 'reserved', sh.reserved::text,
                                              'sku', p.sku, 'name', p.name, 'unit', p.unit) ORDER BY sh.pid), '[]')
   FROM short sh LEFT JOIN LATERAL (SELECT p.sku, p.name, p.unit FROM "Product" p WHERE p.id = sh.pid AND p."companyId" = $1 LIMIT 1) p ON true) AS short`;

/** The parameters of reserveSql without a credit check. */
export function reserveParams(a: {
  companyId: string;
  warehouseId: string;
  lines: { productId: string; quantity: string }[];
  refType: string;
  refId: string;
  userId?: string | null;
  at?: Date | null;
  reservationId: string | null;
  lineIds: string[];
  credit?: { connectionId: string; limit: string; orderTotal: string; policy: string } | null;
}): unknown[] {
  const c = a.credit;
  return [
    a.companyId,
    a.warehouseId,
    a.lines.map((l) => l.productId),
    a.lines.map((l) => l.quantity),
    a.refType,
    a.refId,
    a.userId ?? null,
    a.at ?? null,
    a.reservationId,
    a.lineIds,
    c?.connectionId ?? null,
    c?.limit ?? "0",
    c?.orderTotal ?? "0",
    c?.policy ?? "BLOCK",
    a.refId,
  ];
}

// ---------------------------------------------------------------------------------------------

// ---------------------------------------------------------------------------------------------
// the answer

/**
 * One order (`o`, $1) within an actor's reach: $2 the company (staff), or $3 the retailer (retailer users: not
 * the vendor's drafts). orderScopeParams (lib/orders/order-access.ts) gives $2 and $3.
 */
export const orderInScopeSql = `o.id = $1 AND (o."companyId" = $2::text OR (o."retailerId" = $3::text AND o.status <> 'DRAFT'))`;

/**
 * The order as `orderViewArgs` (lib/orders/views.ts) loads it — order, company, retailer,
 * connection, warehouse, lines, events — in one statement, as JSON; `toOrderRow` turns it into the
 * row toOrderView reads. $1 order id, $2 and $3 the scope (orderInScopeSql).
 */
export const orderViewSql = `
SELECT ${orderViewObject({ order: "to_jsonb(o) - 'deliveryPhoto'", lines: `(SELECT * FROM "OrderLine" WHERE "orderId" = o.id)`, events: `(SELECT * FROM "OrderEvent" WHERE "orderId" = o.id)`, key: (k) => `o."${k}"` })} AS row
FROM "Order" o
WHERE ${orderInScopeSql}`;

/** The view's JSON from an order row (`order`), its lines and its events (each a table or a row source), and the order's keys. */
export function orderViewObject(a: { order: string; lines: string; events: string; key: (column: "companyId" | "retailerId" | "connectionId" | "warehouseId") => string }): string {
  return `json_build_object(
  'order', ${a.order},
  'company', (SELECT json_build_object('id', c.id, 'code', c.code, 'legalName', c."legalName", 'tradeName', c."tradeName", 'stateCode', c."stateCode", 'gstin', c.gstin) FROM "Company" c WHERE c.id = ${a.key("companyId")}),
  'retailer', (SELECT json_build_object('id', r.id, 'legalName', r."legalName", 'tradeName', r."tradeName", 'gstin', r.gstin, 'stateCode', r."stateCode") FROM "Retailer" r WHERE r.id = ${a.key("retailerId")}),
  'connection', (SELECT json_build_object('customerCode', n."customerCode") FROM "Connection" n WHERE n.id = ${a.key("connectionId")}),
  'warehouse', (SELECT json_build_object('id', w.id, 'code', w.code, 'name', w.name) FROM "Warehouse" w WHERE w.id = ${a.key("warehouseId")}),
  'lines', (SELECT coalesce(json_agg(l ORDER BY l.position), '[]') FROM ${a.lines} l),
  'events', (SELECT coalesce(json_agg(e ORDER BY e."createdAt", e.id), '[]') FROM ${a.events} e)
)`;
}

const orderDecimals = ["taxableTotal", "cgstTotal", "sgstTotal", "igstTotal", "cessTotal", "grandTotal", "returnedTotal", "invoicedTotal"];
const orderDates = ["placedAt", "confirmedAt", "packedAt", "dispatchedAt", "deliveredAt", "cancelledAt", "returnedAt", "createdAt", "updatedAt"];
const lineDecimals = ["quantity", "unitPrice", "gstRate", "cessRate", "taxableValue", "cgstAmount", "sgstAmount", "igstAmount", "cessAmount", "lineTotal", "returnedQty", "invoicedQty"];

/** What orderViewSql (and the write statement's `view`) answer. */
export type OrderViewJson = { order: Record<string, unknown>; lines: Record<string, unknown>[]; events: Record<string, unknown>[] } & Record<string, unknown>;

/** JSON numbers of numeric(14,2)/(14,3) columns have at most 14 significant digits, so they round-trip exactly into Decimals. */
export function toOrderRow(json: OrderViewJson): OrderRow {
  const D = PrismaNS.Decimal;
  const convert = (row: Record<string, unknown>, decimals: string[], dates: string[]) => {
    for (const k of decimals) if (row[k] !== null && row[k] !== undefined) row[k] = new D(String(row[k]));
    for (const k of dates) if (row[k] !== null && row[k] !== undefined) row[k] = new Date(String(row[k]));
    return row;
  };
  return {
    ...convert(json.order, orderDecimals, orderDates),
    company: json.company,
    retailer: json.retailer,
    connection: json.connection,
    warehouse: json.warehouse,
    lines: json.lines.map((l) => convert(l, lineDecimals, [])),
    events: json.events.map((e) => convert(e, [], ["createdAt"])),
  } as unknown as OrderRow;
}
