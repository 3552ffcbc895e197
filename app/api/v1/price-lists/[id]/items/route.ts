// GET /api/v1/price-lists/{id}/items — priced products with their slabs; PUT — replace one product's slabs; POST — add or change one price row
import { page, parsePageParams } from "@/lib/http/pagination";
import { apiRoute, created } from "@/lib/http/route";
import { listPriceListItems, setItemPrices, upsertPriceListItem } from "@/lib/pricing/price-list-items";

export const GET = apiRoute(async ({ ctx, url, params }) => {
  const p = parsePageParams(url);
  const result = await listPriceListItems(ctx, { priceListId: params.id, q: url.searchParams.get("q") ?? undefined, offset: p.offset, pageSize: p.limit });
  return page(result.items, p, result.total);
});

export const PUT = apiRoute(({ ctx, params, body }) => setItemPrices(ctx, params.id, body ?? {}));

export const POST = apiRoute(async ({ ctx, params, body }) => {
  const isNew = !(body && typeof body === "object" && "id" in body);
  const item = await upsertPriceListItem(ctx, params.id, body ?? {});
  return isNew ? created(item) : item;
});
