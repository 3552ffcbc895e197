// GET /api/v1/products — the catalog with search, filters, sort and cursor pages; POST — add a product
import { createProduct } from "@/lib/catalog/create-product";
import { listProducts } from "@/lib/catalog/list-products";
import { encodeCursor, page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  const get = (k: string) => s.get(k) ?? undefined;
  const result = await listProducts(ctx, {
    q: get("q"),
    categoryId: get("categoryId"),
    includeSubcategories: get("includeSubcategories"),
    active: get("active"),
    stock: get("stock"),
    sort: get("sort"),
    dir: get("dir"),
    offset: p.offset,
    pageSize: p.limit,
  });
  if (result.total !== null) return page(result.items, p, result.total);
  // Stock-filtered lists are not counted (see listProducts); the next page exists when one more row did.
  return { data: result.items, nextCursor: result.hasMore ? encodeCursor({ o: p.offset + result.items.length }) : null, total: null };
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createProduct(ctx, body ?? {})));
