// EXPLAIN (ANALYZE, BUFFERS) of the statements listProducts runs for an input, built with the
// catalog's own SQL builders (lib/catalog/list-products-sql.ts) and the same session settings, so
// the plan printed is the plan that was timed.
import { categoryWithDescendantsSql, listProductsCountSql, listProductsPageSql, type ListFilter } from "../../lib/catalog/list-products-sql";
import type { PrismaClient } from "../../lib/db/client";
import type { Prisma } from "../../lib/generated/prisma/client";

type Input = { q?: string; categoryId?: string; stock?: ListFilter["stock"]; sort?: ListFilter["sort"]; dir?: ListFilter["dir"]; offset?: number; pageSize: number };

/** Mirrors listProducts' filter (one row more than a page; counts only without a stock filter). */
export async function explainListProducts(db: PrismaClient, companyId: string, input: Input) {
  const categoryIds = input.categoryId ? (await db.$queryRaw<{ id: string }[]>(categoryWithDescendantsSql(companyId, input.categoryId))).map((r) => r.id) : null;
  const filter: ListFilter = {
    companyId,
    q: input.q ?? null,
    categoryIds,
    active: "all",
    stock: input.stock ?? null,
    sort: input.sort ?? "name",
    dir: input.dir ?? "asc",
    offset: input.offset ?? 0,
    limit: input.pageSize + 1,
  };
  const page = await explain(db, listProductsPageSql(filter));
  const count = filter.stock ? null : await explain(db, listProductsCountSql(filter));
  return { input, page, count, text: `-- page\n${page}${count ? `\n-- count\n${count}` : ""}` };
}

async function explain(db: PrismaClient, sql: Prisma.Sql) {
  const [, rows] = await db.$transaction([
    db.$executeRaw`SELECT set_config('jit', 'off', true), set_config('work_mem', '32MB', true)`,
    db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, ...sql.values),
  ]);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}
