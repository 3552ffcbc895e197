// GET /api/v1/price-lists/{id} — one price list; PATCH — rename, describe, (de)activate; DELETE — remove it and its prices
import { apiRoute, noContent } from "@/lib/http/route";
import { deletePriceList, getPriceListOrThrow, updatePriceList } from "@/lib/pricing/price-lists";

export const GET = apiRoute(({ ctx, params }) => getPriceListOrThrow(ctx, params.id));

export const PATCH = apiRoute(({ ctx, params, body }) => updatePriceList(ctx, params.id, body ?? {}));

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deletePriceList(ctx, params.id);
  return noContent();
});
