import "server-only";
// One timeline entry of an order (who, what, when), and for the events people are told about
// (placed, confirmed, dispatched, delivered, cancelled) the notification job, in the same
// transaction as the change.
import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
import { rowId } from "@/lib/db/row-id";
import { sqlTxOf, type SqlTx } from "@/lib/db/sql-tx";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { enqueueJobOn } from "@/lib/jobs/enqueue";

export type OrderEventKind = "draft_saved" | "placed" | "edited" | "held" | "released" | "confirmed" | "packed" | "dispatched" | "delivered" | "cancelled" | "returned" | "invoiced" | "invoice_cancelled";

/** The events people are told about: each becomes an order-notify job. */
export const notified: ReadonlySet<OrderEventKind> = new Set(["placed", "confirmed", "dispatched", "delivered", "cancelled"]);

type OrderEventInput = { orderId: string; companyId: string; kind: OrderEventKind; fromStatus?: OrderStatus | null; toStatus?: OrderStatus | null; note?: string | null; data?: Prisma.InputJsonValue };

export async function recordOrderEvent(ctx: Ctx, tx: Tx, e: OrderEventInput) {
  return recordOrderEventIn(ctx, sqlTxOf(tx), e);
}

/** The same in a transaction of SQL statements (lib/db/sql-tx.ts). */
export async function recordOrderEventIn(ctx: Ctx, t: SqlTx, e: OrderEventInput): Promise<{ id: string }> {
  const id = rowId();
  await t.run.query(insertEventSql, [
    id,
    e.orderId,
    e.companyId,
    e.kind,
    e.fromStatus ?? null,
    e.toStatus ?? null,
    ctx.actor.userId,
    ctx.actor.name,
    e.note ?? null,
    e.data === undefined ? null : JSON.stringify(e.data),
    ctx.now(),
  ]);
  if (notified.has(e.kind)) await enqueueJobOn(t.jobs, "order-notify", { eventId: id });
  return { id };
}

const insertEventSql = `
INSERT INTO "OrderEvent" (id, "orderId", "companyId", kind, "fromStatus", "toStatus", "actorUserId", "actorName", note, data, "createdAt")
VALUES ($1::text, $2::text, $3::text, $4::text, $5::"OrderStatus", $6::"OrderStatus", $7::text, $8::text, $9::text, $10::jsonb, $11::timestamptz)`;
