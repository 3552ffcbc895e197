// DELETE /api/v1/price-lists/{id}/items/{itemId} — remove one price row
import { apiRoute, noContent } from "@/lib/http/route";
import { deletePriceListItem } from "@/lib/pricing/price-list-items";

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await deletePriceListItem(ctx, params.id, params.itemId);
  return noContent();
});
