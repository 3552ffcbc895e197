import "server-only";
// The SQL of the sales report, shared by the grouped report, its drill-down and its export.
// One row per issued document line in the range: invoices and debit notes add, credit notes
// subtract (returns and credit notes netted); cancelled documents are left out. Quantity moves
// only with goods (invoices, and credit notes for returns); a rate-difference or discount note
// changes value, not quantity. Cost is the line's unit cost at issue (InvoiceLine.unitCost) × net
// quantity, where it is known: margin = taxable value − cost over the lines whose cost is known.
// The report reads these figures from the sales rollups where it can (rollup-read-sql.ts); this SQL
// answers what they cannot (a category, or a product and a retailer dimension together), the
// drill-down and the checks that the two agree.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SalesGrouping } from "./sales.schemas";

export type SalesFilterValues = {
  connectionId?: string;
  productId?: string;
  categoryId?: string;
  hsn?: string;
  state?: string;
  salespersonId?: string;
  warehouseId?: string;
};

/**
 * The report's lines for one company and range: a CTE body selecting from "Invoice" i and its lines.
 * The product (for its category) and the order and its creator's membership (for warehouse and
 * salesperson) are joined only when a filter or `groupBy` needs them; the other columns are null.
 * `only` narrows it further (a condition on i, e.g. the documents of a drill-down page).
 */
export function salesLinesSql(companyId: string, from: string, to: string, f: SalesFilterValues, groupBy: SalesGrouping | null = null, only?: Prisma.Sql): Prisma.Sql {
  const c = salesConditions(companyId, from, to, f, groupBy);
  const where = [...c.document, ...c.line, ...(only ? [only] : [])];
  return Prisma.sql`
    SELECT i.id AS "invoiceId", i."issueDate", i."connectionId", i."placeOfSupply",
           CASE WHEN i.type = 'CREDIT_NOTE' THEN -1 ELSE 1 END AS s,
           CASE WHEN i.type = 'INVOICE' THEN l.quantity WHEN i.type = 'CREDIT_NOTE' AND i."noteReason" = 'RETURN' THEN -l.quantity ELSE 0 END AS qty,
           l."taxableValue" AS taxable, l."cgstAmount" + l."sgstAmount" + l."igstAmount" + l."cessAmount" AS tax, l."lineTotal" AS gross,
           l."productId", l."hsnCode", ${c.product ? Prisma.sql`p."categoryId"` : Prisma.sql`NULL::text AS "categoryId"`}, l."unitCost",
           ${c.order ? Prisma.sql`o."warehouseId", m."userId" AS "salespersonId"` : Prisma.sql`NULL::text AS "warehouseId", NULL::text AS "salespersonId"`}
    FROM "Invoice" i
    JOIN "InvoiceLine" l ON l."invoiceId" = i.id
    ${c.productJoin}
    ${c.orderJoin}
    WHERE ${Prisma.join(where, " AND ")}`;
}

/**
 * The filters as conditions: on the document ("Invoice" i, its order o and the order's creator m,
 * after orderJoin) and on the line ("InvoiceLine" l and its product p, after productJoin).
 */
export function salesConditions(companyId: string, from: string, to: string, f: SalesFilterValues, groupBy: SalesGrouping | null = null) {
  const product = f.categoryId !== undefined || groupBy === "category";
  const order = f.salespersonId !== undefined || f.warehouseId !== undefined || groupBy === "salesperson" || groupBy === "warehouse";
  const document: Prisma.Sql[] = [Prisma.sql`i."companyId" = ${companyId}`, Prisma.sql`i.status = 'ISSUED'`, Prisma.sql`i."issueDate" BETWEEN ${from}::date AND ${to}::date`];
  const line: Prisma.Sql[] = [];
  const dim = (to: Prisma.Sql[], expr: Prisma.Sql, v: string | undefined) => {
    if (v === undefined) return;
    to.push(v === "none" ? Prisma.sql`${expr} IS NULL` : Prisma.sql`${expr} = ${v}`);
  };
  dim(document, Prisma.sql`i."connectionId"`, f.connectionId);
  if (f.state) document.push(Prisma.sql`i."placeOfSupply" = ${f.state}`);
  dim(document, Prisma.sql`m."userId"`, f.salespersonId);
  dim(document, Prisma.sql`o."warehouseId"`, f.warehouseId);
  dim(line, Prisma.sql`l."productId"`, f.productId);
  dim(line, Prisma.sql`p."categoryId"`, f.categoryId);
  if (f.hsn) line.push(Prisma.sql`l."hsnCode" = ${f.hsn}`);
  return {
    document,
    line,
    product,
    order,
    productJoin: product ? Prisma.sql`LEFT JOIN "Product" p ON p.id = l."productId" AND p."companyId" = i."companyId"` : Prisma.empty,
    orderJoin: order
      ? Prisma.sql`LEFT JOIN "Invoice" oi ON oi.id = i."originalInvoiceId" AND oi."companyId" = i."companyId"
    LEFT JOIN "Order" o ON o.id = coalesce(i."orderId", oi."orderId") AND o."companyId" = i."companyId"
    LEFT JOIN "Membership" m ON m."companyId" = i."companyId" AND m."userId" = coalesce(o."createdById", o."placedById")`
      : Prisma.empty,
  };
}

/**
 * Net sums over the lines CTE named "lines", grouped by `key`: first per document (so the document
 * count is a plain count and both steps hash-aggregate — count(DISTINCT) would force a sort of every
 * line), then per group. Returns a query with columns key, quantity, taxable, tax, gross,
 * costedTaxable, cost, documents.
 */
export function groupedSumsSql(key: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT key, sum(qty) AS quantity, sum(taxable) AS taxable, sum(tax) AS tax, sum(gross) AS gross,
           sum("costedTaxable") AS "costedTaxable", sum(cost) AS cost, count(*)::int AS documents
    FROM (
      SELECT ${key} AS key, "invoiceId", sum(qty) AS qty, sum(s * taxable) AS taxable, sum(s * tax) AS tax, sum(s * gross) AS gross,
             sum(s * taxable) FILTER (WHERE "unitCost" IS NOT NULL) AS "costedTaxable",
             sum(qty * "unitCost") FILTER (WHERE "unitCost" IS NOT NULL) AS cost
      FROM lines GROUP BY 1, 2
    ) per
    GROUP BY key`;
}

/** The group key of a line (text; null keys become "none"). */
export function groupKeySql(g: SalesGrouping): Prisma.Sql {
  switch (g) {
    case "day":
      return Prisma.sql`to_char("issueDate", 'YYYY-MM-DD')`;
    case "week":
      return Prisma.sql`to_char(date_trunc('week', "issueDate"), 'YYYY-MM-DD')`;
    case "month":
      return Prisma.sql`to_char("issueDate", 'YYYY-MM')`;
    case "retailer":
      return Prisma.sql`"connectionId"`;
    case "product":
      return Prisma.sql`coalesce("productId", 'none')`;
    case "category":
      return Prisma.sql`coalesce("categoryId", 'none')`;
    case "hsn":
      return Prisma.sql`"hsnCode"`;
    case "state":
      return Prisma.sql`"placeOfSupply"::text`;
    case "salesperson":
      return Prisma.sql`coalesce("salespersonId", 'none')`;
    case "warehouse":
      return Prisma.sql`coalesce("warehouseId", 'none')`;
  }
}

/** A label for each group key, joined onto the grouped rows "g" (null where the key is not a row). */
export function groupLabelSql(g: SalesGrouping, companyId: string): { select: Prisma.Sql; join: Prisma.Sql } {
  switch (g) {
    case "retailer":
      return {
        select: Prisma.sql`coalesce(r."tradeName", r."legalName") AS label, c."customerCode" AS code`,
        join: Prisma.sql`LEFT JOIN "Connection" c ON c.id = g.key AND c."companyId" = ${companyId} LEFT JOIN "Retailer" r ON r.id = c."retailerId"`,
      };
    case "product":
      return { select: Prisma.sql`p.name AS label, p.sku AS code`, join: Prisma.sql`LEFT JOIN "Product" p ON p.id = g.key AND p."companyId" = ${companyId}` };
    case "category":
      return { select: Prisma.sql`cat.name AS label, NULL::text AS code`, join: Prisma.sql`LEFT JOIN "Category" cat ON cat.id = g.key AND cat."companyId" = ${companyId}` };
    case "salesperson":
      return { select: Prisma.sql`u.name AS label, NULL::text AS code`, join: Prisma.sql`LEFT JOIN "Membership" mm ON mm."userId" = g.key AND mm."companyId" = ${companyId} LEFT JOIN "User" u ON u.id = mm."userId"` };
    case "warehouse":
      return { select: Prisma.sql`w.name AS label, w.code AS code`, join: Prisma.sql`LEFT JOIN "Warehouse" w ON w.id = g.key AND w."companyId" = ${companyId}` };
    default:
      return { select: Prisma.sql`NULL::text AS label, NULL::text AS code`, join: Prisma.empty };
  }
}
