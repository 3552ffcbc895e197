import "server-only";
// Turns the acting retailer's cart with a vendor into an order. placeOrder owns every rule (prices,
// GST, stock, credit); the ordered lines leave the cart inside the order's own transaction, so a
// refused order (short stock, credit limit, a line below its minimum) leaves the cart exactly as it
// was, and a second submit of the same cart (a double tap, two tabs) finds the lines gone and
// places nothing: both transactions lock the same connection row, so the second waits for the first.
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { getCartConnectionOrThrow, loadCart, vendorName } from "@/lib/orders/cart-view";
import { checkoutInput } from "@/lib/orders/orders.schemas";
import { placeOrder } from "@/lib/orders/place-order";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

export async function checkout(ctx: Ctx, input: unknown, opts: { source?: "PORTAL" | "API" } = {}): Promise<OrderView> {
  const data = parseInput(checkoutInput, input);
  const connection = await getCartConnectionOrThrow(ctx, data.vendorCode, { forOrdering: true });
  const cart = await loadCart(ctx, connection);
  if (!cart || cart.items.length === 0) throw new AppError("conflict", `Your cart with ${vendorName(connection)} is empty`);
  const lines = cart.items.map((i) => ({ productId: i.productId, quantity: i.quantity.toString() }));

  try {
    return await placeOrder(
      ctx,
      { vendorCode: data.vendorCode, lines, shippingAddress: data.shippingAddress, buyerReference: data.buyerReference ?? undefined, notes: data.notes ?? undefined },
      {
        source: opts.source ?? "PORTAL",
        // Only what was ordered leaves the cart: a line changed in another tab meanwhile stays.
        inTransaction: async (tx) => {
          const taken = await tx.cartItem.deleteMany({ where: { cartId: cart.id, OR: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })) } });
          if (taken.count === 0) throw new AppError("conflict", `This cart with ${vendorName(connection)} was already ordered; see your orders`);
        },
      },
    );
  } catch (err) {
    throw namedLineErrors(err, cart.items.map((i) => i.product.name));
  }
}

/** The order speaks of `lines.N.quantity`; a cart has no line numbers, so name the products in the message. */
function namedLineErrors(err: unknown, names: string[]): unknown {
  if (!(err instanceof AppError) || !err.fieldErrors) return err;
  const about: string[] = [];
  for (const [key, messages] of Object.entries(err.fieldErrors)) {
    const m = /^lines\.(\d+)\b/.exec(key);
    if (m && names[Number(m[1])] && messages[0]) about.push(`${names[Number(m[1])]}: ${messages[0]}`);
  }
  if (about.length === 0) return err;
  return new AppError(err.code, `${err.message}. ${about.join("; ")}`, { fieldErrors: err.fieldErrors, details: err.details });
}
