import "server-only";
// Sets a line of the acting retailer's cart with a vendor to a quantity; zero removes the line.
// Minimum order and whole packs are not refused here: the cart shows them as problems to fix.
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { cartQuantityInput } from "@/lib/orders/cart.schemas";
import { buildCartView, getCartConnectionOrThrow, loadCart, type CartView } from "@/lib/orders/cart-view";
import { deleteCartLines, writeCartLine } from "@/lib/orders/cart-write";
import { setCartItemInput } from "@/lib/orders/orders.schemas";
import { parseInput } from "@/lib/validation";

export async function setCartItem(ctx: Ctx, input: unknown): Promise<CartView> {
  const data = parseInput(setCartItemInput, input);
  const { quantity } = parseInput(cartQuantityInput, { quantity: data.quantity });
  const qty = new Prisma.Decimal(quantity);
  const connection = await getCartConnectionOrThrow(ctx, data.vendorCode, { forOrdering: !qty.isZero() });
  if (qty.isZero()) await deleteCartLines(ctx, connection, [data.productId]);
  else await writeCartLine(ctx, connection, { productId: data.productId, quantity: qty, mode: "set" });
  return buildCartView(ctx, connection, await loadCart(ctx, connection));
}
