import "server-only";
// The one write path of cart lines (set and add): the product must be one the vendor sells now,
// the quantity one its unit allows (whole pieces, up to 3 decimals of kg), the cart row is created
// on first use, and a cart holds at most as many lines as an order may.
import { assertQuantitiesFitUnits } from "@/lib/catalog/units";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { MAX_CART_LINES, type CartConnection } from "@/lib/orders/cart-view";

/** A cart line's quantity fits numeric(14,3) with room to spare; nobody orders a billion units. */
const MAX_QUANTITY = new Prisma.Decimal("1000000000");

export async function writeCartLine(ctx: Ctx, connection: CartConnection, args: { productId: string; quantity: Prisma.Decimal; mode: "set" | "add" }) {
  const { companyId, retailerId } = connection;
  await ctx.db.$transaction(async (tx) => {
    const product = await tx.product.findFirst({ where: { id: args.productId, companyId }, select: { active: true, name: true, unit: true } });
    if (!product) throw new AppError("not_found", "Product not found");
    if (!product.active) throw new AppError("validation", `${product.name} is no longer sold by this vendor`, { fieldErrors: { productId: ["This product is no longer sold"] } });
    assertQuantitiesFitUnits([{ field: "quantity", quantity: args.quantity, unit: product.unit }]);

    const cart = await tx.cart.upsert({
      where: { retailerId_companyId: { retailerId, companyId } },
      create: { retailerId, companyId },
      update: { updatedAt: ctx.now() },
      select: { id: true },
    });
    const existing = await tx.cartItem.findUnique({ where: { cartId_productId: { cartId: cart.id, productId: args.productId } }, select: { id: true } });
    if (!existing && (await tx.cartItem.count({ where: { cartId: cart.id } })) >= MAX_CART_LINES) {
      throw new AppError("validation", `A cart can hold at most ${MAX_CART_LINES} products; place this order first`, { fieldErrors: { productId: [`At most ${MAX_CART_LINES} products per cart`] } });
    }
    const item = await tx.cartItem.upsert({
      where: { cartId_productId: { cartId: cart.id, productId: args.productId } },
      create: { cartId: cart.id, productId: args.productId, quantity: args.quantity },
      update: { quantity: args.mode === "add" ? { increment: args.quantity } : args.quantity },
      select: { quantity: true },
    });
    if (item.quantity.gt(MAX_QUANTITY)) throw new AppError("validation", "That quantity is too large", { fieldErrors: { quantity: ["That quantity is too large"] } });
  });
}

/** Deletes lines of the retailer's cart with this vendor (all of them, or those of `productIds`). */
export async function deleteCartLines(ctx: Ctx, connection: CartConnection, productIds?: string[]) {
  await ctx.db.cartItem.deleteMany({
    where: { cart: { retailerId: connection.retailerId, companyId: connection.companyId }, ...(productIds ? { productId: { in: productIds } } : {}) },
  });
}
