import "server-only";
// A packed order leaves the warehouse: its reserved stock becomes dispatched (on hand and
// reserved both go down) in the same transaction as the status. A taxable supply leaves only with
// its tax invoice (CGST Act s. 31: the invoice is issued at or before the removal of goods), so
// dispatch is refused until the order's quantity, less returns, is fully invoiced.
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { dispatchReservation } from "@/lib/inventory/reservations";
import type { LockedOrder } from "@/lib/orders/order-access";
import { dispatchOrderInput } from "@/lib/orders/orders.schemas";
import { transitionOrder, transitionOrderInTx } from "@/lib/orders/transition-order";
import type { OrderView } from "@/lib/orders/views";
import { parseInput } from "@/lib/validation";

type Tx = Prisma.TransactionClient;

/** Through the order's own door (screen, action, API): an order on a shipment goes out with its shipment. */
export async function dispatchOrder(ctx: Ctx, orderId: string, input: unknown = {}): Promise<OrderView> {
  const data = parseInput(dispatchOrderInput, input ?? {});
  return transitionOrder(ctx, orderId, {
    action: "dispatch",
    event: "dispatched",
    work: async (tx, order) => {
      const onShipment = await tx.shipmentOrder.findFirst({ where: { orderId: order.id, companyId: order.companyId, shipment: { status: { not: "CANCELLED" } } }, select: { shipment: { select: { number: true } } } });
      if (onShipment) throw new AppError("conflict", `Order ${order.number} is on shipment ${onShipment.shipment.number}: dispatch the shipment instead`, { details: { shipment: onShipment.shipment.number } });
      return dispatchWork(ctx, tx, order, { note: data.note, vehicleNumber: data.vehicleNumber });
    },
  });
}

export type DispatchDetails = {
  note?: string | null;
  vehicleNumber?: string | null;
  lrNumber?: string | null;
  lrDate?: string | null;
  shipmentId?: string;
  shipmentNumber?: string;
  tripNumber?: string | null;
};

/** Inside the caller's transaction: a shipment (or a trip starting) dispatching the orders it carries. */
export async function dispatchOrderInTx(ctx: Ctx, tx: Tx, orderId: string, details: DispatchDetails): Promise<OrderView> {
  return transitionOrderInTx(ctx, tx, orderId, { action: "dispatch", event: "dispatched", work: async (t, order) => dispatchWork(ctx, t, order, details) });
}

/** Whether the order is a taxable supply: any line carrying GST or cess. */
export function isTaxableSupply(order: Pick<LockedOrder, "lines">): boolean {
  return order.lines.some((l) => l.gstRate.gt(0) || l.cessRate.gt(0));
}

/** The quantity still to invoice per line (ordered − invoiced − returned), for lines with some left. */
export function uninvoicedLines(order: Pick<LockedOrder, "lines">) {
  return order.lines.filter((l) => l.quantity.minus(l.invoicedQty).minus(l.returnedQty).gt(0));
}

/** Throws a 409 naming the fix when a taxable supply has something left to invoice. */
export function assertInvoicedForDispatch(order: Pick<LockedOrder, "number" | "lines">) {
  if (!isTaxableSupply(order)) return;
  const left = uninvoicedLines(order);
  if (left.length === 0) return;
  throw new AppError("conflict", `Order ${order.number} is not fully invoiced: issue the invoice first — a taxable supply leaves the warehouse with its tax invoice (CGST Act s. 31)`, {
    details: { reason: "invoice_required", order: order.number, linesNotInvoiced: left.map((l) => ({ orderLineId: l.id, name: l.name, quantity: Prisma.Decimal.max(l.quantity.minus(l.invoicedQty).minus(l.returnedQty), 0).toFixed(3) })) },
  });
}

async function dispatchWork(ctx: Ctx, tx: Tx, order: LockedOrder, d: DispatchDetails) {
  assertInvoicedForDispatch(order);
  await dispatchReservation(tx, { companyId: order.companyId, refType: "Order", refId: order.id, userId: ctx.actor.userId, at: ctx.now() });
  const data: Record<string, string> = {};
  if (d.vehicleNumber) data.vehicleNumber = d.vehicleNumber;
  if (d.lrNumber) data.lrNumber = d.lrNumber;
  if (d.lrDate) data.lrDate = d.lrDate;
  if (d.shipmentId) data.shipmentId = d.shipmentId;
  if (d.shipmentNumber) data.shipmentNumber = d.shipmentNumber;
  if (d.tripNumber) data.tripNumber = d.tripNumber;
  return { patch: { dispatchedAt: ctx.now() }, note: d.note ?? null, data: Object.keys(data).length ? data : undefined };
}
