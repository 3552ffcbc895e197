import "server-only";
// The vendor accepts a placed order (not while it is on credit hold).
import type { Ctx } from "@/lib/ctx";
import { confirmOrderInput } from "@/lib/orders/orders.schemas";
import { stampOrder } from "@/lib/orders/stamp-order";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

export async function confirmOrder(ctx: Ctx, orderId: string, input: unknown = {}): Promise<OrderView> {
  const data = parseInput(confirmOrderInput, input ?? {});
  return stampOrder(ctx, orderId, { action: "confirm", event: "confirmed", stamp: "confirmedAt", note: data.note });
}
