// GET /api/v1/stock/valuation — stock value at cost: totals, per warehouse, and a page of products
import { stockValuation } from "@/lib/inventory/valuation";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const result = await stockValuation(ctx, { warehouseId: url.searchParams.get("warehouseId") ?? undefined, offset: p.offset, pageSize: p.limit });
  return { totals: result.totals, warehouses: result.warehouses, ...page(result.items, p, result.total) };
});
