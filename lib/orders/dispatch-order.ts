import "server-only";
// A packed order leaves the warehouse: its reserved stock becomes dispatched (on hand and
// reserved both go down) in the same transaction as the status.
import type { Ctx } from "@/lib/ctx";
import { dispatchReservation } from "@/lib/inventory/reservations";
import { dispatchOrderInput } from "@/lib/orders/orders.schemas";
import { transitionOrder } from "@/lib/orders/transition-order";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

export async function dispatchOrder(ctx: Ctx, orderId: string, input: unknown = {}): Promise<OrderView> {
  const data = parseInput(dispatchOrderInput, input ?? {});
  return transitionOrder(ctx, orderId, {
    action: "dispatch",
    event: "dispatched",
    work: async (tx, order) => {
      await dispatchReservation(tx, { companyId: order.companyId, refType: "Order", refId: order.id, userId: ctx.actor.userId });
      return { patch: { dispatchedAt: ctx.now() }, note: data.note, data: data.vehicleNumber ? { vehicleNumber: data.vehicleNumber } : undefined };
    },
  });
}
