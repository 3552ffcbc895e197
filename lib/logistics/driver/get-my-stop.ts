import "server-only";
// One stop of the driver's trip with what to hand over (order lines and quantities), the call
// and navigate links, and the proof of delivery once done.
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { StopStatus, TripStatus } from "@/lib/generated/prisma/enums";
import { driverOfActorOrThrow } from "@/lib/logistics/driver/driver-access";

export type DriverStopView = {
  id: string;
  tripId: string;
  tripNumber: string;
  tripStatus: TripStatus;
  sequence: number;
  stopsTotal: number;
  name: string;
  addressLine: string;
  city: string;
  pincode: string;
  phone: string | null;
  callHref: string | null;
  navigateHref: string;
  geoHref: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  eta: string | null;
  status: StopStatus;
  arrivedAt: string | null;
  completedAt: string | null;
  orders: { id: string; number: string; lines: { orderLineId: string; name: string; unit: string; quantity: string }[] }[];
  proof: { outcome: string; receivedBy: string | null; deliveredAt: string; hasSignature: boolean; hasPhoto: boolean } | null;
};

const stopArgs = {
  include: {
    trip: { select: { id: true, number: true, status: true, _count: { select: { stops: true } } } },
    proof: { select: { outcome: true, receivedBy: true, deliveredAt: true, signatureType: true, photoType: true } },
    shipments: { include: { shipment: { select: { orders: { select: { order: { select: { id: true, number: true, lines: { orderBy: { position: "asc" }, select: { id: true, name: true, unit: true, quantity: true, returnedQty: true } } } } } } } } } },
  },
} satisfies Prisma.TripStopDefaultArgs;

export async function getMyStopOrThrow(ctx: Ctx, tripId: string, stopId: string): Promise<DriverStopView> {
  const driver = await driverOfActorOrThrow(ctx.db, ctx.actor);
  const stop = await ctx.db.tripStop.findFirst({
    where: { id: String(stopId), tripId: String(tripId), companyId: driver.companyId, trip: { driverId: driver.id, status: { in: ["SCHEDULED", "IN_TRANSIT", "COMPLETED"] } } },
    ...stopArgs,
  });
  if (!stop) throw notFound("Stop");
  return toDriverStopView(stop);
}

type StopRow = Prisma.TripStopGetPayload<typeof stopArgs>;

function toDriverStopView(s: StopRow): DriverStopView {
  const address = `${s.addressLine}, ${s.city} ${s.pincode}`;
  const pos = s.latitude && s.longitude ? `${s.latitude.toFixed(6)},${s.longitude.toFixed(6)}` : null;
  const phone = s.phone?.replace(/[^\d+]/g, "") || null;
  return {
    id: s.id,
    tripId: s.trip.id,
    tripNumber: s.trip.number,
    tripStatus: s.trip.status,
    sequence: s.sequence,
    stopsTotal: s.trip._count.stops,
    name: s.name,
    addressLine: s.addressLine,
    city: s.city,
    pincode: s.pincode,
    phone: s.phone,
    callHref: phone ? `tel:${phone.startsWith("+") ? phone : `+91${phone.slice(-10)}`}` : null,
    navigateHref: `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(pos ?? address)}&travelmode=driving`,
    geoHref: pos ? `geo:${pos}?q=${pos}(${encodeURIComponent(s.name)})` : null,
    windowStart: s.windowStart?.toISOString() ?? null,
    windowEnd: s.windowEnd?.toISOString() ?? null,
    eta: s.eta?.toISOString() ?? null,
    status: s.status,
    arrivedAt: s.arrivedAt?.toISOString() ?? null,
    completedAt: s.completedAt?.toISOString() ?? null,
    orders: s.shipments.flatMap((x) => x.shipment.orders.map(({ order: o }) => ({ id: o.id, number: o.number, lines: o.lines.map((l) => ({ orderLineId: l.id, name: l.name, unit: l.unit, quantity: l.quantity.minus(l.returnedQty).toFixed(3) })) }))),
    proof: s.proof ? { outcome: s.proof.outcome, receivedBy: s.proof.receivedBy, deliveredAt: s.proof.deliveredAt.toISOString(), hasSignature: s.proof.signatureType !== null, hasPhoto: s.proof.photoType !== null } : null,
  };
}
