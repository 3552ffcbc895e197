import "server-only";
// Takes a product out of the acting retailer's cart with a vendor (nothing to do when it is not there).
import type { Ctx } from "@/lib/ctx";
import { buildCartView, getCartConnectionOrThrow, loadCart, type CartView } from "@/lib/orders/cart-view";
import { deleteCartLines } from "@/lib/orders/cart-write";

export async function removeCartItem(ctx: Ctx, vendorCode: string, productId: string): Promise<CartView> {
  const connection = await getCartConnectionOrThrow(ctx, String(vendorCode), { forOrdering: false });
  await deleteCartLines(ctx, connection, [String(productId)]);
  return buildCartView(ctx, connection, await loadCart(ctx, connection));
}
