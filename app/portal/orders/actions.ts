"use server";
// Doors for the retailer's orders: cancel while allowed, and one-tap reorder into the cart.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { reorderToCart } from "@/lib/orders/reorder-to-cart";

export async function cancelOrderAction(orderId: string, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction(async (ctx) => {
    await cancelOrder(ctx, String(orderId), input);
    return null;
  });
  if (res.ok) {
    revalidatePath(`/portal/orders/${orderId}`);
    revalidatePath("/portal/orders");
  }
  return res;
}

/** Puts the order's still-orderable lines in the cart and opens the cart with a note on what was left out. */
export async function reorderAction(orderId: string): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => reorderToCart(ctx, String(orderId)));
  if (!res.ok) return res;
  revalidatePath("/portal/cart");
  redirect(`/portal/cart?reordered=${encodeURIComponent(res.data.sourceOrder.id)}#cart-${res.data.vendorCode}`);
}
