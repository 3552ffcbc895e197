// GET /api/v1/stock/transfers — transfers between warehouses, newest first; POST — move stock between warehouses
import { createTransfer, listTransfers } from "@/lib/inventory/transfers";
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const p = parsePageParams(url);
  const s = url.searchParams;
  const result = await listTransfers(ctx, { q: s.get("q") ?? undefined, warehouseId: s.get("warehouseId") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});

export const POST = apiRoute(async ({ ctx, body }) => created(await createTransfer(ctx, body ?? {})));
