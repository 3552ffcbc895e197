import "server-only";
// "Book with partner": a READY shipment (not on a trip) is handed to a shipping partner account with the
// chosen courier. The request writes the booking (PENDING, "booking…"), marks the shipment PARTNER, appends
// a tracking event and queues the "shipping-book" job in the same transaction; the job calls the partner
// after commit, keeps each partner id as soon as it has it (a retry resumes there), and fills the AWB,
// courier and tracking link — or, when every attempt fails or the partner refuses, marks the booking
// FAILED with the reason (visible on the shipment; it can be booked again).
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { prisma, type PrismaClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import type { ShipmentBooking } from "@/lib/generated/prisma/client";
import { ShippingError } from "@/lib/integrations/shipping/provider";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { log } from "@/lib/log";
import { bookingRequestOf, loadShipmentForPartner } from "@/lib/logistics/shipping/partner-request";
import { shippingProviderFor } from "@/lib/logistics/shipping/provider-for";
import { bookShipmentInput } from "@/lib/logistics/shipping/shipping.schemas";
import { parseInput } from "@/lib/validation";

export type BookingView = ReturnType<typeof toBookingView>;

export function toBookingView(b: ShipmentBooking) {
  return {
    id: b.id,
    shipmentId: b.shipmentId,
    shippingAccountId: b.shippingAccountId,
    /** PENDING shows as "booking…" until the job fills the AWB. */
    status: b.status,
    courierId: b.courierId,
    courierName: b.courierName,
    quotedPrice: b.quotedPrice.toFixed(2),
    price: b.price?.toFixed(2) ?? null,
    cod: b.cod,
    awbNumber: b.awbNumber,
    labelUrl: b.labelUrl,
    attempts: b.attempts,
    lastError: b.lastError,
    bookedAt: b.bookedAt?.toISOString() ?? null,
    createdAt: b.createdAt.toISOString(),
  };
}

export async function bookShipment(ctx: Ctx, shipmentId: string, input: unknown): Promise<BookingView> {
  assertCan(ctx.actor, "logistics.write");
  const data = parseInput(bookShipmentInput, input);
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    // The row lock orders two bookings of one shipment (and a trip taking it) one after the other.
    const [locked] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Shipment" WHERE id = ${String(shipmentId)} AND "companyId" = ${companyId} FOR UPDATE`;
    if (!locked) throw notFound("Shipment");
    const s = await loadShipmentForPartner(tx, companyId, locked.id);
    if (s.status !== "READY") throw new AppError("invalid_transition", `${s.number} is ${s.status.toLowerCase().replace("_", " ")}; only a shipment ready at the warehouse can be booked with a partner`, { details: { state: s.status } });
    if (s.currentTripId) throw new AppError("conflict", `${s.number} is on a delivery trip; take it off the trip before booking a courier`);
    const account = await tx.shippingAccount.findFirst({ where: { id: data.shippingAccountId, companyId } });
    if (!account) throw new AppError("validation", "Invalid input: shippingAccountId", { fieldErrors: { shippingAccountId: ["No shipping account of this company has this id"] } });
    if (!account.active) throw new AppError("validation", "Invalid input: shippingAccountId", { fieldErrors: { shippingAccountId: [`${account.label} is disabled`] } });
    // The courier needs a phone and the rest of the booking: refused now rather than by the job.
    bookingRequestOf(s, account, { courierId: data.courierId, cod: data.cod ?? false });
    const existing = await tx.shipmentBooking.findUnique({ where: { shipmentId: s.id } });
    if (existing && (existing.status === "PENDING" || existing.status === "BOOKED")) {
      throw new AppError("conflict", existing.status === "PENDING" ? `${s.number} is being booked with ${existing.courierName}` : `${s.number} is already booked with ${existing.courierName} (AWB ${existing.awbNumber})`);
    }
    const fields = { shippingAccountId: account.id, courierId: data.courierId, courierName: data.courierName, quotedPrice: data.quotedPrice, cod: data.cod ?? false, status: "PENDING" as const, attempts: 0, lastError: null, partnerOrderId: null, partnerShipmentId: null, awbNumber: null, labelUrl: null, price: null, bookedAt: null, requestedById: ctx.actor.userId };
    const booking = existing ? await tx.shipmentBooking.update({ where: { id: existing.id }, data: fields }) : await tx.shipmentBooking.create({ data: { ...fields, companyId, shipmentId: s.id } });
    await tx.shipment.update({ where: { id: s.id, companyId }, data: { carrierType: "PARTNER", shippingAccountId: account.id, courierName: data.courierName, partnerShipmentId: null, awbNumber: null, trackingUrl: null } });
    await tx.trackingEvent.create({ data: { companyId, shipmentId: s.id, code: "booking_requested", description: `Booking with ${data.courierName} through ${account.label} requested`, source: "staff", occurredAt: ctx.now() } });
    await recordAudit(ctx, tx, { action: "shipment.book_partner", entityType: "Shipment", entityId: s.id, after: { shippingAccountId: account.id, courierId: data.courierId, courierName: data.courierName, quotedPrice: data.quotedPrice, cod: data.cod ?? false } });
    await enqueueJob(tx, "shipping-book", { bookingId: booking.id });
    return toBookingView(booking);
  });
}

export async function getShipmentBooking(ctx: Ctx, shipmentId: string): Promise<BookingView | null> {
  assertCan(ctx.actor, "logistics.read");
  const s = await ctx.db.shipment.findFirst({ where: { id: String(shipmentId), companyId: ctx.actor.companyId }, select: { id: true, booking: true } });
  if (!s) throw notFound("Shipment");
  return s.booking ? toBookingView(s.booking) : null;
}

/** The "shipping-book" job. Idempotent: only a PENDING booking is worked; partner ids already kept are reused. */
export async function runBookingJob(bookingId: string, job: { finalAttempt: boolean }, db: PrismaClient = prisma): Promise<"booked" | "failed" | "skipped"> {
  const booking = await db.shipmentBooking.findUnique({ where: { id: bookingId }, include: { account: true } });
  if (!booking || booking.status !== "PENDING") return "skipped";
  const s = await loadShipmentForPartner(db, booking.companyId, booking.shipmentId);
  await db.shipmentBooking.update({ where: { id: booking.id }, data: { attempts: { increment: 1 } } });
  try {
    const provider = shippingProviderFor(db, booking.account);
    const req = bookingRequestOf(s, booking.account, { courierId: booking.courierId, cod: booking.cod });
    const created = await provider.createShipment(req, {
      resume: { partnerOrderId: booking.partnerOrderId, partnerShipmentId: booking.partnerShipmentId, awb: booking.awbNumber },
      onProgress: async (p) => {
        await db.shipmentBooking.update({ where: { id: booking.id }, data: { partnerOrderId: p.partnerOrderId ?? undefined, partnerShipmentId: p.partnerShipmentId ?? undefined, awbNumber: p.awb ?? undefined } });
      },
    });
    const now = new Date();
    await db.$transaction(async (tx) => {
      const b = await tx.shipmentBooking.updateMany({
        where: { id: booking.id, status: "PENDING" },
        data: { status: "BOOKED", partnerOrderId: created.partnerOrderId, partnerShipmentId: created.partnerShipmentId, awbNumber: created.awb, courierName: created.courierName, labelUrl: created.labelUrl, price: created.price, bookedAt: now, lastError: null },
      });
      if (b.count === 0) return;
      await tx.shipment.update({
        where: { id: s.id, companyId: s.companyId },
        // The AWB is the transport document of a courier consignment (e-way bill Part B: transDocNo / date).
        data: { carrierType: "PARTNER", shippingAccountId: booking.shippingAccountId, partnerShipmentId: created.partnerShipmentId, awbNumber: created.awb, courierName: created.courierName, trackingUrl: created.trackingUrl, lrNumber: created.awb.slice(0, 20), lrDate: new Date(`${new Date(now.getTime() + 330 * 60_000).toISOString().slice(0, 10)}T00:00:00Z`) },
      });
      await tx.trackingEvent.createMany({
        data: [{ companyId: s.companyId, shipmentId: s.id, code: "booked", description: `Booked with ${created.courierName}, AWB ${created.awb}`, source: "partner", externalId: `booked:${created.awb}`, occurredAt: now }],
        skipDuplicates: true,
      });
    });
    return "booked";
  } catch (err) {
    const message = err instanceof ShippingError || err instanceof AppError ? err.message : "The partner did not answer";
    // A refusal (bad request, not serviceable, wrong credentials) will not change on a retry; an outage may.
    const retryable = !(err instanceof ShippingError) || err.kind === "unavailable";
    if (retryable && !job.finalAttempt) {
      await db.shipmentBooking.update({ where: { id: booking.id }, data: { lastError: message } });
      log("warn", "shipping booking failed, will retry", { bookingId, error: message });
      throw err;
    }
    await db.$transaction(async (tx) => {
      const b = await tx.shipmentBooking.updateMany({ where: { id: booking.id, status: "PENDING" }, data: { status: "FAILED", lastError: message } });
      if (b.count === 0) return;
      await tx.trackingEvent.create({ data: { companyId: s.companyId, shipmentId: s.id, code: "booking_failed", description: `Booking with ${booking.courierName} failed: ${message}`.slice(0, 500), source: "system", occurredAt: new Date() } });
    });
    log("error", "shipping booking failed", { bookingId, error: message });
    return "failed";
  }
}
