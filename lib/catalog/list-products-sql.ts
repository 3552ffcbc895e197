// The SQL behind the product list, kept apart from listProducts so the benchmark can EXPLAIN the
// exact statements. Two statements per page: the rows, and the counts (which double as tab counts).
//
// Why it is shaped like this (measured on 100,000 products / ~320,000 stock levels, see the report
// in the commit history):
// - Available stock comes from the product row (stockOnHand − stockReserved, kept by the ledger), so
//   a stock filter is a test on the row: with an index-friendly sort (name, sku) the filter walks the
//   index in order and stops after one page; with a search, the trigram index narrows the rows first.
// - Stock-filtered lists still page by "is there a next page" (no total), as the screen expects.
import { escapeLike } from "@/lib/db/like";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ProductSortKey, StockStatus } from "@/lib/catalog/catalog.schemas";

export type ListFilter = {
  companyId: string;
  q: string | null;
  /** null: any category; []: nothing matches; "none": products without a category. */
  categoryIds: string[] | null | "none";
  active: "active" | "inactive" | "all";
  stock: StockStatus | null;
  sort: ProductSortKey;
  dir: "asc" | "desc";
  offset: number;
  limit: number;
};

const sortColumn: Record<ProductSortKey, Prisma.Sql> = {
  name: Prisma.raw(`p."name"`),
  sku: Prisma.raw(`p."sku"`),
  basePrice: Prisma.raw(`p."basePrice"`),
  updatedAt: Prisma.raw(`p."updatedAt"`),
  createdAt: Prisma.raw(`p."createdAt"`),
};

/**
 * Available = on hand − reserved over all warehouses, from the totals the ledger keeps on the product
 * row (Product.stockOnHand / stockReserved; inactive warehouses hold no stock). Filtering by stock
 * status is then a test on the row itself, not a sum over StockLevel per product.
 */
export const availableSql = Prisma.raw(`(p."stockOnHand" - p."stockReserved")`);

/** The stock-status rule of stockStatusOf, as SQL over the product row `p`. */
export function stockConditionSql(stock: StockStatus) {
  const available = availableSql;
  if (stock === "out") return Prisma.sql`${available} <= 0`;
  if (stock === "low") return Prisma.sql`${available} > 0 AND ${available} <= p."reorderLevel"`;
  return Prisma.sql`${available} > p."reorderLevel"`;
}

/**
 * Name, SKU and brand as one lower-case text, on the expression index "Product_search_trgm_idx"
 * (migration 20261125220000; keep the two identical). Newlines keep a match inside one field.
 */
const productSearchText = Prisma.raw(`lower(p."name" || E'\\n' || p."sku" || E'\\n' || coalesce(p."brand", ''))`);

/**
 * Search over name, SKU, brand and barcode. Three or more characters match anywhere (one trigram
 * GIN index over the three); one or two characters match the start of a word, which the same
 * indexes can still answer (a trigram needs three characters, a word start pads with blanks).
 * The barcode is matched exactly, on the (companyId, barcode) index.
 */
export function productSearchSql(q: string): Prisma.Sql {
  const e = escapeLike(q);
  if (q.length >= 3) {
    const anywhere = `%${e.toLowerCase()}%`;
    return Prisma.sql`(${productSearchText} LIKE ${anywhere} OR p."barcode" = ${q})`;
  }
  const start = `${e}%`;
  const wordStart = `% ${e}%`;
  return Prisma.sql`(p."name" ILIKE ${start} OR p."name" ILIKE ${wordStart} OR p."sku" ILIKE ${start} OR p."brand" ILIKE ${start} OR p."brand" ILIKE ${wordStart} OR p."barcode" = ${q})`;
}

function baseConditions(f: ListFilter, withActive: boolean): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`p."companyId" = ${f.companyId}`];
  if (f.q) where.push(productSearchSql(f.q));
  if (f.categoryIds === "none") where.push(Prisma.sql`p."categoryId" IS NULL`);
  else if (f.categoryIds) where.push(Prisma.sql`p."categoryId" = ANY(${f.categoryIds}::text[])`);
  if (withActive && f.active !== "all") where.push(Prisma.sql`p."active" = ${f.active === "active"}`);
  return where;
}

const and = (parts: Prisma.Sql[]) => (parts.length ? Prisma.join(parts, " AND ") : Prisma.sql`TRUE`);

const columns = Prisma.raw(
  `p.id, p.sku, p.name, p.brand, p."categoryId", p."hsnCode", p."gstRate", p.unit, p."packUnit", p."packSize", p.mrp, p."basePrice", p.active, p."reorderLevel", p."updatedAt", p."createdAt", p."stockOnHand", p."stockReserved"`,
);

/**
 * One page of rows. `limit` is usually pageSize + 1, so the caller learns whether a next page exists.
 *
 * With a search of two or more characters (or a category) the matches are collected first (the
 * trigram bitmaps find them in a few ms; OFFSET 0 keeps the planner from flattening the subquery)
 * and only then sorted. Otherwise the planner may walk the name index in order testing every
 * product, and a search whose matches sort late ("Tata …") reads most of the catalog. A category
 * (with its sub-categories) is fenced for the same reason: a department's products often share a
 * brand and so sort together, which makes an index walk read far past them.
 */
export function listProductsPageSql(f: ListFilter): Prisma.Sql {
  const dir = Prisma.raw(f.dir === "desc" ? "DESC" : "ASC");
  const order = Prisma.sql`${sortColumn[f.sort]} ${dir}, p.id ${dir}`;
  const base = baseConditions(f, true);
  if (f.stock) base.push(stockConditionSql(f.stock));
  const fenced = (!!f.q && f.q.length >= 2) || (Array.isArray(f.categoryIds) && f.categoryIds.length > 0);
  const source = fenced ? Prisma.sql`(SELECT ${columns} FROM "Product" p WHERE ${and(base)} OFFSET 0) p` : Prisma.sql`"Product" p`;
  return Prisma.sql`
    SELECT p.*, ${availableSql} AS available, c.name AS "categoryName"
    FROM (
      SELECT ${columns}
      FROM ${source}
      ${fenced ? Prisma.empty : Prisma.sql`WHERE ${and(base)}`}
      ORDER BY ${order}
      LIMIT ${f.limit} OFFSET ${f.offset}
    ) p
    LEFT JOIN "Category" c ON c.id = p."categoryId" AND c."companyId" = ${f.companyId}
    ORDER BY ${order}`;
}

/**
 * Active and inactive counts under the search and category filters: the total and the tab counts
 * in one pass. Not used with a stock filter: those lists page by "has more".
 */
export function listProductsCountSql(f: ListFilter): Prisma.Sql {
  return Prisma.sql`SELECT COUNT(*) FILTER (WHERE p.active) AS active, COUNT(*) FILTER (WHERE NOT p.active) AS inactive
    FROM "Product" p WHERE ${and(baseConditions(f, false))}`;
}

/** A category and all categories below it (the list shows a department's aisles too). */
export function categoryWithDescendantsSql(companyId: string, categoryId: string): Prisma.Sql {
  return Prisma.sql`
    WITH RECURSIVE t AS (
      SELECT id FROM "Category" WHERE id = ${categoryId} AND "companyId" = ${companyId}
      UNION ALL
      SELECT c.id FROM "Category" c JOIN t ON c."parentId" = t.id WHERE c."companyId" = ${companyId}
    )
    SELECT id FROM t`;
}
