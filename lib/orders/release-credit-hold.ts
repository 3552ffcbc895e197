import "server-only";
// A manager allows an order held over the credit limit to go ahead (it can then be confirmed).
import type { Ctx } from "@/lib/ctx";
import { releaseHoldInput } from "@/lib/orders/orders.schemas";
import { transitionOrder } from "@/lib/orders/transition-order";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

export async function releaseCreditHold(ctx: Ctx, orderId: string, input: unknown = {}): Promise<OrderView> {
  const data = parseInput(releaseHoldInput, input ?? {});
  return transitionOrder(ctx, orderId, {
    action: "release_hold",
    event: "released",
    work: async (_tx, order) => ({ patch: { creditHold: false, holdReason: null }, note: data.note, data: { holdReason: order.holdReason } }),
  });
}
