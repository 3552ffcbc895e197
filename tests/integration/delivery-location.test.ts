// Delivery locations: a vendor's pin and hours per retailer, the retailer's own shop pin and hours,
// and which one deliveries use. Through the domain functions and the API doors.
import { describe, expect, it } from "vitest";
import { GET as getLocationRoute, PUT as putLocationRoute } from "@/app/api/v1/retailers/[id]/delivery-location/route";
import { PUT as putShopRoute } from "@/app/api/v1/me/business/location/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { getDeliveryLocation, getMyShopLocation, setDeliveryLocation, setMyShopLocation } from "@/lib/logistics/geo/delivery-location";
import { createRetailerUser, createStaff, ctxFor, tenant } from "../support/factories";
import { call } from "../support/http";
import { rejects } from "../support/rejects";

async function connected() {
  const v = await tenant();
  const r = await createRetailerUser();
  const connection = await prisma.connection.create({ data: { companyId: v.company.id, retailerId: r.retailer.id, status: "ACTIVE", placeOfSupply: "27" } });
  return { v, r, connection };
}

describe("delivery locations", () => {
  it("with nothing set, deliveries use the centre of the retailer's PIN code and any time", async () => {
    const { v, connection } = await connected();
    const loc = await getDeliveryLocation(v.ctx, connection.id);
    // 422001 is Nashik's head post office area: India Post's offices put its centre near 20.0 N, 73.8 E.
    expect(loc.effective.position).toMatchObject({ source: "pincode" });
    expect(loc.effective.position!.lat).toBeCloseTo(20.0, 0);
    expect(loc.effective.position!.lng).toBeCloseTo(73.8, 0);
    expect(loc.effective.window).toBeNull();
    expect(loc.vendor).toEqual({ latitude: null, longitude: null, receivingFrom: null, receivingTo: null });
  });

  it("the retailer's own pin and hours apply to every vendor; a vendor's own pin and hours win for its deliveries", async () => {
    const { v, r, connection } = await connected();
    const other = await tenant();
    const otherConnection = await prisma.connection.create({ data: { companyId: other.company.id, retailerId: r.retailer.id, status: "ACTIVE", placeOfSupply: "27" } });
    await setMyShopLocation(r.ctx, { latitude: 19.9975, longitude: 73.7898, receivingFrom: "09:30", receivingTo: "13:00" });
    expect(await getMyShopLocation(r.ctx)).toMatchObject({ latitude: 19.9975, longitude: 73.7898, receivingFrom: "09:30", receivingTo: "13:00", canEdit: true });
    for (const [ctx, id] of [[v.ctx, connection.id], [other.ctx, otherConnection.id]] as const) {
      expect((await getDeliveryLocation(ctx, id)).effective).toMatchObject({ position: { lat: 19.9975, lng: 73.7898, source: "retailer_pin" }, window: { fromMin: 570, toMin: 780, source: "retailer" } });
    }
    const mine = await setDeliveryLocation(v.ctx, connection.id, { latitude: 20.0011, longitude: 73.7702, receivingFrom: "15:00", receivingTo: "19:00" });
    expect(mine.effective).toMatchObject({ position: { lat: 20.0011, lng: 73.7702, source: "vendor_pin" }, window: { fromMin: 900, toMin: 1140, source: "vendor" } });
    expect(mine.retailer).toMatchObject({ latitude: 19.9975, receivingFrom: "09:30" });
    // The other vendor still sees the retailer's own.
    expect((await getDeliveryLocation(other.ctx, otherConnection.id)).effective.position).toMatchObject({ source: "retailer_pin" });
    // Clearing the vendor's pin (nulls) falls back again; leaving hours out keeps them.
    const cleared = await setDeliveryLocation(v.ctx, connection.id, { latitude: null, longitude: null });
    expect(cleared.effective).toMatchObject({ position: { source: "retailer_pin" }, window: { source: "vendor", fromMin: 900 } });
    const audit = await prisma.auditLog.findMany({ where: { entityId: connection.id, action: "connection.update_delivery_location" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audit).toHaveLength(2);
    expect(audit[0].after).toMatchObject({ deliveryLatitude: "20.0011", receivingFromMin: 900 });
  });

  it("a connection shipping elsewhere does not use the shop pin: its own PIN code's centre instead", async () => {
    const { v, r, connection } = await connected();
    await setMyShopLocation(r.ctx, { latitude: 19.9975, longitude: 73.7898 });
    await prisma.connection.update({ where: { id: connection.id }, data: { shippingLine1: "Godown 3, MIDC Ambad", shippingCity: "Nashik", shippingStateCode: "27", shippingPincode: "422010" } });
    const loc = await getDeliveryLocation(v.ctx, connection.id);
    expect(loc.effective).toMatchObject({ pincode: "422010", position: { source: "pincode" } });
  });

  it("bad input names the field and writes nothing", async () => {
    const { v, r, connection } = await connected();
    const cases: [unknown, string][] = [
      [{ latitude: 51.5, longitude: -0.12 }, "latitude"],
      [{ latitude: 19.99 }, "longitude"],
      [{ receivingFrom: "9:30", receivingTo: "13:00" }, "receivingFrom"],
      [{ receivingFrom: "18:00", receivingTo: "09:00" }, "receivingTo"],
      [{ receivingFrom: "09:00" }, "receivingTo"],
      [{ latitude: "19.99", longitude: 73.79 }, "latitude"],
      [{ altitude: 500 }, "altitude"],
      [{}, "latitude"],
    ];
    for (const [input, field] of cases) {
      const err = await rejects(setDeliveryLocation(v.ctx, connection.id, input));
      expect(err.code, JSON.stringify(input)).toBe("validation");
      expect(Object.keys(err.fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
      const shopErr = await rejects(setMyShopLocation(r.ctx, input));
      expect(Object.keys(shopErr.fieldErrors ?? {}), JSON.stringify(input)).toContain(field);
    }
    const row = await prisma.connection.findUniqueOrThrow({ where: { id: connection.id } });
    expect([row.deliveryLatitude, row.receivingFromMin]).toEqual([null, null]);
    expect((await prisma.retailer.findUniqueOrThrow({ where: { id: r.retailer.id } })).latitude).toBeNull();
  });

  it("another company's retailer is not found; a role without retailers.write, an ended connection and a non-owner are refused", async () => {
    const { v, connection } = await connected();
    const stranger = await tenant();
    expect((await rejects(getDeliveryLocation(stranger.ctx, connection.id))).code).toBe("not_found");
    expect((await rejects(setDeliveryLocation(stranger.ctx, connection.id, { latitude: 20, longitude: 73.8 }))).code).toBe("not_found");
    const warehouse = await createStaff(v.company.id, "WAREHOUSE");
    expect((await rejects(setDeliveryLocation(warehouse.ctx, connection.id, { latitude: 20, longitude: 73.8 }))).code).toBe("forbidden");
    await prisma.connection.update({ where: { id: connection.id }, data: { status: "ENDED" } });
    expect((await rejects(setDeliveryLocation(v.ctx, connection.id, { latitude: 20, longitude: 73.8 }))).code).toBe("invalid_transition");
    const staffMember = await createRetailerUser();
    await prisma.retailerMembership.updateMany({ where: { userId: staffMember.user.id }, data: { role: "STAFF" } });
    const asStaff = ctxFor(staffMember.actor);
    expect((await rejects(setMyShopLocation(asStaff, { latitude: 20, longitude: 73.8 }))).code).toBe("forbidden");
    expect((await getMyShopLocation(asStaff)).canEdit).toBe(false);
  });

  it("the API doors: GET and PUT for staff, PUT for the retailer, 404 across tenants, 400 naming the field", async () => {
    const { v, r, connection } = await connected();
    const stranger = await tenant();
    const staffToken = await token(v.actor);
    const strangerToken = await token(stranger.actor);
    const retailerToken = await token(r.actor);
    const path = `/api/v1/retailers/${connection.id}/delivery-location`;
    const put = await call(putLocationRoute, { method: "PUT", path, token: staffToken, params: { id: connection.id }, body: { latitude: 19.95, longitude: 73.76, receivingFrom: "10:00", receivingTo: "18:00" } });
    expect(put.status).toBe(200);
    expect(put.json.effective.position).toMatchObject({ source: "vendor_pin", lat: 19.95 });
    expect((await call(getLocationRoute, { path, token: staffToken, params: { id: connection.id } })).json.vendor).toMatchObject({ receivingFrom: "10:00" });
    expect((await call(getLocationRoute, { path, token: strangerToken, params: { id: connection.id } })).status).toBe(404);
    expect((await call(putLocationRoute, { method: "PUT", path, token: strangerToken, params: { id: connection.id }, body: { latitude: 19.95, longitude: 73.76 } })).status).toBe(404);
    const bad = await call(putLocationRoute, { method: "PUT", path, token: staffToken, params: { id: connection.id }, body: { latitude: 95, longitude: 73.76 } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toHaveProperty("latitude");
    const shop = await call(putShopRoute, { method: "PUT", path: "/api/v1/me/business/location", token: retailerToken, body: { receivingFrom: "08:00", receivingTo: "12:00" } });
    expect(shop.status).toBe(200);
    expect(shop.json).toMatchObject({ receivingFrom: "08:00", receivingTo: "12:00" });
  });
});

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
