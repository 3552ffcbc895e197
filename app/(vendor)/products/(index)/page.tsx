import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { PlusIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { PRODUCT_SORT_KEYS, STOCK_STATUSES, type ProductSortKey, type StockStatus } from "@/lib/catalog/catalog.schemas";
import { flattenCategoryTree, listCategoryTree } from "@/lib/catalog/list-category-tree";
import { listProducts } from "@/lib/catalog/list-products";
import { makeCtx } from "@/lib/ctx";
import { ProductsTable, type ProductQuery } from "../products-table";

export const metadata: Metadata = { title: "Products" };

type SP = Record<string, string | string[] | undefined>;
const PAGE_SIZE = 25;

export default async function ProductsPage({ searchParams }: { searchParams: Promise<SP> }) {
  const actor = await requireStaff();
  if (!can(actor, "catalog.read")) redirect("/dashboard");
  const query = parseQuery(await searchParams);
  const ctx = makeCtx(actor);
  const [data, tree] = await Promise.all([
    listProducts(ctx, {
      q: query.q || undefined,
      categoryId: query.category || undefined,
      active: query.active,
      stock: query.stock || undefined,
      sort: query.sort,
      dir: query.dir,
      offset: (query.page - 1) * PAGE_SIZE,
      pageSize: PAGE_SIZE,
    }),
    // Names only: the filter does not need counts, and counting passes over every product.
    listCategoryTree(ctx, { counts: false }),
  ]);
  const categories = flattenCategoryTree(tree).map((c) => ({ id: c.id, name: c.name, depth: c.depth }));
  const canWrite = can(actor, "catalog.write");
  return (
    <>
      <PageHeader
        title="Products"
        description="Your catalog: what you sell, its tax details and prices, and how much is free to sell right now."
        actions={
          <>
            <Link href="/products/categories" className={buttonClasses({ variant: "secondary" })}>
              Categories
            </Link>
            {canWrite && (
              <>
                <Link href="/products/import" className={buttonClasses({ variant: "secondary" })}>
                  Import
                </Link>
                <Link href="/products/new" className={buttonClasses()}>
                  <PlusIcon className="size-4" />
                  Add product
                </Link>
              </>
            )}
          </>
        }
      />
      <ProductsTable data={data} query={query} categories={categories} canWrite={canWrite} />
    </>
  );
}

function one(v: string | string[] | undefined) {
  return Array.isArray(v) ? v[0] : v;
}

/** Unknown values in the URL fall back to defaults rather than failing the page. */
function parseQuery(sp: SP): ProductQuery {
  const active = one(sp.active);
  const stock = one(sp.stock);
  const sort = one(sp.sort);
  const page = Number.parseInt(one(sp.page) ?? "1", 10);
  return {
    q: (one(sp.q) ?? "").trim().slice(0, 100),
    category: (one(sp.category) ?? "").slice(0, 64),
    active: active === "active" || active === "inactive" ? active : "all",
    stock: stock && (STOCK_STATUSES as readonly string[]).includes(stock) ? (stock as StockStatus) : "",
    sort: sort && (PRODUCT_SORT_KEYS as readonly string[]).includes(sort) ? (sort as ProductSortKey) : "name",
    dir: one(sp.dir) === "desc" ? "desc" : "asc",
    page: Number.isFinite(page) && page > 0 && page <= 100_000 ? page : 1,
  };
}
