"use server";
// Doors for the retailer's carts and checkout. Rules live in lib/orders (cart-*.ts, checkout.ts).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action";
import { addToCart } from "@/lib/orders/add-to-cart";
import { checkout } from "@/lib/orders/checkout";
import { clearCart } from "@/lib/orders/clear-cart";
import { removeCartItem } from "@/lib/orders/remove-cart-item";
import { setCartItem } from "@/lib/orders/set-cart-item";

type CartChange = { productId: string; cartQuantity: string | null; lineCount: number };

function changed(productId: string, cart: { lines: { productId: string; quantity: string }[] }): CartChange {
  return { productId, cartQuantity: cart.lines.find((l) => l.productId === productId)?.quantity ?? null, lineCount: cart.lines.length };
}

function refresh() {
  revalidatePath("/portal/cart");
  revalidatePath("/portal/catalog");
}

export async function addToCartAction(input: { vendorCode: string; productId: string; quantity: string }): Promise<ActionResult<CartChange>> {
  const res = await runAction(async (ctx) => changed(String(input?.productId), await addToCart(ctx, input)));
  if (res.ok) refresh();
  return res;
}

export async function setCartItemAction(input: { vendorCode: string; productId: string; quantity: string }): Promise<ActionResult<CartChange>> {
  const res = await runAction(async (ctx) => changed(String(input?.productId), await setCartItem(ctx, input)));
  if (res.ok) refresh();
  return res;
}

export async function removeCartItemAction(vendorCode: string, productId: string): Promise<ActionResult<CartChange>> {
  const res = await runAction(async (ctx) => changed(String(productId), await removeCartItem(ctx, vendorCode, productId)));
  if (res.ok) refresh();
  return res;
}

export async function clearCartAction(vendorCode: string): Promise<ActionResult<null>> {
  const res = await runAction(async (ctx) => {
    await clearCart(ctx, vendorCode);
    return null;
  });
  if (res.ok) refresh();
  return res;
}

/** Places the order; on success the browser goes to the new order, otherwise the form shows why. */
export async function checkoutAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => checkout(ctx, input, { source: "PORTAL" }));
  if (!res.ok) return res;
  refresh();
  revalidatePath("/portal/orders");
  redirect(`/portal/orders/${res.data.id}?placed=1`);
}
