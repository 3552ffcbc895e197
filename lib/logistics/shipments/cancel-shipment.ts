import "server-only";
// A READY shipment that will not go as built: its orders stay packed and free for another shipment.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { cancelShipmentInput } from "@/lib/logistics/shipments/shipments.schemas";
import { loadShipmentView, lockShipmentOrThrow, type ShipmentView } from "@/lib/logistics/shipments/shipment-views";
import { appendTrackingEvent } from "@/lib/logistics/tracking/append-tracking-event";
import { parseInput } from "@/lib/validation";

export async function cancelShipment(ctx: Ctx, shipmentId: string, input: unknown = {}): Promise<ShipmentView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(cancelShipmentInput, input ?? {});
  return ctx.db.$transaction(async (tx) => {
    const s = await lockShipmentOrThrow(tx, actor.companyId, shipmentId);
    if (s.status !== "READY") throw new AppError("invalid_transition", `Cannot cancel shipment ${s.number}: it is ${s.status.toLowerCase().replace("_", " ")}`, { details: { currentState: s.status, action: "cancel" } });
    if (s.currentTripId) throw new AppError("conflict", `Shipment ${s.number} is on a delivery trip: remove it from the trip first`);
    const now = ctx.now();
    await tx.shipment.update({ where: { id: s.id, companyId: actor.companyId }, data: { status: "CANCELLED", cancelledAt: now } });
    await appendTrackingEvent(tx, { companyId: actor.companyId, shipmentId: s.id, code: "cancelled", description: data.reason ? `Cancelled: ${data.reason}` : "Cancelled", source: "staff", occurredAt: now });
    await recordAudit(ctx, tx, { action: "shipment.cancel", entityType: "Shipment", entityId: s.id, companyId: actor.companyId, retailerId: s.retailerId, before: { status: s.status }, after: { status: "CANCELLED", reason: data.reason ?? null } });
    return loadShipmentView(tx, actor, actor.companyId, shipmentId);
  });
}
