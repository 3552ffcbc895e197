// GET /api/v1/stock/counts — stock counts (?status=DRAFT|POSTED|CANCELLED); POST — start a count sheet for a warehouse
import { createStockCount, listStockCounts } from "@/lib/inventory/stock-counts";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  const result = await listStockCounts(ctx, { q: s.get("q") ?? undefined, warehouseId: s.get("warehouseId") ?? undefined, status: s.get("status") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createStockCount(ctx, body ?? {})));
