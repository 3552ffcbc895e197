import "server-only";
// One vendor's cart of the acting retailer, priced for today (see cart-view.ts for the rules).
import type { Ctx } from "@/lib/ctx";
import { buildCartView, getCartConnectionOrThrow, loadCart, type CartView } from "@/lib/orders/cart-view";

export async function getCart(ctx: Ctx, vendorCode: string): Promise<CartView> {
  const connection = await getCartConnectionOrThrow(ctx, vendorCode, { forOrdering: false });
  return buildCartView(ctx, connection, await loadCart(ctx, connection));
}

/** productId → quantity in the cart, for the catalog's "in cart" marks (no pricing). */
export async function getCartQuantities(ctx: Ctx, vendorCode: string): Promise<Map<string, string>> {
  const connection = await getCartConnectionOrThrow(ctx, vendorCode, { forOrdering: false });
  const items = await ctx.db.cartItem.findMany({
    where: { cart: { retailerId: connection.retailerId, companyId: connection.companyId } },
    select: { productId: true, quantity: true },
  });
  return new Map(items.map((i) => [i.productId, i.quantity.toFixed(3)]));
}
