import "server-only";
// One order with its lines and timeline: vendor staff see their company's orders, a retailer its
// own business's; any other order is not_found.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { loadOrderView } from "@/lib/orders/order-access";
import type { OrderView } from "@/lib/orders/views";

export async function getOrderOrThrow(ctx: Ctx, orderId: string): Promise<OrderView> {
  if (ctx.actor.kind === "staff") assertCan(ctx.actor, "orders.read");
  if (typeof orderId !== "string" || !orderId || orderId.length > 64) throw notFound("Order");
  return loadOrderView(ctx.db, ctx.actor, orderId);
}
