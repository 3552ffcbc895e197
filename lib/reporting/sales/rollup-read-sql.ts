import "server-only";
// The sales report's sums read from the rollups (rollup-plan.ts says when they can answer): the rows
// of the range — whole months from the monthly table, the edge days from the daily one — with the
// same column names the line SQL's group keys use, so groupKeySql() and groupLabelSql() serve both.
import { Prisma } from "@/lib/generated/prisma/client";
import { productDocumentsFor, splitRange } from "./rollup-plan";
import type { SalesFilterValues } from "./sales-sql";
import type { SalesGrouping } from "./sales.schemas";

const sums = Prisma.sql`quantity, taxable, tax, gross, "costedTaxable", cost, "costedLines"`;

/**
 * The rollup rows of one company's range, filtered: columns "issueDate" (the day, or a month's first
 * day), the source's dimensions (null for "none", as on a line), docs and the sums.
 */
export function rollupRowsSql(source: "header" | "product", companyId: string, from: string, to: string, groupBy: SalesGrouping | null, f: SalesFilterValues): Prisma.Sql {
  const range = splitRange(from, to, groupBy === "day" || groupBy === "week");
  const where: Prisma.Sql[] = [];
  // A "none" filter matches the rollups' "" (a document without an order, a line without a product).
  const dim = (col: string, v: string | undefined) => {
    if (v !== undefined) where.push(Prisma.sql`${Prisma.raw(`"${col}"`)} = ${v === "none" ? "" : v}`);
  };
  let select: Prisma.Sql;
  let tables: [string, string];
  if (source === "header") {
    dim("connectionId", f.connectionId);
    if (f.state) where.push(Prisma.sql`"placeOfSupply" = ${f.state}`);
    dim("salespersonId", f.salespersonId);
    dim("warehouseId", f.warehouseId);
    tables = ["SalesByDay", "SalesByMonth"];
    select = Prisma.sql`"connectionId", nullif("warehouseId", '') AS "warehouseId", nullif("salespersonId", '') AS "salespersonId", "placeOfSupply", documents AS docs, ${sums}`;
  } else {
    dim("productId", f.productId);
    if (f.hsn) where.push(Prisma.sql`"hsnCode" = ${f.hsn}`);
    tables = ["ProductSalesByDay", "ProductSalesByMonth"];
    select = Prisma.sql`nullif("productId", '') AS "productId", "hsnCode", ${Prisma.raw(`"${productDocumentsFor(groupBy, f)}"`)} AS docs, ${sums}`;
  }
  const filters = where.length ? Prisma.sql` AND ${Prisma.join(where, " AND ")}` : Prisma.empty;
  const parts: Prisma.Sql[] = [];
  if (range.months) {
    parts.push(Prisma.sql`
      SELECT month AS "issueDate", ${select} FROM ${Prisma.raw(`"${tables[1]}"`)}
      WHERE "companyId" = ${companyId} AND month BETWEEN ${range.months.from}::date AND ${range.months.to}::date${filters}`);
  }
  if (range.days.length) {
    const days = Prisma.join(range.days.map((d) => Prisma.sql`day BETWEEN ${d.from}::date AND ${d.to}::date`), " OR ");
    parts.push(Prisma.sql`
      SELECT day AS "issueDate", ${select} FROM ${Prisma.raw(`"${tables[0]}"`)}
      WHERE "companyId" = ${companyId} AND (${days})${filters}`);
  }
  return Prisma.join(parts, " UNION ALL ");
}

/**
 * The rollup rows summed by `key` (the same columns as the line SQL's groupedSumsSql): cost and
 * margin only where some line's cost is known; a group whose documents were all cancelled is gone.
 */
export function rollupGroupedSumsSql(rows: Prisma.Sql, key: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT ${key} AS key, sum(quantity) AS quantity, sum(taxable) AS taxable, sum(tax) AS tax, sum(gross) AS gross,
           CASE WHEN sum("costedLines") > 0 THEN sum("costedTaxable") END AS "costedTaxable",
           CASE WHEN sum("costedLines") > 0 THEN sum(cost) END AS cost,
           sum(docs)::int AS documents
    FROM (${rows}) r
    GROUP BY 1
    HAVING sum(docs) > 0`;
}
