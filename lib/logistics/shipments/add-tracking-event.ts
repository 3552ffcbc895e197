import "server-only";
// Staff add an event to a shipment's history (a transporter's call: in transit, delayed, arrived).
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { addTrackingEventInput } from "@/lib/logistics/shipments/shipments.schemas";
import { lockShipmentOrThrow, toTrackingEventView, type TrackingEventView } from "@/lib/logistics/shipments/shipment-views";
import { appendTrackingEvent } from "@/lib/logistics/tracking/append-tracking-event";
import { parseInput } from "@/lib/validation";

const CLOCK_SKEW_MS = 5 * 60 * 1000;

export async function addTrackingEvent(ctx: Ctx, shipmentId: string, input: unknown): Promise<TrackingEventView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(addTrackingEventInput, input);
  const now = ctx.now();
  const occurredAt = data.occurredAt ? new Date(data.occurredAt) : now;
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError("validation", "The time cannot be in the future", { fieldErrors: { occurredAt: ["Cannot be in the future"] } });
  return ctx.db.$transaction(async (tx) => {
    const s = await lockShipmentOrThrow(tx, actor.companyId, shipmentId);
    if (s.status === "CANCELLED") throw new AppError("invalid_transition", `Shipment ${s.number} is cancelled`, { details: { currentState: s.status } });
    const { id } = await appendTrackingEvent(tx, { companyId: actor.companyId, shipmentId: s.id, code: data.code, description: data.description, location: data.location, source: "staff", occurredAt });
    await recordAudit(ctx, tx, { action: "shipment.event", entityType: "Shipment", entityId: s.id, companyId: actor.companyId, after: { code: data.code, description: data.description, occurredAt: occurredAt.toISOString() } });
    return toTrackingEventView(await tx.trackingEvent.findUniqueOrThrow({ where: { id } }));
  });
}
