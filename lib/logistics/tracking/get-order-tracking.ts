import "server-only";
// Where an order's goods are: its shipments (not cancelled) with their tracking events, and for one
// on a live trip, the trip and the ETA at the order's stop. Staff reach their company's orders, a
// retailer its own (lib/orders/order-access.ts); another's order is 404.
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import type { ShipmentStatus, StopStatus, TripStatus } from "@/lib/generated/prisma/enums";
import { toTrackingEventView, type TrackingEventView } from "@/lib/logistics/shipments/shipment-views";
import { orderScope } from "@/lib/orders/order-access";

export type OrderTracking = {
  shipments: {
    id: string;
    number: string;
    status: ShipmentStatus;
    lrNumber: string | null;
    dispatchedAt: string | null;
    deliveredAt: string | null;
    events: TrackingEventView[];
    trip: { number: string; status: TripStatus; vehicleNo: string | null; driverName: string | null; stop: { sequence: number; status: StopStatus; eta: string | null; windowStart: string | null; windowEnd: string | null } | null } | null;
  }[];
  /** Staff: the order is packed and on no shipment yet. */
  canCreateShipment: boolean;
};

export async function getOrderTracking(ctx: Ctx, orderId: string): Promise<OrderTracking> {
  const order = await ctx.db.order.findFirst({ where: { id: String(orderId), ...orderScope(ctx.actor) }, select: { id: true, status: true, companyId: true } });
  if (!order) throw notFound("Order");
  const rows = await ctx.db.shipmentOrder.findMany({
    where: { orderId: order.id, companyId: order.companyId, shipment: { status: { not: "CANCELLED" } } },
    select: {
      shipment: {
        select: {
          id: true, number: true, status: true, lrNumber: true, dispatchedAt: true, deliveredAt: true,
          events: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] },
          currentTrip: { select: { id: true, number: true, status: true, vehicle: { select: { registrationNo: true } }, driver: { select: { name: true } } } },
          stops: { orderBy: { stop: { createdAt: "desc" } }, select: { stop: { select: { tripId: true, sequence: true, status: true, eta: true, windowStart: true, windowEnd: true, trip: { select: { number: true, status: true, vehicle: { select: { registrationNo: true } }, driver: { select: { name: true } } } } } } } },
        },
      },
    },
  });
  const staff = ctx.actor.kind === "staff";
  return {
    canCreateShipment: staff && order.status === "PACKED" && rows.length === 0,
    shipments: rows.map(({ shipment: s }) => {
      // The live trip, else the last trip that carried it (a delivered shipment's history).
      const stop = s.stops.find((x) => x.stop.tripId === s.currentTrip?.id)?.stop ?? s.stops[0]?.stop ?? null;
      const trip = s.currentTrip ?? stop?.trip ?? null;
      return {
        id: s.id,
        number: s.number,
        status: s.status,
        lrNumber: s.lrNumber,
        dispatchedAt: s.dispatchedAt?.toISOString() ?? null,
        deliveredAt: s.deliveredAt?.toISOString() ?? null,
        events: s.events.map(toTrackingEventView),
        trip: trip
          ? {
              number: trip.number,
              status: trip.status,
              vehicleNo: trip.vehicle?.registrationNo ?? null,
              driverName: trip.driver?.name ?? null,
              stop: stop ? { sequence: stop.sequence, status: stop.status, eta: stop.eta?.toISOString() ?? null, windowStart: stop.windowStart?.toISOString() ?? null, windowEnd: stop.windowEnd?.toISOString() ?? null } : null,
            }
          : null,
      };
    }),
  };
}
