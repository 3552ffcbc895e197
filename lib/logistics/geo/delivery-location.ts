import "server-only";
// Delivery locations: a vendor's pin and receiving hours for one of its retailers (on the connection),
// and a retailer's own shop pin and hours (on the retailer, for every vendor). The trip stops and the
// route planner read the resolved point (delivery-point.ts).
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { locationInput, toMinutes, type LocationInput } from "@/lib/logistics/geo/geo.schemas";
import { minutesToHhmm, resolveDeliveryPoint, type DeliveryPoint } from "@/lib/logistics/geo/delivery-point";
import { pincodePosition } from "@/lib/logistics/geo/pincodes";
import { assertRetailer } from "@/lib/network/guards";
import { parseInput } from "@/lib/validation";

export type LocationView = {
  latitude: number | null;
  longitude: number | null;
  receivingFrom: string | null;
  receivingTo: string | null;
};

export type DeliveryLocationView = {
  connectionId: string;
  /** This vendor's own pin and hours (null fields: not set). */
  vendor: LocationView;
  /** The retailer's shop pin and hours, as the retailer set them. */
  retailer: LocationView;
  /** What deliveries use. */
  effective: DeliveryPoint;
};

const dec = (v: Prisma.Decimal | null) => (v === null ? null : Number(v.toString()));
const hh = (v: number | null) => (v === null ? null : minutesToHhmm(v));

const connectionSelect = {
  id: true,
  status: true,
  deliveryLatitude: true,
  deliveryLongitude: true,
  receivingFromMin: true,
  receivingToMin: true,
  shippingLine1: true,
  shippingPincode: true,
  retailer: { select: { latitude: true, longitude: true, receivingFromMin: true, receivingToMin: true, pincode: true } },
} satisfies Prisma.ConnectionSelect;
type ConnectionRow = Prisma.ConnectionGetPayload<{ select: typeof connectionSelect }>;

function toView(c: ConnectionRow): DeliveryLocationView {
  return {
    connectionId: c.id,
    vendor: { latitude: dec(c.deliveryLatitude), longitude: dec(c.deliveryLongitude), receivingFrom: hh(c.receivingFromMin), receivingTo: hh(c.receivingToMin) },
    retailer: { latitude: dec(c.retailer.latitude), longitude: dec(c.retailer.longitude), receivingFrom: hh(c.retailer.receivingFromMin), receivingTo: hh(c.retailer.receivingToMin) },
    effective: resolveDeliveryPoint({ connection: c, retailer: c.retailer }, pincodePosition),
  };
}

/** The columns an input changes: undefined leaves a pair as it is, null clears it. */
function patchOf(data: LocationInput, cols: { lat: string; lng: string }) {
  const patch: Record<string, unknown> = {};
  if (data.latitude !== undefined) {
    patch[cols.lat] = data.latitude === null ? null : new Prisma.Decimal(data.latitude.toFixed(6));
    patch[cols.lng] = data.longitude === null || data.longitude === undefined ? null : new Prisma.Decimal(data.longitude.toFixed(6));
  }
  if (data.receivingFrom !== undefined) {
    patch.receivingFromMin = data.receivingFrom === null ? null : toMinutes(data.receivingFrom);
    patch.receivingToMin = data.receivingTo ? toMinutes(data.receivingTo) : null;
  }
  return patch;
}

const plain = (row: Record<string, unknown>, keys: string[]) => Object.fromEntries(keys.map((k) => [k, row[k] instanceof Prisma.Decimal ? (row[k] as Prisma.Decimal).toString() : row[k]]));

export async function getDeliveryLocation(ctx: Ctx, connectionId: string): Promise<DeliveryLocationView> {
  assertCan(ctx.actor, "retailers.read");
  const c = await ctx.db.connection.findFirst({ where: { id: connectionId, companyId: ctx.actor.companyId }, select: connectionSelect });
  if (!c) throw notFound("Retailer");
  return toView(c);
}

/** Staff drop this vendor's pin for a retailer and/or set the hours it receives goods. */
export async function setDeliveryLocation(ctx: Ctx, connectionId: string, input: unknown): Promise<DeliveryLocationView> {
  assertCan(ctx.actor, "retailers.write");
  const data = parseInput(locationInput, input);
  const patch = patchOf(data, { lat: "deliveryLatitude", lng: "deliveryLongitude" });
  if (Object.keys(patch).length === 0) throw new AppError("validation", "Nothing to change", { fieldErrors: { latitude: ["Give a position or receiving hours"] } });
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    const before = await tx.connection.findFirst({ where: { id: connectionId, companyId }, select: connectionSelect });
    if (!before) throw notFound("Retailer");
    if (before.status === "ENDED") throw new AppError("invalid_transition", "This connection has ended; its delivery location can no longer change", { details: { state: "ENDED" } });
    const after = await tx.connection.update({ where: { id: connectionId, companyId }, data: patch, select: connectionSelect });
    const keys = Object.keys(patch);
    await recordAudit(ctx, tx, { action: "connection.update_delivery_location", entityType: "Connection", entityId: connectionId, before: plain(before as unknown as Record<string, unknown>, keys), after: plain(after as unknown as Record<string, unknown>, keys) });
    return toView(after);
  });
}

export async function getMyShopLocation(ctx: Ctx): Promise<LocationView & { pincode: string; pincodePosition: { lat: number; lng: number } | null; canEdit: boolean }> {
  assertRetailer(ctx.actor);
  const r = await ctx.db.retailer.findUniqueOrThrow({ where: { id: ctx.actor.retailerId }, select: { latitude: true, longitude: true, receivingFromMin: true, receivingToMin: true, pincode: true, members: { where: { userId: ctx.actor.userId }, select: { role: true } } } });
  return {
    latitude: dec(r.latitude),
    longitude: dec(r.longitude),
    receivingFrom: hh(r.receivingFromMin),
    receivingTo: hh(r.receivingToMin),
    pincode: r.pincode,
    pincodePosition: pincodePosition(r.pincode),
    canEdit: r.members[0]?.role === "OWNER",
  };
}

/** The retailer's owner drops the shop's pin and sets its receiving hours, for every vendor. */
export async function setMyShopLocation(ctx: Ctx, input: unknown) {
  assertRetailer(ctx.actor);
  const data = parseInput(locationInput, input);
  const patch = patchOf(data, { lat: "latitude", lng: "longitude" });
  if (Object.keys(patch).length === 0) throw new AppError("validation", "Nothing to change", { fieldErrors: { latitude: ["Give a position or receiving hours"] } });
  const actor = ctx.actor;
  await ctx.db.$transaction(async (tx) => {
    const m = await tx.retailerMembership.findUnique({ where: { retailerId_userId: { retailerId: actor.retailerId, userId: actor.userId } } });
    if (m?.role !== "OWNER") throw new AppError("forbidden", "Only the business owner can change the shop's location");
    const before = await tx.retailer.findUniqueOrThrow({ where: { id: actor.retailerId } });
    const after = await tx.retailer.update({ where: { id: actor.retailerId }, data: patch });
    const keys = Object.keys(patch);
    await recordAudit(ctx, tx, { action: "retailer.update_location", entityType: "Retailer", entityId: actor.retailerId, before: plain(before as unknown as Record<string, unknown>, keys), after: plain(after as unknown as Record<string, unknown>, keys) });
  });
  return getMyShopLocation(ctx);
}
