import "server-only";
// Loads READY shipments of the trip's depot onto a draft or scheduled trip: one stop per consignee
// address (a new stop goes last, with the retailer's shop position and its receiving window on the
// trip date, IST). A shipment is on at most one live trip: taken with a conditional
// UPDATE … WHERE "currentTripId" IS NULL, so two trips taking it at once cannot both succeed.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, type FieldErrors } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { resolveDeliveryPoint, windowOnDay } from "@/lib/logistics/geo/delivery-point";
import { pincodePosition } from "@/lib/logistics/geo/pincodes";
import { assertWithinCapacity, refreshEtas, tripLoad } from "@/lib/logistics/trips/trip-plan";
import { assertTripEditable, loadTripView, lockTripOrThrow, type TripView } from "@/lib/logistics/trips/trip-views";
import { addShipmentsInput } from "@/lib/logistics/trips/trips.schemas";
import { dbDateToDay, startOfIstDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

type Tx = Prisma.TransactionClient;

export async function addShipmentsToTrip(ctx: Ctx, tripId: string, input: unknown): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(addShipmentsInput, input);
  return ctx.db.$transaction(async (tx) => {
    const trip = await lockTripOrThrow(tx, actor.companyId, tripId);
    assertTripEditable(trip, "add shipments to it");
    const rows = await tx.shipment.findMany({
      where: { companyId: actor.companyId, id: { in: data.shipmentIds } },
      select: { id: true, number: true, status: true, warehouseId: true, currentTripId: true, connectionId: true, retailerId: true, shipToName: true, shipToLine1: true, shipToLine2: true, shipToCity: true, shipToPincode: true, retailer: { select: { phone: true, latitude: true, longitude: true, receivingFromMin: true, receivingToMin: true, pincode: true } }, connection: { select: { deliveryLatitude: true, deliveryLongitude: true, receivingFromMin: true, receivingToMin: true, shippingLine1: true, shippingPincode: true } } },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const missing = data.shipmentIds.findIndex((id) => !byId.has(id));
    if (missing >= 0) throw new AppError("not_found", "Shipment not found", { fieldErrors: { [`shipmentIds.${missing}`]: ["Not a shipment of this company"] } });
    const errors: FieldErrors = {};
    data.shipmentIds.forEach((id, i) => {
      const s = byId.get(id)!;
      if (s.status !== "READY") errors[`shipmentIds.${i}`] = [`Shipment ${s.number} is ${s.status.toLowerCase().replace("_", " ")}: only ready shipments can be loaded`];
      else if (s.warehouseId !== trip.depotWarehouseId) errors[`shipmentIds.${i}`] = [`Shipment ${s.number} is at another warehouse than the trip's depot`];
    });
    if (Object.keys(errors).length) throw new AppError("conflict", `These shipments cannot go on trip ${trip.number}: ${Object.values(errors).map((m) => m[0]).join("; ")}`, { fieldErrors: errors });

    let nextSequence = trip.stops.reduce((m, s) => Math.max(m, s.sequence), 0);
    for (const [i, id] of data.shipmentIds.entries()) {
      const s = byId.get(id)!;
      const taken = await tx.$executeRaw`UPDATE "Shipment" SET "currentTripId" = ${trip.id}, "updatedAt" = now() WHERE id = ${s.id} AND "companyId" = ${actor.companyId} AND status = 'READY'::"ShipmentStatus" AND "currentTripId" IS NULL`;
      if (taken !== 1) {
        const holder = await tx.shipment.findUnique({ where: { id: s.id }, select: { currentTrip: { select: { number: true } } } });
        throw new AppError("conflict", `Shipment ${s.number} is already on trip ${holder?.currentTrip?.number ?? "another trip"}`, { fieldErrors: { [`shipmentIds.${i}`]: [`Already on trip ${holder?.currentTrip?.number ?? "another trip"}`] } });
      }
      const stopId = await stopFor(tx, trip, s, () => ++nextSequence);
      await tx.tripStopShipment.create({ data: { stopId, shipmentId: s.id, companyId: actor.companyId } });
    }
    const vehicle = trip.vehicleId ? await tx.vehicle.findUniqueOrThrow({ where: { id: trip.vehicleId } }) : null;
    assertWithinCapacity(await tripLoad(tx, trip.id), vehicle);
    await refreshEtas(tx, trip.id);
    await recordAudit(ctx, tx, { action: "trip.add_shipments", entityType: "DeliveryTrip", entityId: trip.id, companyId: actor.companyId, after: { shipments: data.shipmentIds.map((id) => byId.get(id)!.number) } });
    return loadTripView(tx, actor, actor.companyId, trip.id);
  }, { timeout: 20_000, maxWait: 20_000 });
}

type ShipmentForStop = {
  connectionId: string | null;
  retailerId: string | null;
  shipToName: string;
  shipToLine1: string;
  shipToLine2: string | null;
  shipToCity: string;
  shipToPincode: string;
  retailer: { phone: string | null; latitude: Prisma.Decimal | null; longitude: Prisma.Decimal | null; receivingFromMin: number | null; receivingToMin: number | null; pincode: string } | null;
  connection: { deliveryLatitude: Prisma.Decimal | null; deliveryLongitude: Prisma.Decimal | null; receivingFromMin: number | null; receivingToMin: number | null; shippingLine1: string | null; shippingPincode: string | null } | null;
};

/** The trip's stop at this consignee's address, made (last in the order) when there is none. */
async function stopFor(tx: Tx, trip: { id: string; companyId: string; tripDate: Date }, s: ShipmentForStop, nextSequence: () => number): Promise<string> {
  const addressLine = [s.shipToLine1, s.shipToLine2].filter(Boolean).join(", ");
  const existing = await tx.tripStop.findFirst({ where: { tripId: trip.id, connectionId: s.connectionId, addressLine, pincode: s.shipToPincode }, select: { id: true } });
  if (existing) return existing.id;
  const dayStart = startOfIstDay(dbDateToDay(trip.tripDate)!).getTime();
  const r = s.retailer;
  // Where and when this vendor delivers: its own pin and hours, else the shop's, else the PIN code's centre.
  const point = r && s.connection ? resolveDeliveryPoint({ connection: s.connection, retailer: r }, pincodePosition) : { position: pincodePosition(s.shipToPincode), window: null };
  const stop = await tx.tripStop.create({
    data: {
      tripId: trip.id,
      companyId: trip.companyId,
      sequence: nextSequence(),
      connectionId: s.connectionId,
      retailerId: s.retailerId,
      name: s.shipToName,
      addressLine,
      city: s.shipToCity,
      pincode: s.shipToPincode,
      phone: r?.phone ?? null,
      latitude: point.position ? point.position.lat.toFixed(6) : null,
      longitude: point.position ? point.position.lng.toFixed(6) : null,
      ...windowOnDay(dayStart, point.window),
    },
    select: { id: true },
  });
  return stop.id;
}
