import "server-only";
// The proof-of-delivery photo of an order, for whoever may see the order.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { orderScope } from "@/lib/orders/order-access";

export async function getOrderDeliveryPhoto(ctx: Ctx, orderId: string): Promise<{ contentType: string; data: Uint8Array } | null> {
  if (ctx.actor.kind === "staff") assertCan(ctx.actor, "orders.read");
  const o = await ctx.db.order.findFirst({ where: { id: orderId, ...orderScope(ctx.actor) }, select: { deliveryPhoto: true, deliveryPhotoType: true } });
  if (!o) throw notFound("Order");
  if (!o.deliveryPhoto || !o.deliveryPhotoType) return null;
  return { contentType: o.deliveryPhotoType, data: new Uint8Array(o.deliveryPhoto) };
}
