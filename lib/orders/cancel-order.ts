import "server-only";
// Cancelling before dispatch: the reservation is released in the same transaction (drafts have
// none). Retailers may cancel only until the vendor confirms (state-machine.ts).
import type { Ctx } from "@/lib/ctx";
import { releaseReservation } from "@/lib/inventory/reservations";
import { cancelOrderInput } from "@/lib/orders/orders.schemas";
import { transitionOrder } from "@/lib/orders/transition-order";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

export async function cancelOrder(ctx: Ctx, orderId: string, input: unknown): Promise<OrderView> {
  const data = parseInput(cancelOrderInput, input);
  return transitionOrder(ctx, orderId, {
    action: "cancel",
    event: "cancelled",
    work: async (tx, order) => {
      const reservation = await tx.stockReservation.findUnique({ where: { companyId_refType_refId: { companyId: order.companyId, refType: "Order", refId: order.id } }, select: { status: true } });
      if (reservation?.status === "ACTIVE") await releaseReservation(tx, { companyId: order.companyId, refType: "Order", refId: order.id, userId: ctx.actor.userId, at: ctx.now(), reason: `Order ${order.number} cancelled` });
      return { patch: { cancelledAt: ctx.now(), cancelReason: data.reason, creditHold: false }, note: data.reason };
    },
  });
}
