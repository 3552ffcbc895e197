import "server-only";
// Cancelling a partner booking before the courier has picked the parcel up: the request marks the booking
// CANCELLING ("cancelling…") with a tracking event and queues the "shipping-cancel" job in the same
// transaction; the job asks the partner and, once it agrees, marks the booking CANCELLED and gives the
// shipment back to the own fleet (carrier, AWB, courier and tracking link cleared) so it can go on a trip
// or be booked again. A partner that refuses (already picked up) leaves the booking BOOKED with the reason.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { prisma, type PrismaClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { ShippingError } from "@/lib/integrations/shipping/provider";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { log } from "@/lib/log";
import { toBookingView, type BookingView } from "@/lib/logistics/shipping/book";
import { shippingProviderFor } from "@/lib/logistics/shipping/provider-for";

export async function cancelShipmentBooking(ctx: Ctx, shipmentId: string): Promise<BookingView> {
  assertCan(ctx.actor, "logistics.write");
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    const [s] = await tx.$queryRaw<{ id: string; number: string; status: string }[]>`SELECT id, number, status::text AS status FROM "Shipment" WHERE id = ${String(shipmentId)} AND "companyId" = ${companyId} FOR UPDATE`;
    if (!s) throw notFound("Shipment");
    const b = await tx.shipmentBooking.findUnique({ where: { shipmentId: s.id } });
    if (!b || b.status === "FAILED" || b.status === "CANCELLED") throw new AppError("invalid_transition", `${s.number} has no courier booking to cancel`, { details: { state: b?.status ?? "none" } });
    if (b.status === "PENDING") throw new AppError("conflict", `${s.number} is still being booked; cancel it once the AWB is there`);
    if (b.status === "CANCELLING") throw new AppError("conflict", `The booking of ${s.number} is already being cancelled`);
    if (s.status !== "READY") throw new AppError("invalid_transition", `${s.number} has left the warehouse with ${b.courierName}; a booking can be cancelled only before pickup`, { details: { state: s.status } });
    const row = await tx.shipmentBooking.update({ where: { id: b.id }, data: { status: "CANCELLING", lastError: null } });
    await tx.trackingEvent.create({ data: { companyId, shipmentId: s.id, code: "cancel_requested", description: `Cancellation of the ${b.courierName} booking (AWB ${b.awbNumber}) requested`, source: "staff", occurredAt: ctx.now() } });
    await recordAudit(ctx, tx, { action: "shipment.cancel_partner_booking", entityType: "Shipment", entityId: s.id, before: { booking: "BOOKED", awbNumber: b.awbNumber }, after: { booking: "CANCELLING" } });
    await enqueueJob(tx, "shipping-cancel", { bookingId: b.id });
    return toBookingView(row);
  });
}

/** The "shipping-cancel" job. Idempotent: only a CANCELLING booking is worked; the partner treats a repeat cancel as done. */
export async function runCancelBookingJob(bookingId: string, job: { finalAttempt: boolean }, db: PrismaClient = prisma): Promise<"cancelled" | "refused" | "skipped"> {
  const b = await db.shipmentBooking.findUnique({ where: { id: bookingId }, include: { account: true } });
  if (!b || b.status !== "CANCELLING") return "skipped";
  try {
    await shippingProviderFor(db, b.account).cancel({ partnerOrderId: b.partnerOrderId ?? "", awb: b.awbNumber });
  } catch (err) {
    const message = err instanceof ShippingError || err instanceof AppError ? err.message : "The partner did not answer";
    const retryable = !(err instanceof ShippingError) || err.kind === "unavailable";
    if (retryable && !job.finalAttempt) {
      await db.shipmentBooking.update({ where: { id: b.id }, data: { lastError: message } });
      throw err;
    }
    await db.$transaction(async (tx) => {
      const n = await tx.shipmentBooking.updateMany({ where: { id: b.id, status: "CANCELLING" }, data: { status: "BOOKED", lastError: `Not cancelled: ${message}` } });
      if (n.count) await tx.trackingEvent.create({ data: { companyId: b.companyId, shipmentId: b.shipmentId, code: "cancel_failed", description: `The partner did not cancel the booking: ${message}`.slice(0, 500), source: "system", occurredAt: new Date() } });
    });
    log("warn", "partner booking not cancelled", { bookingId, error: message });
    return "refused";
  }
  await db.$transaction(async (tx) => {
    const n = await tx.shipmentBooking.updateMany({ where: { id: b.id, status: "CANCELLING" }, data: { status: "CANCELLED", lastError: null } });
    if (!n.count) return;
    await tx.shipment.updateMany({
      where: { id: b.shipmentId, companyId: b.companyId, status: "READY" },
      data: { carrierType: "OWN_FLEET", shippingAccountId: null, partnerShipmentId: null, awbNumber: null, courierName: null, trackingUrl: null, lrNumber: null, lrDate: null },
    });
    await tx.trackingEvent.createMany({
      data: [{ companyId: b.companyId, shipmentId: b.shipmentId, code: "booking_cancelled", description: `Booking with ${b.courierName} (AWB ${b.awbNumber}) cancelled at the partner`, source: "partner", externalId: `cancelled:${b.awbNumber ?? b.id}`, occurredAt: new Date() }],
      skipDuplicates: true,
    });
  });
  return "cancelled";
}
