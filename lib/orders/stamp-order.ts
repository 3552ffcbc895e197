import "server-only";
// The order moves that only stamp a time on the order (confirm: confirmedAt; pack: packedAt), in as few
// statements as they need — the same rows as lib/orders/transition-order.ts writes for any move:
//
//   lock      the order row (FOR UPDATE) within the actor's reach, with its state
//   -- Node asks the state machine (invalid_transition / forbidden before anything is written) --
//   job       the order-notify job, for the events people are told about (pg-boss's own insert)
//   write     the status and the stamp, the timeline event and the audit row, and the order's view
//             (lines, events, parties) as JSON, in one statement
//
// On the app's own client the statements run on a pooled pg connection, named (parsed and planned once
// per connection); on a caller's own client, through its Prisma transaction. transitionOrder's path sent
// 16 statements for a confirmation (the lock, the order with its lines, the update, the event, the job,
// the audit row and seven for the view), each built by the ORM: bench/order-actions.ts has the figures.
import type { Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { rowId } from "@/lib/db/row-id";
import { pgTransaction, prismaRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { notFound } from "@/lib/errors";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { publishOrderEvent, publishOrderEventOnConnection } from "@/lib/notifications/publish-order-event";
import { orderScopeParams } from "@/lib/orders/order-access";
import { orderInScopeSql, orderViewObject, toOrderRow, type OrderViewJson } from "@/lib/orders/place-order-sql";
import { notified, type OrderEventKind } from "@/lib/orders/record-order-event";
import { assertTransition, type OrderAction } from "@/lib/orders/state-machine";
import { toOrderView, type OrderView } from "@/lib/orders/views";

export type StampMove = { action: Extract<OrderAction, "confirm" | "pack">; event: Extract<OrderEventKind, "confirmed" | "packed">; stamp: "confirmedAt" | "packedAt"; note?: string | null };

/** $1 order id, $2 and $3 the actor's scope (orderInScopeSql). */
const lockSql = `
SELECT o.status::text AS status, o."creditHold", o."companyId", o."retailerId"
FROM "Order" o
WHERE ${orderInScopeSql}
FOR UPDATE`;

/**
 * $1 order id  $2 new status  $3 the time (the stamp, updatedAt, the event's time)  $4 event id  $5 kind
 * $6 from status  $7 actor's user id  $8 actor's name  $9 note  $10 audit id  $11 audit row's company
 * $12 retailer  $13 actor kind  $14 action  $15 before  $16 after  $17 request id.
 */
const writeSql = (stamp: StampMove["stamp"]) => `
WITH o AS (
  UPDATE "Order" SET status = $2::"OrderStatus", "${stamp}" = $3::timestamptz, "updatedAt" = $3::timestamptz
  WHERE id = $1
  RETURNING *
),
e AS (
  INSERT INTO "OrderEvent" (id, "orderId", "companyId", kind, "fromStatus", "toStatus", "actorUserId", "actorName", note, "createdAt")
  SELECT $4, o.id, o."companyId", $5, $6::"OrderStatus", $2::"OrderStatus", $7, $8, $9, $3::timestamptz FROM o
  RETURNING *
),
a AS (
  INSERT INTO "AuditLog" (id, "companyId", "retailerId", "actorUserId", "actorKind", action, "entityType", "entityId", before, after, "requestId")
  SELECT $10, $11, $12, $7, $13, $14, 'Order', o.id, $15::jsonb, $16::jsonb, $17 FROM o
)
SELECT ${orderViewObject({
  order: "to_jsonb(o) - 'deliveryPhoto'",
  lines: `(SELECT * FROM "OrderLine" WHERE "orderId" = o.id)`,
  events: `(SELECT * FROM "OrderEvent" WHERE "orderId" = o.id UNION ALL SELECT * FROM e)`,
  key: (k) => `o."${k}"`,
})} AS row
FROM o`;
const writeStatements = { confirmedAt: writeSql("confirmedAt"), packedAt: writeSql("packedAt") };

export async function stampOrder(ctx: Ctx, orderId: string, move: StampMove): Promise<OrderView> {
  const row =
    ctx.db === prisma
      ? await pgTransaction((run, client) => stampInTransaction(ctx, run, orderId, move, (eventId) => publishOrderEventOnConnection(client, eventId)))
      : await ctx.db.$transaction((tx) => stampInTransaction(ctx, prismaRunner(tx), orderId, move, (eventId) => publishOrderEvent(tx, eventId)), { timeout: 20_000, maxWait: 20_000 });
  return toOrderView(ctx.actor, toOrderRow(row));
}

async function stampInTransaction(ctx: Ctx, run: SqlRunner, orderId: string, move: StampMove, enqueue: (eventId: string) => Promise<void>): Promise<OrderViewJson> {
  const { actor } = ctx;
  const [order] = await run.query<{ status: OrderStatus; creditHold: boolean; companyId: string; retailerId: string }>(lockSql, [orderId, ...orderScopeParams(actor)]);
  if (!order) throw notFound("Order");
  const next = assertTransition(actor, order, move.action);
  const now = ctx.now();
  const eventId = rowId();
  if (notified.has(move.event)) await enqueue(eventId);
  const [written] = await run.query<{ row: OrderViewJson }>(writeStatements[move.stamp], [
    orderId,
    next,
    now,
    eventId,
    move.event,
    order.status,
    actor.userId,
    actor.name,
    move.note ?? null,
    rowId(),
    order.companyId,
    order.retailerId,
    actor.kind,
    `order.${move.action}`,
    JSON.stringify({ status: order.status, creditHold: order.creditHold }),
    JSON.stringify({ status: next, [move.stamp]: now }),
    ctx.requestId ?? null,
  ]);
  return written.row;
}
