import "server-only";
// A driver's update at a stop: arrive, deliver (with proof of delivery), partly deliver, refused or
// not home. Updates come from a phone's queue, often late: each carries its own clientUpdateId
// (unique per driver) and occurredAt. Under the trip's row lock, a replay of an id answers the first
// result and changes nothing; a new update applies once:
//   deliver          orders DELIVERED with the POD, shipments DELIVERED
//   partly_deliver   orders DELIVERED, the missing quantity returned into the trip's depot (ledger
//                    RETURN) and a credit-note draft against the invoice; shipments PARTLY_DELIVERED
//   refused          everything returned into the depot, credit-note drafts; shipments UNDELIVERED
//   not_home         the shipments go back to READY when the trip completes, for another trip
// The first arrival of a scheduled trip starts it; the last stop done completes it.
import { quantityUnitError } from "@/lib/catalog/units";
import { createHash } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { StopStatus } from "@/lib/generated/prisma/enums";
import { driverOfActorOrThrow } from "@/lib/logistics/driver/driver-access";
import { driverUpdateInput, type DriverUpdateData } from "@/lib/logistics/driver/driver.schemas";
import { completeTripIfDone } from "@/lib/logistics/trips/complete-trip";
import { startTripInTx } from "@/lib/logistics/trips/start-trip";
import { lockTripOrThrow } from "@/lib/logistics/trips/trip-views";
import { appendTrackingEvent } from "@/lib/logistics/tracking/append-tracking-event";
import { decodePhoto } from "@/lib/orders/deliver-order";
import { returnOrderInTx } from "@/lib/orders/return-order";
import { transitionOrderInTx } from "@/lib/orders/transition-order";
import { startOfIstDay, dbDateToDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

type Tx = Prisma.TransactionClient;
const D = Prisma.Decimal;
/** A phone's clock may run a little ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

export type DriverUpdateResult = {
  stopId: string;
  stopStatus: StopStatus;
  tripId: string;
  tripStatus: string;
  kind: string;
  occurredAt: string;
  /** True when this answer is the stored result of an earlier request with the same clientUpdateId. */
  replayed: boolean;
};

const finalStatus: Record<Exclude<DriverUpdateData["kind"], "arrive">, StopStatus> = { deliver: "DELIVERED", partly_deliver: "PARTLY_DELIVERED", refused: "REFUSED", not_home: "NOT_HOME" };

export async function recordDriverUpdate(ctx: Ctx, tripId: string, stopId: string, input: unknown): Promise<DriverUpdateResult> {
  const data = parseInput(driverUpdateInput, input);
  const now = ctx.now();
  const occurredAt = new Date(data.occurredAt);
  if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw new AppError("validation", "The time of the update is in the future (check the phone's clock)", { fieldErrors: { occurredAt: ["Cannot be in the future"] } });
  const requestHash = createHash("sha256").update(JSON.stringify({ tripId, stopId, ...data })).digest("hex");
  const driver = await driverOfActorOrThrow(ctx.db, ctx.actor);

  // A replay needs no image work: answer it before decoding anything.
  const replay = await findReplay(ctx.db, driver.id, data.clientUpdateId, requestHash);
  if (replay) return replay;
  const signature = data.signature ? asImage(await decodePhoto(data.signature, "signature")) : null;
  const photo = data.photo ? asImage(await decodePhoto(data.photo, "photo")) : null;

  try {
    return await ctx.db.$transaction(
      async (tx) => {
        const trip = await tx.deliveryTrip.findFirst({ where: { id: String(tripId), companyId: driver.companyId, driverId: driver.id }, select: { id: true } });
        if (!trip) throw notFound("Trip");
        let locked = await lockTripOrThrow(tx, driver.companyId, trip.id);
        const again = await findReplay(tx, driver.id, data.clientUpdateId, requestHash);
        if (again) return again;
        const stop = locked.stops.find((s) => s.id === String(stopId));
        if (!stop) throw notFound("Stop");
        if (locked.status === "DRAFT" || locked.status === "CANCELLED" || locked.status === "COMPLETED") {
          throw new AppError("invalid_transition", `Trip ${locked.number} is ${locked.status.toLowerCase()}: no more updates`, { details: { currentState: locked.status } });
        }
        const system: Ctx = { ...ctx, actor: { kind: "system", userId: null, name: `${driver.name} (driver)`, companyId: driver.companyId } satisfies Actor };
        if (locked.status === "SCHEDULED") {
          if (occurredAt < startOfIstDay(dbDateToDay(locked.tripDate)!)) throw new AppError("validation", "The update is from before the trip's day", { fieldErrors: { occurredAt: ["Before the trip's day"] } });
          // The first update from the road starts the trip (the dispatcher did not press Start).
          await startTripInTx(system, tx, driver.companyId, locked.id, occurredAt);
          locked = await lockTripOrThrow(tx, driver.companyId, trip.id);
        } else if (locked.startedAt && occurredAt < locked.startedAt) {
          throw new AppError("validation", "The update is from before the trip started", { fieldErrors: { occurredAt: ["Before the trip started"] } });
        }

        if (data.kind === "arrive") {
          if (stop.status !== "PENDING") throw new AppError("invalid_transition", `Stop ${stop.sequence} is already ${stop.status.toLowerCase().replace("_", " ")}`, { details: { currentState: stop.status } });
          await tx.tripStop.update({ where: { id: stop.id, tripId: locked.id }, data: { status: "ARRIVED", arrivedAt: occurredAt } });
          await eachShipment(tx, locked.id, stop.id, (id) => appendTrackingEvent(tx, { companyId: driver.companyId, shipmentId: id, code: "arrived", description: `The driver reached ${stop.name}`, source: "driver", occurredAt, latitude: data.latitude, longitude: data.longitude }));
        } else {
          if (stop.status !== "PENDING" && stop.status !== "ARRIVED") throw new AppError("invalid_transition", `Stop ${stop.sequence} is already ${stop.status.toLowerCase().replace("_", " ")}`, { details: { currentState: stop.status } });
          await completeStop(ctx, system, tx, { trip: locked, stop, data, occurredAt, signature, photo });
          await tx.tripStop.update({ where: { id: stop.id, tripId: locked.id }, data: { status: finalStatus[data.kind], arrivedAt: stop.arrivedAt ?? occurredAt, completedAt: occurredAt } });
        }
        const tripStatus = await completeTripIfDone(system, tx, locked.id, occurredAt);
        const result: DriverUpdateResult = { stopId: stop.id, stopStatus: data.kind === "arrive" ? "ARRIVED" : finalStatus[data.kind], tripId: locked.id, tripStatus, kind: data.kind, occurredAt: occurredAt.toISOString(), replayed: false };
        await tx.driverUpdate.create({ data: { companyId: driver.companyId, driverId: driver.id, clientUpdateId: data.clientUpdateId, stopId: stop.id, kind: data.kind, occurredAt, requestHash, result } });
        await recordAudit(ctx, tx, { action: `trip.stop_${data.kind}`, entityType: "TripStop", entityId: stop.id, companyId: driver.companyId, before: { status: stop.status }, after: { ...result, clientUpdateId: data.clientUpdateId, receivedBy: data.receivedBy ?? null, lines: data.lines ?? null } });
        return result;
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  } catch (err) {
    // The same id sent twice at once from two trips' screens: the unique index decides; answer the winner.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const winner = await findReplay(ctx.db, driver.id, data.clientUpdateId, requestHash);
      if (winner) return winner;
    }
    throw err;
  }
}

async function findReplay(db: Pick<Tx, "driverUpdate">, driverId: string, clientUpdateId: string, requestHash: string): Promise<DriverUpdateResult | null> {
  const prior = await db.driverUpdate.findUnique({ where: { driverId_clientUpdateId: { driverId, clientUpdateId } } });
  if (!prior) return null;
  if (prior.requestHash !== requestHash) throw new AppError("idempotency_mismatch", "This clientUpdateId was already used for another update", { fieldErrors: { clientUpdateId: ["Already used for another update"] } });
  return { ...(prior.result as DriverUpdateResult), replayed: true };
}

async function eachShipment(tx: Tx, tripId: string, stopId: string, fn: (shipmentId: string) => Promise<unknown>) {
  const links = await tx.tripStopShipment.findMany({ where: { stopId, shipment: { currentTripId: tripId } }, select: { shipmentId: true }, orderBy: { shipmentId: "asc" } });
  for (const l of links) await fn(l.shipmentId);
  return links.map((l) => l.shipmentId);
}

type Image = { bytes: Uint8Array<ArrayBuffer>; contentType: string } | null;
type Locked = Awaited<ReturnType<typeof lockTripOrThrow>>;

async function completeStop(ctx: Ctx, system: Ctx, tx: Tx, a: { trip: Locked; stop: Locked["stops"][number]; data: DriverUpdateData; occurredAt: Date; signature: Image; photo: Image }) {
  const { trip, stop, data, occurredAt } = a;
  const companyId = trip.companyId;
  const shipmentIds = await eachShipment(tx, trip.id, stop.id, async () => undefined);
  const shipments = await tx.shipment.findMany({ where: { id: { in: shipmentIds }, companyId }, select: { id: true, status: true, orders: { select: { orderId: true }, orderBy: { orderId: "asc" } } } });
  const notDispatched = shipments.find((s) => s.status !== "DISPATCHED");
  if (notDispatched) throw new AppError("conflict", "A shipment of this stop is not out for delivery");
  const event = { companyId, source: "driver", occurredAt, latitude: data.latitude, longitude: data.longitude };

  if (data.kind === "not_home") {
    for (const s of shipments) await appendTrackingEvent(tx, { ...event, shipmentId: s.id, code: "not_home", description: `Nobody to receive at ${stop.name}${data.note ? `: ${data.note}` : ""}; back to the depot for another trip` });
    return;
  }

  const orderIds = shipments.flatMap((s) => s.orders.map((o) => o.orderId));
  const orders = await tx.order.findMany({ where: { id: { in: orderIds }, companyId }, include: { lines: { orderBy: { position: "asc" } } }, omit: { deliveryPhoto: true }, orderBy: { id: "asc" } });
  const wanted = new Map((data.lines ?? []).map((l, i) => [l.orderLineId, { qty: new D(l.deliveredQty), index: i }]));
  const known = new Set(orders.flatMap((o) => o.lines.map((l) => l.id)));
  for (const [lineId, w] of wanted) if (!known.has(lineId)) throw new AppError("validation", "A line is not on this stop's orders", { fieldErrors: { [`lines.${w.index}.orderLineId`]: ["Not a line of this stop"] } });

  const podLines: { orderId: string; orderLineId: string; productId: string | null; name: string; ordered: string; delivered: string }[] = [];
  let anyShort = false;
  let anyDelivered = false;
  const shortByOrder = new Map<string, { line: (typeof orders)[number]["lines"][number]; short: Prisma.Decimal }[]>();
  for (const o of orders) {
    for (const l of o.lines) {
      const out = l.quantity.minus(l.returnedQty);
      const w = wanted.get(l.id);
      const delivered = data.kind === "refused" ? new D(0) : data.kind === "deliver" ? out : (w?.qty ?? out);
      const unitError = w ? quantityUnitError(w.qty, l.unit, "Delivered quantity") : null;
      if (unitError) throw new AppError("validation", `${l.name}: ${unitError}`, { fieldErrors: { [`lines.${w!.index}.deliveredQty`]: [unitError] } });
      if (delivered.gt(out)) throw new AppError("validation", `At most ${out.toFixed(3)} ${l.unit} of ${l.name} can be delivered`, { fieldErrors: { [`lines.${w?.index ?? 0}.deliveredQty`]: [`At most ${out.toFixed(3)}`] } });
      if (delivered.lt(out)) {
        anyShort = true;
        (shortByOrder.get(o.id) ?? shortByOrder.set(o.id, []).get(o.id)!).push({ line: l, short: out.minus(delivered) });
      }
      if (delivered.gt(0)) anyDelivered = true;
      podLines.push({ orderId: o.id, orderLineId: l.id, productId: l.productId, name: l.name, ordered: out.toFixed(3), delivered: delivered.toFixed(3) });
    }
  }
  if (data.kind === "partly_deliver" && !anyShort) throw new AppError("validation", "Nothing is short: record a full delivery instead", { fieldErrors: { lines: ["Every line delivered in full"] } });
  if (data.kind === "partly_deliver" && !anyDelivered) throw new AppError("validation", "Nothing was delivered: record a refusal instead", { fieldErrors: { lines: ["Nothing delivered"] } });
  const outcome = data.kind === "deliver" ? "delivered" : data.kind === "partly_deliver" ? "partly_delivered" : "refused";

  await tx.proofOfDelivery.create({
    data: {
      companyId,
      stopId: stop.id,
      outcome,
      receivedBy: data.receivedBy ?? null,
      signature: a.signature?.bytes ?? null,
      signatureType: a.signature?.contentType ?? null,
      photo: a.photo?.bytes ?? null,
      photoType: a.photo?.contentType ?? null,
      latitude: data.latitude == null ? null : String(data.latitude),
      longitude: data.longitude == null ? null : String(data.longitude),
      deliveredAt: occurredAt,
      lines: podLines,
      note: data.note ?? null,
    },
  });

  for (const o of orders) {
    const shorts = shortByOrder.get(o.id) ?? [];
    const allShort = shorts.length === o.lines.length && shorts.every((s) => s.short.eq(s.line.quantity.minus(s.line.returnedQty)));
    if (!allShort) {
      await transitionOrderInTx(ctx, tx, o.id, {
        action: "deliver",
        event: "delivered",
        work: async () => ({
          patch: { deliveredAt: occurredAt, receivedBy: data.receivedBy ?? null, deliveryNote: data.note ?? null, ...(a.photo ? { deliveryPhoto: a.photo.bytes, deliveryPhotoType: a.photo.contentType } : {}) },
          note: data.note,
          data: { receivedBy: data.receivedBy ?? null, deliveredAt: occurredAt.toISOString(), hasPhoto: a.photo !== null, trip: trip.number, stop: stop.sequence, outcome },
        }),
      });
    }
    if (shorts.length === 0) continue;
    const reason = data.kind === "refused" ? `Refused at the door (trip ${trip.number}, stop ${stop.sequence})` : `Short delivery (trip ${trip.number}, stop ${stop.sequence})`;
    await returnOrderInTx(system, tx, o.id, { reason, warehouseId: trip.depotWarehouseId, lines: shorts.map((s) => ({ productId: s.line.productId!, quantity: s.short.toFixed(3) })) });
    await draftCreditNotes(tx, { companyId, orderId: o.id, stopId: stop.id, reason, shorts });
  }

  const status = data.kind === "deliver" ? "DELIVERED" : data.kind === "partly_deliver" ? "PARTLY_DELIVERED" : "UNDELIVERED";
  for (const s of shipments) {
    await tx.shipment.update({ where: { id: s.id, companyId }, data: { status, deliveredAt: status === "UNDELIVERED" ? null : occurredAt } });
    const words = status === "DELIVERED" ? `Delivered to ${data.receivedBy}` : status === "PARTLY_DELIVERED" ? `Partly delivered to ${data.receivedBy}; the rest comes back to the depot` : `Refused at ${stop.name}${data.note ? `: ${data.note}` : ""}; the goods come back to the depot`;
    await appendTrackingEvent(tx, { ...event, shipmentId: s.id, code: outcome === "refused" ? "refused" : outcome, description: words });
  }
}

/** The missing quantity as a credit-note draft per invoice, on the invoice lines of the short order lines. */
async function draftCreditNotes(tx: Tx, a: { companyId: string; orderId: string; stopId: string; reason: string; shorts: { line: { id: string; name: string }; short: Prisma.Decimal }[] }) {
  const invoiceLines = await tx.invoiceLine.findMany({
    where: { orderLineId: { in: a.shorts.map((s) => s.line.id) }, invoice: { companyId: a.companyId, type: "INVOICE", status: "ISSUED" } },
    select: { id: true, orderLineId: true, quantity: true, invoiceId: true },
    orderBy: [{ invoice: { issueDate: "desc" } }, { id: "asc" }],
  });
  const byInvoice = new Map<string, { originalLineId: string; quantity: string; name: string }[]>();
  for (const s of a.shorts) {
    let left = s.short;
    for (const il of invoiceLines.filter((x) => x.orderLineId === s.line.id)) {
      if (left.lte(0)) break;
      const q = D.min(left, il.quantity);
      (byInvoice.get(il.invoiceId) ?? byInvoice.set(il.invoiceId, []).get(il.invoiceId)!).push({ originalLineId: il.id, quantity: q.toFixed(3), name: s.line.name });
      left = left.minus(q);
    }
  }
  for (const [invoiceId, lines] of byInvoice) await tx.pendingCreditNote.create({ data: { companyId: a.companyId, invoiceId, orderId: a.orderId, stopId: a.stopId, lines, reason: a.reason } });
}

function asImage(i: { bytes: Uint8Array; contentType: string }): { bytes: Uint8Array<ArrayBuffer>; contentType: string } {
  return { bytes: new Uint8Array(i.bytes), contentType: i.contentType };
}
