import "server-only";
// What a delivery trip looks like to the screens, the driver and the API; loading and locking one
// within the company; the warnings a trip carries (a vehicle or driver document expired on the day).
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import type { PrismaClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ShipmentStatus, StopStatus, TripStatus, VehicleType } from "@/lib/generated/prisma/enums";
import { dbDateToDay } from "@/lib/pricing/dates";

type Tx = Prisma.TransactionClient;
type Db = PrismaClient | Tx;

export const tripViewArgs = {
  include: {
    depot: { select: { id: true, code: true, name: true, city: true, latitude: true, longitude: true } },
    vehicle: true,
    driver: { select: { id: true, name: true, phone: true, userId: true, licenceNo: true, licenceExpiry: true } },
    stops: {
      orderBy: { sequence: "asc" },
      include: {
        proof: { select: { outcome: true, receivedBy: true, deliveredAt: true, signatureType: true, photoType: true, latitude: true, longitude: true, note: true, lines: true } },
        shipments: {
          orderBy: { shipmentId: "asc" },
          include: { shipment: { select: { id: true, number: true, status: true, packages: true, weightKg: true, volumeM3: true, crates: true, currentTripId: true, orders: { select: { order: { select: { id: true, number: true } } } } } } },
        },
      },
    },
  },
} satisfies Prisma.DeliveryTripDefaultArgs;

export type TripRow = Prisma.DeliveryTripGetPayload<typeof tripViewArgs>;

export type TripAction = "schedule" | "start" | "cancel" | "edit" | "end";

/** What the driver recorded at a stop; the signature and photo are served by GET …/stops/{stopId}/proof/{signature|photo}. */
export type ProofOfDeliveryView = {
  outcome: string;
  receivedBy: string | null;
  deliveredAt: string;
  hasSignature: boolean;
  hasPhoto: boolean;
  latitude: string | null;
  longitude: string | null;
  note: string | null;
  /** Per order line: ordered and delivered quantity (a short delivery differs). */
  lines: { orderId: string; orderLineId: string; name: string; ordered: string; delivered: string }[];
};

export type TripStopView = {
  id: string;
  sequence: number;
  retailerId: string | null;
  connectionId: string | null;
  name: string;
  addressLine: string;
  city: string;
  pincode: string;
  phone: string | null;
  latitude: string | null;
  longitude: string | null;
  windowStart: string | null;
  windowEnd: string | null;
  eta: string | null;
  legKm: string | null;
  locked: boolean;
  status: StopStatus;
  arrivedAt: string | null;
  completedAt: string | null;
  proof: ProofOfDeliveryView | null;
  shipments: { id: string; number: string; status: ShipmentStatus; packages: number; weightKg: string; orders: { id: string; number: string }[]; onThisTrip: boolean }[];
};

export type TripView = {
  id: string;
  number: string;
  tripDate: string;
  status: TripStatus;
  depot: { id: string; code: string; name: string; city: string | null };
  vehicle: { id: string; registrationNo: string; type: VehicleType; label: string | null; capacityKg: string; capacityM3: string; capacityCrates: number | null } | null;
  driver: { id: string; name: string; phone: string } | null;
  plannedDeparture: string | null;
  locked: boolean;
  plannedBy: string;
  startedAt: string | null;
  completedAt: string | null;
  cancelledAt: string | null;
  notes: string | null;
  load: { shipments: number; packages: number; weightKg: string; volumeM3: string; crates: number };
  stops: TripStopView[];
  /** Expired vehicle papers or driver's licence on the trip date: shown, never blocking. */
  warnings: string[];
  availableActions: TripAction[];
};

export function toTripView(actor: Actor | null, t: TripRow): TripView {
  const live = t.stops.flatMap((s) => s.shipments.map((x) => x.shipment)).filter((s) => s.currentTripId === t.id);
  const load = live.reduce(
    (acc, s) => ({ shipments: acc.shipments + 1, packages: acc.packages + s.packages, weightKg: acc.weightKg.plus(s.weightKg), volumeM3: acc.volumeM3.plus(s.volumeM3), crates: acc.crates + s.crates }),
    { shipments: 0, packages: 0, weightKg: new Prisma.Decimal(0), volumeM3: new Prisma.Decimal(0), crates: 0 },
  );
  const editable = t.status === "DRAFT" || t.status === "SCHEDULED";
  const write = !actor || can(actor, "logistics.write");
  const actions: TripAction[] = [];
  if (write && editable) actions.push("edit");
  if (write && t.status === "DRAFT") actions.push("schedule");
  if (write && t.status === "SCHEDULED") actions.push("start");
  if (write && editable) actions.push("cancel");
  if (write && t.status === "IN_TRANSIT" && t.stops.some((s) => s.status === "PENDING" || s.status === "ARRIVED")) actions.push("end");
  return {
    id: t.id,
    number: t.number,
    tripDate: dbDateToDay(t.tripDate)!,
    status: t.status,
    depot: { id: t.depot.id, code: t.depot.code, name: t.depot.name, city: t.depot.city },
    vehicle: t.vehicle ? { id: t.vehicle.id, registrationNo: t.vehicle.registrationNo, type: t.vehicle.type, label: t.vehicle.label, capacityKg: t.vehicle.capacityKg.toFixed(2), capacityM3: t.vehicle.capacityM3.toFixed(3), capacityCrates: t.vehicle.capacityCrates } : null,
    driver: t.driver ? { id: t.driver.id, name: t.driver.name, phone: t.driver.phone } : null,
    plannedDeparture: t.plannedDeparture?.toISOString() ?? null,
    locked: t.locked,
    plannedBy: t.plannedBy,
    startedAt: t.startedAt?.toISOString() ?? null,
    completedAt: t.completedAt?.toISOString() ?? null,
    cancelledAt: t.cancelledAt?.toISOString() ?? null,
    notes: t.notes,
    load: { shipments: load.shipments, packages: load.packages, weightKg: load.weightKg.toFixed(2), volumeM3: load.volumeM3.toFixed(3), crates: load.crates },
    stops: t.stops.map((s) => ({
      id: s.id,
      sequence: s.sequence,
      retailerId: s.retailerId,
      connectionId: s.connectionId,
      name: s.name,
      addressLine: s.addressLine,
      city: s.city,
      pincode: s.pincode,
      phone: s.phone,
      latitude: s.latitude?.toFixed(6) ?? null,
      longitude: s.longitude?.toFixed(6) ?? null,
      windowStart: s.windowStart?.toISOString() ?? null,
      windowEnd: s.windowEnd?.toISOString() ?? null,
      eta: s.eta?.toISOString() ?? null,
      legKm: s.legKm?.toFixed(2) ?? null,
      locked: s.locked,
      status: s.status,
      arrivedAt: s.arrivedAt?.toISOString() ?? null,
      completedAt: s.completedAt?.toISOString() ?? null,
      proof: s.proof ? toProofView(s.proof) : null,
      shipments: s.shipments.map(({ shipment: x }) => ({ id: x.id, number: x.number, status: x.status, packages: x.packages, weightKg: x.weightKg.toFixed(2), orders: x.orders.map((o) => o.order), onThisTrip: x.currentTripId === t.id })),
    })),
    warnings: tripWarnings(t),
    availableActions: actions,
  };
}

/** Documents expired on the trip date (a date column is the last valid day). */
export function tripWarnings(t: Pick<TripRow, "tripDate" | "vehicle" | "driver">): string[] {
  const day = dbDateToDay(t.tripDate)!;
  const out: string[] = [];
  const expired = (d: Date | null | undefined) => d != null && dbDateToDay(d)! < day;
  if (t.vehicle) {
    const papers: [string, Date | null][] = [["registration certificate (RC)", t.vehicle.rcExpiry], ["insurance", t.vehicle.insuranceExpiry], ["fitness certificate", t.vehicle.fitnessExpiry], ["permit", t.vehicle.permitExpiry], ["PUC certificate", t.vehicle.pucExpiry]];
    for (const [what, d] of papers) if (expired(d)) out.push(`Vehicle ${t.vehicle.registrationNo}: ${what} expired on ${dbDateToDay(d)}`);
  }
  if (t.driver && expired(t.driver.licenceExpiry)) out.push(`Driver ${t.driver.name}: driving licence expired on ${dbDateToDay(t.driver.licenceExpiry)}`);
  return out;
}

export async function loadTripView(db: Db, actor: Actor | null, companyId: string, tripId: string): Promise<TripView> {
  const row = await db.deliveryTrip.findFirst({ where: { id: tripId, companyId }, ...tripViewArgs });
  if (!row) throw notFound("Trip");
  return toTripView(actor, row);
}

/** Locks the trip row within the company (SELECT … FOR UPDATE), or 404. */
export async function lockTripOrThrow(tx: Tx, companyId: string, tripId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "DeliveryTrip" WHERE id = ${tripId} AND "companyId" = ${companyId} FOR UPDATE`;
  if (rows.length === 0) throw notFound("Trip");
  return tx.deliveryTrip.findUniqueOrThrow({ where: { id: tripId }, include: { vehicle: true, driver: true, stops: { orderBy: { sequence: "asc" } } } });
}

export type LockedTrip = Awaited<ReturnType<typeof lockTripOrThrow>>;

const statusWords: Record<TripStatus, string> = { DRAFT: "a draft", SCHEDULED: "scheduled", IN_TRANSIT: "on the road", COMPLETED: "completed", CANCELLED: "cancelled" };

/** Stops and shipments change only while the trip is a draft or scheduled; a completed or cancelled trip refuses every change. */
export function assertTripEditable(t: Pick<LockedTrip, "number" | "status">, what = "change it") {
  if (t.status === "DRAFT" || t.status === "SCHEDULED") return;
  throw new AppError("invalid_transition", `Trip ${t.number} is ${statusWords[t.status]}: you cannot ${what}`, { details: { currentState: t.status } });
}

export function describeTripStatus(s: TripStatus) {
  return statusWords[s];
}

function toProofView(p: NonNullable<TripRow["stops"][number]["proof"]>): ProofOfDeliveryView {
  const lines = Array.isArray(p.lines) ? (p.lines as ProofOfDeliveryView["lines"]) : [];
  return {
    outcome: p.outcome,
    receivedBy: p.receivedBy,
    deliveredAt: p.deliveredAt.toISOString(),
    hasSignature: p.signatureType !== null,
    hasPhoto: p.photoType !== null,
    latitude: p.latitude?.toFixed(6) ?? null,
    longitude: p.longitude?.toFixed(6) ?? null,
    note: p.note,
    lines: lines.map((l) => ({ orderId: l.orderId, orderLineId: l.orderLineId, name: l.name, ordered: l.ordered, delivered: l.delivered })),
  };
}
