import "server-only";
// Empties the acting retailer's cart with a vendor.
import type { Ctx } from "@/lib/ctx";
import { getCartConnectionOrThrow } from "@/lib/orders/cart-view";
import { deleteCartLines } from "@/lib/orders/cart-write";

export async function clearCart(ctx: Ctx, vendorCode: string): Promise<void> {
  const connection = await getCartConnectionOrThrow(ctx, String(vendorCode), { forOrdering: false });
  await deleteCartLines(ctx, connection);
}
