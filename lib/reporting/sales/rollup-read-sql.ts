import "server-only";
// The sales report's sums read from the rollups (rollup-plan.ts says when they can answer): the rows
// of the range — whole months from the monthly table, the edge days from the daily one — with the
// same column names the line SQL's group keys use, so groupKeySql() and groupLabelSql() serve both.
import { Prisma } from "@/lib/generated/prisma/client";
import { productDocumentsFor, splitRange } from "./rollup-plan";
import type { SalesFilterValues } from "./sales-sql";
import type { SalesGrouping } from "./sales.schemas";

const measures = ["quantity", "taxable", "tax", "gross", "costedTaxable", "cost", "costedLines"];

/**
 * The rollup rows of one company's range, filtered: columns "issueDate" (the day, or a month's first
 * day), the source's dimensions (null for "none", as on a line), docs and the sums — negated for the
 * days taken off a month read whole (rollup-plan.ts).
 */
export function rollupRowsSql(source: "header" | "product", companyId: string, from: string, to: string, groupBy: SalesGrouping | null, f: SalesFilterValues): Prisma.Sql {
  const range = splitRange(from, to, groupBy === "day" || groupBy === "week");
  const where: Prisma.Sql[] = [];
  // A "none" filter matches the rollups' "" (a document without an order, a line without a product).
  const dim = (col: string, v: string | undefined) => {
    if (v !== undefined) where.push(Prisma.sql`${Prisma.raw(`"${col}"`)} = ${v === "none" ? "" : v}`);
  };
  let dims: string;
  let docs: string;
  let tables: [string, string];
  if (source === "header") {
    dim("connectionId", f.connectionId);
    if (f.state) where.push(Prisma.sql`"placeOfSupply" = ${f.state}`);
    dim("salespersonId", f.salespersonId);
    dim("warehouseId", f.warehouseId);
    tables = ["SalesByDay", "SalesByMonth"];
    dims = `"connectionId", nullif("warehouseId", '') AS "warehouseId", nullif("salespersonId", '') AS "salespersonId", "placeOfSupply"`;
    docs = "documents";
  } else {
    dim("productId", f.productId);
    if (f.hsn) where.push(Prisma.sql`"hsnCode" = ${f.hsn}`);
    tables = ["ProductSalesByDay", "ProductSalesByMonth"];
    dims = `nullif("productId", '') AS "productId", "hsnCode"`;
    docs = productDocumentsFor(groupBy, f);
  }
  const select = (sign: 1 | -1) => Prisma.raw(`${dims}, ${sign === 1 ? "" : "-"}"${docs}" AS docs, ${measures.map((m) => `${sign === 1 ? "" : "-"}"${m}" AS "${m}"`).join(", ")}`);
  const filters = where.length ? Prisma.sql` AND ${Prisma.join(where, " AND ")}` : Prisma.empty;
  const within = (col: string, spans: { from: string; to: string }[]) => Prisma.join(spans.map((d) => Prisma.sql`${Prisma.raw(col)} BETWEEN ${d.from}::date AND ${d.to}::date`), " OR ");
  const parts: Prisma.Sql[] = [];
  if (range.months.length) {
    parts.push(Prisma.sql`
      SELECT month AS "issueDate", ${select(1)} FROM ${Prisma.raw(`"${tables[1]}"`)}
      WHERE "companyId" = ${companyId} AND (${within("month", range.months)})${filters}`);
  }
  for (const sign of [1, -1] as const) {
    const spans = range.days.filter((d) => d.sign === sign);
    if (!spans.length) continue;
    parts.push(Prisma.sql`
      SELECT day AS "issueDate", ${select(sign)} FROM ${Prisma.raw(`"${tables[0]}"`)}
      WHERE "companyId" = ${companyId} AND (${within("day", spans)})${filters}`);
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
