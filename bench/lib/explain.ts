// EXPLAIN (ANALYZE, BUFFERS) of the statements listProducts runs for an input, built with the
// catalog's own SQL builders (lib/catalog/list-products-sql.ts) and run on the app's own client
// (same session settings), so the plan printed is the plan that was timed.
import { categoryWithDescendantsSql, listProductsCountSql, listProductsPageSql, type ListFilter } from "../../lib/catalog/list-products-sql";
import type { PrismaClient } from "../../lib/db/client";
import type { Prisma } from "../../lib/generated/prisma/client";

type Input = { q?: string; categoryId?: string; stock?: ListFilter["stock"]; sort?: ListFilter["sort"]; dir?: ListFilter["dir"]; offset?: number; pageSize: number };
export type ExplainedQuery = { input: Input; ms: number; page: string; count: string | null; text: string };

/** Mirrors listProducts' filter (one row more than a page; counts only without a stock filter). */
export async function explainListProducts(db: PrismaClient, companyId: string, input: Input): Promise<ExplainedQuery> {
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
  const ms = executionMs(page) + (count ? executionMs(count) : 0);
  return { input, ms, page, count, text: `-- page (${JSON.stringify(input)})\n${page}${count ? `\n-- count\n${count}` : ""}` };
}

/** The slowest of several inputs (e.g. each search word of a scenario), with all their times. */
export async function explainSlowest(db: PrismaClient, companyId: string, inputs: Input[]) {
  const seen = new Set<string>();
  const all: ExplainedQuery[] = [];
  for (const input of inputs) {
    const key = JSON.stringify(input);
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(await explainListProducts(db, companyId, input));
  }
  const slowest = all.reduce((a, b) => (b.ms > a.ms ? b : a));
  return { slowest: slowest.text, executionMsByInput: all.map((e) => ({ input: e.input, ms: Math.round(e.ms * 10) / 10 })) };
}

async function explain(db: PrismaClient, sql: Prisma.Sql) {
  const rows = await db.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, ...sql.values);
  return rows.map((r) => r["QUERY PLAN"]).join("\n");
}

function executionMs(plan: string) {
  const m = /Execution Time: ([\d.]+) ms/.exec(plan);
  return m ? Number(m[1]) : 0;
}
