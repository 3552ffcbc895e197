// GET /api/v1/cart/{vendorCode} — one vendor's cart, priced for today with GST and problems per line; DELETE — empty it
import { apiRoute, noContent } from "@/lib/http/route";
import { clearCart } from "@/lib/orders/clear-cart";
import { getCart } from "@/lib/orders/get-cart";

export const GET = apiRoute(async ({ ctx, params }) => getCart(ctx, params.vendorCode));

export const DELETE = apiRoute(async ({ ctx, params }) => {
  await clearCart(ctx, params.vendorCode);
  return noContent();
});
