import "server-only";
// Adds a quantity of a product to the acting retailer's cart with a vendor (on top of what is there).
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { buildCartView, getCartConnectionOrThrow, loadCart, type CartView } from "@/lib/orders/cart-view";
import { writeCartLine } from "@/lib/orders/cart-write";
import { cartItemInput } from "@/lib/orders/orders.schemas";
import { parseInput } from "@/lib/validation";

export async function addToCart(ctx: Ctx, input: unknown): Promise<CartView> {
  const data = parseInput(cartItemInput, input);
  const connection = await getCartConnectionOrThrow(ctx, data.vendorCode, { forOrdering: true });
  await writeCartLine(ctx, connection, { productId: data.productId, quantity: new Prisma.Decimal(data.quantity), mode: "add" });
  return buildCartView(ctx, connection, await loadCart(ctx, connection));
}
