import "server-only";
// A READY shipment leaves the warehouse: each of its orders is dispatched (stock out through its
// reservation, order DISPATCHED with the vehicle and LR on its timeline; a taxable supply needs its
// invoice first), the shipment becomes DISPATCHED and its history gets a "dispatched" event.
// dispatchShipmentInTx runs in the caller's transaction, so a trip starting dispatches all its
// shipments at once or none.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dayToDbDate } from "@/lib/pricing/dates";
import { dispatchShipmentInput } from "@/lib/logistics/shipments/shipments.schemas";
import { loadShipmentView, lockShipmentOrThrow, type ShipmentView } from "@/lib/logistics/shipments/shipment-views";
import { appendTrackingEvent } from "@/lib/logistics/tracking/append-tracking-event";
import { dispatchOrderInTx } from "@/lib/orders/dispatch-order";
import { parseInput } from "@/lib/validation";

type Tx = Prisma.TransactionClient;

export async function dispatchShipment(ctx: Ctx, shipmentId: string, input: unknown = {}): Promise<ShipmentView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(dispatchShipmentInput, input ?? {});
  return ctx.db.$transaction(async (tx) => {
    const s = await lockShipmentOrThrow(tx, actor.companyId, shipmentId);
    if (s.currentTripId) throw new AppError("conflict", `Shipment ${s.number} is on a delivery trip: it leaves when the trip starts`);
    await dispatchShipmentInTx(ctx, tx, shipmentId, { vehicleNumber: data.vehicleNumber, lrNumber: data.lrNumber, lrDate: data.lrDate, note: data.note });
    return loadShipmentView(tx, actor, actor.companyId, shipmentId);
  }, { timeout: 30_000, maxWait: 20_000 });
}

export type ShipmentDispatch = {
  vehicleNumber?: string | null;
  lrNumber?: string | null;
  lrDate?: string | null;
  note?: string | null;
  tripNumber?: string | null;
  /** The tracking event's code and words (a trip starting: out_for_delivery). */
  eventCode?: string;
  eventDescription?: string;
};

/** Inside the caller's transaction. The caller has checked logistics.write. */
export async function dispatchShipmentInTx(ctx: Ctx, tx: Tx, shipmentId: string, d: ShipmentDispatch): Promise<void> {
  if (ctx.actor.kind !== "staff" && ctx.actor.kind !== "system") throw new AppError("forbidden", "Only the vendor dispatches shipments");
  const companyId = ctx.actor.companyId!;
  const s = await lockShipmentOrThrow(tx, companyId, shipmentId);
  if (s.status !== "READY") throw new AppError("invalid_transition", `Cannot dispatch shipment ${s.number}: it is ${s.status.toLowerCase().replace("_", " ")}`, { details: { currentState: s.status, action: "dispatch" } });
  const now = ctx.now();
  const lrNumber = d.lrNumber ?? s.lrNumber;
  const lrDate = d.lrDate ?? s.lrDate?.toISOString().slice(0, 10) ?? null;
  // A shipment back from a trip where nobody was home goes out again: its orders left the
  // warehouse the first time (stock already out), so only those still packed are dispatched now.
  const statuses = await tx.order.findMany({ where: { id: { in: s.orders.map((o) => o.orderId) }, companyId }, select: { id: true, status: true } });
  const again = statuses.length > 0 && statuses.every((o) => o.status === "DISPATCHED");
  for (const o of statuses.sort((a, b) => a.id.localeCompare(b.id))) {
    if (o.status === "DISPATCHED") continue;
    await dispatchOrderInTx(ctx, tx, o.id, { note: d.note, vehicleNumber: d.vehicleNumber, lrNumber, lrDate, shipmentId: s.id, shipmentNumber: s.number, tripNumber: d.tripNumber });
  }
  const n = await tx.shipment.updateMany({
    where: { id: s.id, companyId, status: "READY" },
    data: { status: "DISPATCHED", dispatchedAt: now, lrNumber, lrDate: lrDate ? dayToDbDate(lrDate) : null },
  });
  if (n.count !== 1) throw new AppError("conflict", `Shipment ${s.number} changed meanwhile; try again`);
  const vehicle = d.vehicleNumber ? ` on ${d.vehicleNumber}` : "";
  await appendTrackingEvent(tx, {
    companyId,
    shipmentId: s.id,
    code: d.eventCode ?? "dispatched",
    description: `${again ? "Again: " : ""}${d.eventDescription ?? `Left the warehouse${vehicle}${lrNumber ? ` (LR ${lrNumber})` : ""}`}`,
    source: "staff",
    occurredAt: now,
  });
  await recordAudit(ctx, tx, { action: "shipment.dispatch", entityType: "Shipment", entityId: s.id, companyId, retailerId: s.retailerId, before: { status: s.status }, after: { status: "DISPATCHED", vehicleNumber: d.vehicleNumber ?? null, lrNumber, lrDate, tripNumber: d.tripNumber ?? null } });
}
