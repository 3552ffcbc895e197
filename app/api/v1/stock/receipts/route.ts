// GET /api/v1/stock/receipts — goods receipts, newest first; POST — receive stock (GRN)
import { createGoodsReceipt, listGoodsReceipts } from "@/lib/inventory/goods-receipts";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  const result = await listGoodsReceipts(ctx, { q: s.get("q") ?? undefined, warehouseId: s.get("warehouseId") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createGoodsReceipt(ctx, body ?? {})));
