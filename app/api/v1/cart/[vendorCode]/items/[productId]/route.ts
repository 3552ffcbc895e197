// PUT /api/v1/cart/{vendorCode}/items/{productId} — set the quantity (0 removes); DELETE — remove the product
import { apiRoute } from "@/lib/http/route";
import { setCartItemBody } from "@/lib/orders/cart.schemas";
import { removeCartItem } from "@/lib/orders/remove-cart-item";
import { setCartItem } from "@/lib/orders/set-cart-item";
import { parseInput } from "@/lib/validation";

export const PUT = apiRoute(async ({ ctx, params, body }) => {
  const data = parseInput(setCartItemBody, body);
  return setCartItem(ctx, { vendorCode: params.vendorCode, productId: params.productId, quantity: data.quantity });
});

export const DELETE = apiRoute(async ({ ctx, params }) => removeCartItem(ctx, params.vendorCode, params.productId));
