import "server-only";
// The one statement that adds documents to the sales rollups (SalesByDay/Month per retailer,
// warehouse, salesperson and place of supply; ProductSalesByDay/Month per product and HSN code), or
// takes them out again: sign −1 for a cancellation. The migration that created the tables fills them
// with the same rows (its "backfill" block; tests/integration/sales-rollups.test.ts compares).
//
// Rows are upserted with ON CONFLICT … DO UPDATE SET x = x + EXCLUDED.x, so two documents issued at
// once for the same key both count (the second waits for the first's row lock). Each INSERT takes
// its rows in key order and the four run in a fixed order, so two transactions never lock the same
// rollup rows in opposite orders.
import { Prisma } from "@/lib/generated/prisma/client";

/** Which documents: one document (issue, cancel) or every issued document of a company (rebuild). */
export type RollupScope = { companyId: string; invoiceId: string } | { companyId: string; allIssued: true };

const metrics = ["quantity", "taxable", "tax", "gross", "costedTaxable", "cost", "costedLines"] as const;
const headerKey = ["connectionId", "warehouseId", "salespersonId", "placeOfSupply"] as const;
// The product tables' rows are the hot ones: every document of the day with a line of a product adds
// to the same (day, product) row and holds its lock to the commit. Each key is split over
// PRODUCT_STRIPES rows, a retailer's documents always on the same one (a hash of the connection, so a
// cancellation takes out of the row its issue added to): documents of different retailers rarely
// wait for each other, and one retailer's already run one at a time. Readers sum over the stripes.
export const PRODUCT_STRIPES = 4;
const productKey = ["productId", "hsnCode", "stripe"] as const;

export function applySalesRollupsSql(scope: RollupScope, sign: 1 | -1): Prisma.Sql {
  const where =
    "invoiceId" in scope
      ? Prisma.sql`i.id = ${scope.invoiceId} AND i."companyId" = ${scope.companyId}`
      : Prisma.sql`i."companyId" = ${scope.companyId} AND i.status = 'ISSUED'`;
  const sg = Prisma.raw(sign === 1 ? "1" : "-1");
  return Prisma.sql`
    WITH docs AS (
      SELECT i.id, i."companyId", i."issueDate" AS day, i."connectionId", i."placeOfSupply",
             coalesce(o."warehouseId", '') AS "warehouseId", coalesce(m."userId", '') AS "salespersonId",
             CASE WHEN i.type = 'CREDIT_NOTE' THEN -1 ELSE 1 END AS s,
             CASE WHEN i.type = 'INVOICE' THEN 1 WHEN i.type = 'CREDIT_NOTE' AND i."noteReason" = 'RETURN' THEN -1 ELSE 0 END AS qs,
             ((hashtext(i."connectionId")::bigint & 2147483647) % ${Prisma.raw(String(PRODUCT_STRIPES))})::smallint AS stripe
      FROM "Invoice" i
      LEFT JOIN "Invoice" oi ON oi.id = i."originalInvoiceId" AND oi."companyId" = i."companyId"
      LEFT JOIN "Order" o ON o.id = coalesce(i."orderId", oi."orderId") AND o."companyId" = i."companyId"
      LEFT JOIN "Membership" m ON m."companyId" = i."companyId" AND m."userId" = coalesce(o."createdById", o."placedById")
      WHERE ${where}
    ),
    facts AS (
      SELECT d.id, d."companyId", d.day, d."connectionId", d."placeOfSupply", d."warehouseId", d."salespersonId", d.stripe,
             coalesce(l."productId", '') AS "productId", l."hsnCode",
             sum(d.qs * l.quantity) AS quantity,
             sum(d.s * l."taxableValue") AS taxable,
             sum(d.s * (l."cgstAmount" + l."sgstAmount" + l."igstAmount" + l."cessAmount")) AS tax,
             sum(d.s * l."lineTotal") AS gross,
             coalesce(sum(d.s * l."taxableValue") FILTER (WHERE l."unitCost" IS NOT NULL), 0) AS "costedTaxable",
             coalesce(sum(d.qs * l.quantity * l."unitCost") FILTER (WHERE l."unitCost" IS NOT NULL), 0) AS cost,
             count(l."unitCost")::int AS "costedLines",
             (row_number() OVER (PARTITION BY d.id, coalesce(l."productId", '') ORDER BY l."hsnCode") = 1)::int AS "productFirst",
             (row_number() OVER (PARTITION BY d.id, l."hsnCode" ORDER BY coalesce(l."productId", '')) = 1)::int AS "hsnFirst"
      FROM docs d
      JOIN "InvoiceLine" l ON l."invoiceId" = d.id AND l."companyId" = d."companyId"
      GROUP BY d.id, d."companyId", d.day, d."connectionId", d."placeOfSupply", d."warehouseId", d."salespersonId", d.stripe, coalesce(l."productId", ''), l."hsnCode"
    ),
    h_day AS (${upsert("SalesByDay", "day", Prisma.sql`day`, headerKey, sg)}),
    h_month AS (${upsert("SalesByMonth", "month", Prisma.sql`date_trunc('month', day::timestamp)::date`, headerKey, sg)}),
    p_day AS (${upsert("ProductSalesByDay", "day", Prisma.sql`day`, productKey, sg)}),
    p_month AS (${upsert("ProductSalesByMonth", "month", Prisma.sql`date_trunc('month', day::timestamp)::date`, productKey, sg)})
    SELECT (SELECT count(*) FROM h_day)::int AS "headerRows", (SELECT count(*) FROM p_day)::int AS "productRows"`;
}

function upsert(table: string, period: "day" | "month", periodExpr: Prisma.Sql, key: readonly string[], sg: Prisma.Sql): Prisma.Sql {
  const isProduct = key === productKey;
  const cols = ["companyId", period, ...key, "documents", ...(isProduct ? ["productDocuments", "hsnDocuments"] : []), ...metrics];
  const keyCols = ["companyId", period, ...key];
  const q = (c: string) => `"${c}"`;
  const docs = isProduct ? `${sg.text} * count(*), ${sg.text} * sum("productFirst"), ${sg.text} * sum("hsnFirst")` : `${sg.text} * count(DISTINCT id)`;
  const sums = metrics.map((m) => `${sg.text} * sum(${q(m)})`).join(", ");
  const groupBy = keyCols.map((_, i) => String(i + 1)).join(", ");
  const update = cols.slice(keyCols.length).map((c) => `${q(c)} = ${q(table)}.${q(c)} + EXCLUDED.${q(c)}`).join(", ");
  return Prisma.sql`
    INSERT INTO ${Prisma.raw(q(table))} (${Prisma.raw(cols.map(q).join(", "))})
    SELECT "companyId", ${periodExpr}, ${Prisma.raw(key.map(q).join(", "))}, ${Prisma.raw(docs)}, ${Prisma.raw(sums)}
    FROM facts GROUP BY ${Prisma.raw(groupBy)} ORDER BY ${Prisma.raw(groupBy)}
    ON CONFLICT (${Prisma.raw(keyCols.map(q).join(", "))}) DO UPDATE SET ${Prisma.raw(update)}
    RETURNING 1`;
}
