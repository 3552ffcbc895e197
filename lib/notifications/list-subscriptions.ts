import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { orderEvents, type OrderEventName } from "@/lib/notifications/order-events";

export type SubscriptionView = { event: OrderEventName; label: string; description: string; email: boolean };

/** The acting staff member's email subscriptions, one per order event (off until they switch it on). */
export async function listSubscriptions(ctx: Ctx): Promise<SubscriptionView[]> {
  assertCan(ctx.actor, "orders.read");
  const rows = await ctx.db.notificationSubscription.findMany({ where: { companyId: ctx.actor.companyId, userId: ctx.actor.userId }, select: { event: true, email: true } });
  const on = new Map(rows.map((r) => [r.event, r.email]));
  return orderEvents.map((e) => ({ event: e.event, label: e.label, description: e.description, email: on.get(e.event) ?? false }));
}
