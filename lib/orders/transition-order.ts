import "server-only";
// The path of the state changes after placing: lock the order row, ask the state machine
// (invalid_transition / forbidden before anything is written), do the action's own work (stock,
// fields), then write the status, the timeline event, the audit row and the notification job —
// all in one transaction, so a failure anywhere changes nothing. Confirm and pack, which only stamp
// a time, write the same rows in fewer statements (lib/orders/stamp-order.ts).
import { recordAuditOn } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/ctx";
import { prismaRunner } from "@/lib/db/sql-runner";
import type { Prisma as P } from "@/lib/generated/prisma/client";
type Tx = P.TransactionClient;
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { loadOrderView, lockOrderOrThrow, type LockedOrder } from "@/lib/orders/order-access";
import { recordOrderEvent, type OrderEventKind } from "@/lib/orders/record-order-event";
import { assertTransition, type OrderAction } from "@/lib/orders/state-machine";
import type { OrderView } from "@/lib/orders/views";

export type TransitionWork = {
  /** Order columns to write beside the new status. */
  patch?: Prisma.OrderUncheckedUpdateInput;
  note?: string | null;
  data?: Prisma.InputJsonValue;
  /** Timeline entries after the action's own (e.g. "held" when an edit goes over the credit limit). */
  extraEvents?: { kind: OrderEventKind; note?: string | null; data?: Prisma.InputJsonValue }[];
};

export type TransitionSpec = {
  action: OrderAction;
  event: OrderEventKind;
  work?: (tx: Tx, order: LockedOrder, next: OrderStatus) => Promise<TransitionWork>;
};

export async function transitionOrder(
  ctx: Ctx,
  orderId: string,
  spec: TransitionSpec,
): Promise<OrderView> {
  // The answer is read after commit: on the app's client one named statement (loadOrderView), not seven
  // statements of the ORM inside the transaction while the order row is locked.
  const id = await ctx.db.$transaction((tx) => moveOrder(ctx, tx, orderId, spec), { timeout: 20_000, maxWait: 20_000 });
  return loadOrderView(ctx.db, ctx.actor, id);
}

/** The same inside the caller's transaction (a shipment or a trip dispatching its orders with its own rows). */
export async function transitionOrderInTx(
  ctx: Ctx,
  tx: Tx,
  orderId: string,
  spec: TransitionSpec,
): Promise<OrderView> {
  return loadOrderView(tx, ctx.actor, await moveOrder(ctx, tx, orderId, spec));
}

/** The move's rows in the caller's transaction; returns the order's id. */
async function moveOrder(ctx: Ctx, tx: Tx, orderId: string, spec: TransitionSpec): Promise<string> {
  const order = await lockOrderOrThrow(tx, ctx.actor, orderId);
  const next = assertTransition(ctx.actor, order, spec.action);
  const work = (await spec.work?.(tx, order, next)) ?? {};
  await tx.order.update({ where: { id: order.id, companyId: order.companyId }, data: { ...work.patch, status: next } });
  await recordOrderEvent(ctx, tx, { orderId: order.id, companyId: order.companyId, kind: spec.event, fromStatus: order.status, toStatus: next, note: work.note, data: work.data });
  for (const e of work.extraEvents ?? []) await recordOrderEvent(ctx, tx, { orderId: order.id, companyId: order.companyId, ...e });
  await recordAuditOn(ctx, prismaRunner(tx), {
    action: `order.${spec.action}`,
    entityType: "Order",
    entityId: order.id,
    companyId: order.companyId,
    retailerId: order.retailerId,
    before: { status: order.status, creditHold: order.creditHold },
    after: { status: next, ...withoutPhoto(work.patch), ...(work.data !== undefined ? { data: work.data } : {}) },
  });
  return order.id;
}

/** The audit log keeps what changed, not the delivery photo's bytes. */
function withoutPhoto(patch: Prisma.OrderUncheckedUpdateInput | undefined) {
  if (!patch) return {};
  const { deliveryPhoto, ...rest } = patch;
  return deliveryPhoto ? { ...rest, deliveryPhoto: "(photo)" } : rest;
}
