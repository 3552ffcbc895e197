// POST /api/v1/cart/{vendorCode}/items — add a quantity of a product (on top of what the cart holds)
import { apiRoute } from "@/lib/http/route";
import { addToCart } from "@/lib/orders/add-to-cart";
import { addCartItemBody } from "@/lib/orders/cart.schemas";
import { parseInput } from "@/lib/validation";

export const POST = apiRoute(async ({ ctx, params, body }) => {
  const data = parseInput(addCartItemBody, body);
  return addToCart(ctx, { ...data, vendorCode: params.vendorCode });
});
