import "server-only";
// What a shipment looks like to the screens and the API, and loading one by id within the company.
import type { StaffActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CarrierType, OrderStatus, ShipmentKind, ShipmentStatus, TripStatus } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

type Db = PrismaClient | Tx;

export const shipmentViewArgs = {
  include: {
    warehouse: { select: { id: true, code: true, name: true } },
    retailer: { select: { id: true, legalName: true, tradeName: true } },
    connection: { select: { customerCode: true } },
    currentTrip: { select: { id: true, number: true, status: true, tripDate: true } },
    orders: { include: { order: { select: { id: true, number: true, status: true, grandTotal: true } } }, orderBy: { orderId: "asc" } },
    events: { orderBy: [{ occurredAt: "asc" }, { createdAt: "asc" }] },
  },
} satisfies Prisma.ShipmentDefaultArgs;

type Row = Prisma.ShipmentGetPayload<typeof shipmentViewArgs>;

export type ShipmentAction = "dispatch" | "cancel";

export type TrackingEventView = { id: string; code: string; description: string; location: string | null; latitude: string | null; longitude: string | null; source: string; occurredAt: string };

export type ShipmentView = {
  id: string;
  number: string;
  kind: ShipmentKind;
  status: ShipmentStatus;
  warehouse: { id: string; code: string; name: string };
  consignee: { connectionId: string | null; retailerId: string | null; name: string; customerCode: string | null };
  shipTo: { name: string; line1: string; line2: string | null; city: string; stateCode: string; pincode: string };
  packages: number;
  weightKg: string;
  volumeM3: string;
  crates: number;
  declaredValue: string;
  carrier: { type: CarrierType; courierName: string | null; awbNumber: string | null; trackingUrl: string | null };
  lrNumber: string | null;
  lrDate: string | null;
  trip: { id: string; number: string; status: TripStatus; tripDate: string } | null;
  orders: { id: string; number: string; status: OrderStatus; grandTotal: string }[];
  events: TrackingEventView[];
  dispatchedAt: string | null;
  deliveredAt: string | null;
  cancelledAt: string | null;
  createdAt: string;
  availableActions: ShipmentAction[];
};

export function toTrackingEventView(e: Row["events"][number]): TrackingEventView {
  return { id: e.id, code: e.code, description: e.description, location: e.location, latitude: e.latitude?.toFixed(6) ?? null, longitude: e.longitude?.toFixed(6) ?? null, source: e.source, occurredAt: e.occurredAt.toISOString() };
}

export function toShipmentView(actor: StaffActor | null, s: Row): ShipmentView {
  const actions: ShipmentAction[] = [];
  // A shipment on a trip leaves with the trip (start), not on its own.
  if (s.status === "READY" && !s.currentTripId && (!actor || can(actor, "logistics.write"))) actions.push("dispatch", "cancel");
  return {
    id: s.id,
    number: s.number,
    kind: s.kind,
    status: s.status,
    warehouse: s.warehouse,
    consignee: { connectionId: s.connectionId, retailerId: s.retailerId, name: s.retailer ? (s.retailer.tradeName ?? s.retailer.legalName) : s.shipToName, customerCode: s.connection?.customerCode ?? null },
    shipTo: { name: s.shipToName, line1: s.shipToLine1, line2: s.shipToLine2, city: s.shipToCity, stateCode: s.shipToStateCode, pincode: s.shipToPincode },
    packages: s.packages,
    weightKg: s.weightKg.toFixed(2),
    volumeM3: s.volumeM3.toFixed(3),
    crates: s.crates,
    declaredValue: s.declaredValue.toFixed(2),
    carrier: { type: s.carrierType, courierName: s.courierName, awbNumber: s.awbNumber, trackingUrl: s.trackingUrl },
    lrNumber: s.lrNumber,
    lrDate: s.lrDate?.toISOString().slice(0, 10) ?? null,
    trip: s.currentTrip ? { id: s.currentTrip.id, number: s.currentTrip.number, status: s.currentTrip.status, tripDate: s.currentTrip.tripDate.toISOString().slice(0, 10) } : null,
    orders: s.orders.map((o) => ({ id: o.order.id, number: o.order.number, status: o.order.status, grandTotal: o.order.grandTotal.toFixed(2) })),
    events: s.events.map(toTrackingEventView),
    dispatchedAt: s.dispatchedAt?.toISOString() ?? null,
    deliveredAt: s.deliveredAt?.toISOString() ?? null,
    cancelledAt: s.cancelledAt?.toISOString() ?? null,
    createdAt: s.createdAt.toISOString(),
    availableActions: actions,
  };
}

export async function loadShipmentView(db: Db, actor: StaffActor | null, companyId: string, shipmentId: string): Promise<ShipmentView> {
  const row = await db.shipment.findFirst({ where: { id: shipmentId, companyId }, ...shipmentViewArgs });
  if (!row) throw notFound("Shipment");
  return toShipmentView(actor, row);
}

/** Locks the shipment row (SELECT … FOR UPDATE) within the company, or 404. */
export async function lockShipmentOrThrow(tx: Tx, companyId: string, shipmentId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Shipment" WHERE id = ${shipmentId} AND "companyId" = ${companyId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("Shipment");
  return tx.shipment.findUniqueOrThrow({ where: { id: shipmentId }, include: { orders: { select: { orderId: true }, orderBy: { orderId: "asc" } } } });
}
