import "server-only";
// The warehouse has picked and packed a confirmed order (the pick list is get-pick-list.ts).
import type { Ctx } from "@/lib/ctx";
import { packOrderInput } from "@/lib/orders/orders.schemas";
import { transitionOrder } from "@/lib/orders/transition-order";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

export async function packOrder(ctx: Ctx, orderId: string, input: unknown = {}): Promise<OrderView> {
  const data = parseInput(packOrderInput, input ?? {});
  return transitionOrder(ctx, orderId, { action: "pack", event: "packed", work: async () => ({ patch: { packedAt: ctx.now() }, note: data.note }) });
}
