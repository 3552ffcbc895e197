import "server-only";
// One timeline entry of an order (who, what, when), and for the events people are told about
// (placed, confirmed, dispatched, delivered, cancelled) the notification job, in the same
// transaction as the change.
import type { Ctx } from "@/lib/ctx";
import type { Prisma as P } from "@/lib/generated/prisma/client";
type Tx = P.TransactionClient;
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { publishOrderEvent } from "@/lib/notifications/publish-order-event";

export type OrderEventKind = "draft_saved" | "placed" | "edited" | "held" | "released" | "confirmed" | "packed" | "dispatched" | "delivered" | "cancelled" | "returned" | "invoiced" | "invoice_cancelled";

/** The events people are told about: each becomes an order-notify job. */
export const notified: ReadonlySet<OrderEventKind> = new Set(["placed", "confirmed", "dispatched", "delivered", "cancelled"]);

export async function recordOrderEvent(
  ctx: Ctx,
  tx: Tx,
  e: { orderId: string; companyId: string; kind: OrderEventKind; fromStatus?: OrderStatus | null; toStatus?: OrderStatus | null; note?: string | null; data?: Prisma.InputJsonValue },
) {
  const event = await tx.orderEvent.create({
    data: {
      orderId: e.orderId,
      companyId: e.companyId,
      kind: e.kind,
      fromStatus: e.fromStatus ?? null,
      toStatus: e.toStatus ?? null,
      actorUserId: ctx.actor.userId,
      actorName: ctx.actor.name,
      note: e.note ?? null,
      data: e.data,
      createdAt: ctx.now(),
    },
    select: { id: true },
  });
  if (notified.has(e.kind)) await publishOrderEvent(tx, event.id);
  return event;
}
