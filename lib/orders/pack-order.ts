import "server-only";
// The warehouse has picked and packed a confirmed order (the pick list is get-pick-list.ts).
import type { Ctx } from "@/lib/ctx";
import { packOrderInput } from "@/lib/orders/orders.schemas";
import { stampOrder } from "@/lib/orders/stamp-order";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

export async function packOrder(ctx: Ctx, orderId: string, input: unknown = {}): Promise<OrderView> {
  const data = parseInput(packOrderInput, input ?? {});
  return stampOrder(ctx, orderId, { action: "pack", event: "packed", stamp: "packedAt", note: data.note });
}
