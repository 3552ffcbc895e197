import "server-only";
// One-tap reorder: the past order's lines at today's prices (previewReorder decides what is still
// orderable) go into the cart with that vendor; lines that cannot be ordered now are reported back,
// not added. A product already in the cart keeps the larger of the two quantities, so tapping
// "Reorder" twice does not double the order.
import type { Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { assertRetailer } from "@/lib/network/guards";
import { getCartConnectionOrThrow, MAX_CART_LINES } from "@/lib/orders/cart-view";
import { AppError } from "@/lib/errors";
import { previewReorder } from "@/lib/orders/preview-reorder";

type PreviewLine = Awaited<ReturnType<typeof previewReorder>>["lines"][number];

export async function reorderToCart(ctx: Ctx, orderId: string) {
  assertRetailer(ctx.actor);
  const preview = await previewReorder(ctx, String(orderId));
  const connection = await getCartConnectionOrThrow(ctx, preview.vendorCode, { forOrdering: true });
  const { companyId, retailerId } = connection;
  const takeable = preview.lines.filter((l) => (l.status === "ok" || l.status === "price_changed") && new Prisma.Decimal(l.quantity).gt(0));
  const flagged = preview.lines.filter((l) => !takeable.includes(l));

  const added: (ReturnType<typeof summary> & { cartQuantity: string })[] = [];
  await ctx.db.$transaction(async (tx) => {
    const cart = await tx.cart.upsert({ where: { retailerId_companyId: { retailerId, companyId } }, create: { retailerId, companyId }, update: { updatedAt: ctx.now() }, select: { id: true } });
    const existing = new Map((await tx.cartItem.findMany({ where: { cartId: cart.id }, select: { productId: true, quantity: true } })).map((i) => [i.productId, i.quantity]));
    const newLines = takeable.filter((l) => !existing.has(l.productId)).length;
    if (existing.size + newLines > MAX_CART_LINES) throw new AppError("conflict", `Your cart would hold more than ${MAX_CART_LINES} products; place or empty the cart first`);
    for (const l of takeable) {
      const want = new Prisma.Decimal(l.quantity);
      const have = existing.get(l.productId);
      const quantity = have && have.gt(want) ? have : want;
      await tx.cartItem.upsert({
        where: { cartId_productId: { cartId: cart.id, productId: l.productId } },
        create: { cartId: cart.id, productId: l.productId, quantity },
        update: { quantity },
      });
      added.push({ ...summary(l), cartQuantity: quantity.toFixed(3) });
    }
  });

  return {
    sourceOrder: preview.sourceOrder,
    vendorCode: preview.vendorCode,
    /** Lines now in the cart; `status: "price_changed"` ones cost something else today. */
    added,
    /** Lines left out (inactive, out of stock, not enough stock), with the reason. */
    flagged: flagged.map(summary),
  };
}

function summary(l: PreviewLine) {
  return { productId: l.productId, sku: l.sku, name: l.name, unit: l.unit, quantity: l.quantity, previousUnitPrice: l.previousUnitPrice, unitPrice: l.unitPrice, status: l.status, message: l.message };
}

export type ReorderToCartResult = Awaited<ReturnType<typeof reorderToCart>>;
