// Vehicles and drivers on a real PostgreSQL: registration numbers stored as the e-way bill system takes
// them, bad input refused naming the field with nothing written, another company's ids are 404, drivers
// linked to staff or invited as DRIVER employees, and the daily reminders job (idempotent per threshold).
import { describe, expect, it } from "vitest";
import * as vehiclesRoute from "@/app/api/v1/vehicles/route";
import * as vehicleRoute from "@/app/api/v1/vehicles/[id]/route";
import * as vehicleActionRoute from "@/app/api/v1/vehicles/[id]/[action]/route";
import * as driversRoute from "@/app/api/v1/drivers/route";
import * as driverRoute from "@/app/api/v1/drivers/[id]/route";
import * as driverActionRoute from "@/app/api/v1/drivers/[id]/[action]/route";
import type { Actor } from "@/lib/auth/actor";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { gstinCheckDigit } from "@/lib/integrations/gst/gstin";
import { createDriver, getDriverOrThrow, updateDriver } from "@/lib/logistics/fleet/drivers";
import { runFleetReminders } from "@/lib/logistics/fleet/reminders";
import { createVehicle, getVehicleOrThrow, listVehicles, updateVehicle } from "@/lib/logistics/fleet/vehicles";
import { createWarehouse } from "../support/catalog-factories";
import { createStaff, ctxFor, tenant } from "../support/factories";
import { call } from "../support/http";
import { rejects } from "../support/rejects";

const fails = async (p: Promise<unknown>, match: Record<string, unknown>) => expect(await rejects(p)).toMatchObject(match);

const token = async (actor: Actor) => (await issueTokenPair(prisma, actor)).accessToken;
const base = { type: "TEMPO", ownership: "OWN", capacityKg: "750", capacityM3: "3.2" };
const plate = () => `MH${String(10 + Math.floor(Math.random() * 89))}Z${String(1000 + Math.floor(Math.random() * 8999))}`;

describe("vehicles", () => {
  it("stores the registration number normalised, with capacity, costs and the home depot", async () => {
    const t = await tenant();
    const wh = await createWarehouse(t.company.id);
    const v = await createVehicle(t.ctx, { ...base, registrationNo: "dl-1c ab 1234", label: "Tata Ace Gold", capacityCrates: "60", costPerKm: "14.50", costPerTrip: "300", homeWarehouseId: wh.id, insuranceExpiry: "2030-01-31" });
    expect(v).toMatchObject({ registrationNo: "DL01CAB1234", type: "TEMPO", capacityKg: "750.00", capacityM3: "3.200", capacityCrates: 60, costPerKm: "14.50", costPerTrip: "300.00", homeWarehouse: { id: wh.id }, insuranceExpiry: "2030-01-31", documentStatus: "ok" });
    const audit = await prisma.auditLog.findFirst({ where: { entityId: v.id, action: "vehicle.create" } });
    expect(audit?.companyId).toBe(t.company.id);
  });

  it("takes every format of the e-way bill table through the API", async () => {
    const t = await tenant();
    const tk = await token(t.actor);
    const samples = ["MH15AB1234", "KA01A1234", "RJ141A1234", "22BH1234AA", "DLC1234", "DF123456", "TM1234567", "BP1A1234", "NP01PA1234"];
    for (const registrationNo of samples) {
      const res = await call(vehiclesRoute.POST, { method: "POST", token: tk, body: { ...base, registrationNo } });
      expect([registrationNo, res.status]).toEqual([registrationNo, 201]);
    }
    const list = await call(vehiclesRoute.GET, { token: tk, path: "/api/v1/vehicles?limit=50" });
    expect(list.json.data.map((v: { registrationNo: string }) => v.registrationNo).sort()).toEqual([...samples].sort());
  });

  it("bad input: 4xx naming each field, nothing written", async () => {
    const t = await tenant();
    const tk = await token(t.actor);
    const before = await prisma.vehicle.count({ where: { companyId: t.company.id } });
    const cases: [Record<string, unknown>, string][] = [
      [{ ...base, registrationNo: "XX15AB1234" }, "registrationNo"],
      [{ ...base, registrationNo: "MH15AB12345" }, "registrationNo"],
      [{ ...base, registrationNo: plate(), capacityKg: "0" }, "capacityKg"],
      [{ ...base, registrationNo: plate(), capacityM3: "lots" }, "capacityM3"],
      [{ ...base, registrationNo: plate(), type: "ROCKET" }, "type"],
      [{ ...base, registrationNo: plate(), ownership: "HIRED" }, "transporterName"],
      [{ ...base, registrationNo: plate(), ownership: "HIRED", transporterName: "Shree Roadlines", transporterId: "27AAAAA0000A1Z0" }, "transporterId"],
      [{ ...base, registrationNo: plate(), transporterName: "Someone" }, "transporterName"],
      [{ ...base, registrationNo: plate(), pucExpiry: "2026-02-30" }, "pucExpiry"],
      [{ ...base, registrationNo: plate(), costPerKm: "-3" }, "costPerKm"],
      [{ ...base, registrationNo: plate(), homeWarehouseId: "nope" }, "homeWarehouseId"],
      [{ ...base, registrationNo: plate(), colour: "red" }, "colour"],
    ];
    for (const [body, field] of cases) {
      const res = await call(vehiclesRoute.POST, { method: "POST", token: tk, body });
      expect([field, res.status]).toEqual([field, res.status >= 400 && res.status < 500 ? res.status : "not 4xx"]);
      expect(Object.keys(res.json.errors ?? {}), JSON.stringify(res.json)).toContain(field);
    }
    expect(await prisma.vehicle.count({ where: { companyId: t.company.id } })).toBe(before);
  });

  it("a hired vehicle with a GSTIN or TRANSIN transporter id; switching to own clears the transporter", async () => {
    const t = await tenant();
    const body14 = "29AABCT1234X9Y";
    const transin = body14 + gstinCheckDigit(body14);
    const v = await createVehicle(t.ctx, { ...base, type: "TRUCK", registrationNo: "KA05MN4321", ownership: "HIRED", transporterName: "Shree Roadlines", transporterId: transin.toLowerCase() });
    expect(v).toMatchObject({ ownership: "HIRED", transporterName: "Shree Roadlines", transporterId: transin });
    const own = await updateVehicle(t.ctx, v.id, { ownership: "OWN" });
    expect(own).toMatchObject({ ownership: "OWN", transporterName: null, transporterId: null });
    await fails(updateVehicle(t.ctx, v.id, { ownership: "HIRED" }), { code: "validation", fieldErrors: { transporterName: expect.any(Array) } });
  });

  it("the same registration twice in a company is a conflict on registrationNo (DL1CAB1234 and DL01CAB1234 are one)", async () => {
    const t = await tenant();
    await createVehicle(t.ctx, { ...base, registrationNo: "DL1CAB1234" });
    await fails(createVehicle(t.ctx, { ...base, registrationNo: "DL01CAB1234" }), { code: "conflict", fieldErrors: { registrationNo: expect.any(Array) } });
    // Another company may have the same vehicle (a hired truck serves several distributors).
    const other = await tenant();
    expect((await createVehicle(other.ctx, { ...base, registrationNo: "DL01CAB1234" })).registrationNo).toBe("DL01CAB1234");
  });

  it("another company's vehicle is 404 everywhere; a warehouse of another company cannot be the home depot", async () => {
    const a = await tenant();
    const b = await tenant();
    const v = await createVehicle(a.ctx, { ...base, registrationNo: plate() });
    const tk = await token(b.actor);
    expect((await call(vehicleRoute.GET, { token: tk, params: { id: v.id } })).status).toBe(404);
    expect((await call(vehicleRoute.PATCH, { method: "PATCH", token: tk, params: { id: v.id }, body: { label: "Mine now" } })).status).toBe(404);
    expect((await call(vehicleActionRoute.POST, { method: "POST", token: tk, params: { id: v.id, action: "deactivate" } })).status).toBe(404);
    expect((await getVehicleOrThrow(a.ctx, v.id)).label).toBeNull();
    const bWarehouse = await createWarehouse(b.company.id);
    await fails(updateVehicle(a.ctx, v.id, { homeWarehouseId: bWarehouse.id }), { code: "validation", fieldErrors: { homeWarehouseId: expect.any(Array) } });
  });

  it("deactivate and reactivate; a second deactivate is 409; sales staff may read, not write; a driver may read", async () => {
    const t = await tenant();
    const v = await createVehicle(t.ctx, { ...base, registrationNo: plate() });
    const tk = await token(t.actor);
    expect((await call(vehicleActionRoute.POST, { method: "POST", token: tk, params: { id: v.id, action: "deactivate" } })).json.active).toBe(false);
    expect((await call(vehicleActionRoute.POST, { method: "POST", token: tk, params: { id: v.id, action: "deactivate" } })).status).toBe(409);
    expect((await call(vehicleActionRoute.POST, { method: "POST", token: tk, params: { id: v.id, action: "scrap" } })).status).toBe(400);
    expect((await listVehicles(t.ctx)).items.map((x) => x.id)).not.toContain(v.id);
    expect((await call(vehicleActionRoute.POST, { method: "POST", token: tk, params: { id: v.id, action: "activate" } })).json.active).toBe(true);
    const sales = await createStaff(t.company.id, "SALES");
    expect((await listVehicles(sales.ctx)).items).toHaveLength(1);
    await fails(createVehicle(sales.ctx, { ...base, registrationNo: plate() }), { code: "forbidden" });
    const driver = await createStaff(t.company.id, "DRIVER");
    expect((await getVehicleOrThrow(driver.ctx, v.id)).id).toBe(v.id);
  });

  it("list badges: expired and expiring soon, and attention=true", async () => {
    const t = await tenant();
    const now = new Date("2026-12-06T06:00:00Z");
    const ctx = ctxFor(t.actor, now);
    const ok = await createVehicle(ctx, { ...base, registrationNo: plate(), rcExpiry: "2031-01-01" });
    const soon = await createVehicle(ctx, { ...base, registrationNo: plate(), insuranceExpiry: "2026-12-20" });
    const lapsed = await createVehicle(ctx, { ...base, registrationNo: plate(), pucExpiry: "2026-12-01", insuranceExpiry: "2026-12-20" });
    expect([ok.documentStatus, soon.documentStatus, lapsed.documentStatus]).toEqual(["ok", "expiring", "expired"]);
    expect(lapsed.warnings.map((w) => w.message)).toEqual(["PUC certificate expired on 2026-12-01", "Insurance expires in 14 days (2026-12-20)"]);
    expect((await listVehicles(ctx, { attention: "true" })).items.map((v) => v.id).sort()).toEqual([soon.id, lapsed.id].sort());
  });
});

describe("drivers", () => {
  it("an external driver of a hired transporter: phone and licence normalised", async () => {
    const t = await tenant();
    const d = await createDriver(t.ctx, { name: "Ramesh Patil", phone: "098220 12345", licenceNo: "mh-14-2011-0062821", licenceExpiry: "2031-03-31", transporterName: "Shree Roadlines" });
    expect(d).toMatchObject({ kind: "EXTERNAL", name: "Ramesh Patil", phone: "+919822012345", licenceNo: "MH1420110062821", licenceExpiry: "2031-03-31", transporterName: "Shree Roadlines", userId: null });
  });

  it("links an existing staff member (name from their account); the same person twice is a conflict", async () => {
    const t = await tenant();
    const staff = await createStaff(t.company.id, "DRIVER", { name: "Suresh Jadhav" });
    const d = await createDriver(t.ctx, { userId: staff.user.id, phone: "9876500001", licenceNo: "MH1220150012345" });
    expect(d).toMatchObject({ kind: "EMPLOYEE", name: "Suresh Jadhav", userId: staff.user.id, email: staff.user.email });
    await fails(createDriver(t.ctx, { userId: staff.user.id, phone: "9876500002", licenceNo: "MH1220150012346" }), { code: "conflict", fieldErrors: { userId: expect.any(Array) } });
    // A user of another company is not a staff member here.
    const other = await tenant();
    await fails(createDriver(t.ctx, { userId: other.user.id, phone: "9876500003", licenceNo: "MH1220150012347" }), { code: "validation", fieldErrors: { userId: expect.any(Array) } });
  });

  it("invites a new employee with the DRIVER role through add-employee; a refused licence invites no one", async () => {
    const t = await tenant();
    const email = `driver-${Date.now()}@test.example`;
    const d = await createDriver(t.ctx, { name: "Anil More", inviteEmail: email, phone: "9876500010", licenceNo: "MH1420190054321" });
    const m = await prisma.membership.findFirstOrThrow({ where: { companyId: t.company.id, user: { email } } });
    expect([m.role, d.userId, d.kind]).toEqual(["DRIVER", m.userId, "EMPLOYEE"]);
    const email2 = `driver2-${Date.now()}@test.example`;
    await fails(createDriver(t.ctx, { name: "Copy", inviteEmail: email2, phone: "9876500011", licenceNo: "MH1420190054321" }), { code: "conflict", fieldErrors: { licenceNo: expect.any(Array) } });
    expect(await prisma.user.count({ where: { email: email2 } })).toBe(0);
    // A manager may run the fleet but not add employees: the invitation is refused.
    const manager = await createStaff(t.company.id, "MANAGER");
    await fails(createDriver(manager.ctx, { name: "X", inviteEmail: `m-${Date.now()}@test.example`, phone: "9876500012", licenceNo: "MH1420190054322" }), { code: "forbidden" });
  });

  it("bad input: 4xx naming the field, nothing written; another company's driver is 404", async () => {
    const t = await tenant();
    const tk = await token(t.actor);
    const ok = { name: "Ramesh", phone: "9822012345", licenceNo: "MH1420110062821", transporterName: "Shree Roadlines" };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...ok, phone: "12345" }, "phone"],
      [{ ...ok, phone: "5822012345" }, "phone"],
      [{ ...ok, licenceNo: "MH14" }, "licenceNo"],
      [{ ...ok, licenceNo: "ZZ1420110062821" }, "licenceNo"],
      [{ ...ok, licenceExpiry: "31/12/2030" }, "licenceExpiry"],
      [{ ...ok, transporterName: undefined }, "transporterName"],
      [{ ...ok, name: undefined }, "name"],
      [{ ...ok, transporterName: undefined, inviteEmail: "not-an-email" }, "inviteEmail"],
    ];
    for (const [body, field] of cases) {
      const res = await call(driversRoute.POST, { method: "POST", token: tk, body });
      expect([field, res.status >= 400 && res.status < 500]).toEqual([field, true]);
      expect(Object.keys(res.json.errors ?? {})).toContain(field);
    }
    expect(await prisma.driver.count({ where: { companyId: t.company.id } })).toBe(0);
    const d = await createDriver(t.ctx, ok);
    const b = await tenant();
    const tkB = await token(b.actor);
    expect((await call(driverRoute.GET, { token: tkB, params: { id: d.id } })).status).toBe(404);
    expect((await call(driverRoute.PATCH, { method: "PATCH", token: tkB, params: { id: d.id }, body: { name: "Taken" } })).status).toBe(404);
    expect((await call(driverActionRoute.POST, { method: "POST", token: tkB, params: { id: d.id, action: "deactivate" } })).status).toBe(404);
    expect((await getDriverOrThrow(t.ctx, d.id)).name).toBe("Ramesh");
    expect((await call(driverRoute.PATCH, { method: "PATCH", token: tk, params: { id: d.id }, body: { phone: "+91 99887 76655" } })).json.phone).toBe("+919988776655");
    await fails(updateDriver(t.ctx, d.id, { transporterName: "" }), { code: "validation", fieldErrors: { transporterName: expect.any(Array) } });
  });
});

describe("document reminders (daily job)", () => {
  it("owner and managers get one notification per document and threshold; running twice adds nothing; a renewed document is reminded again", async () => {
    const t = await tenant();
    const manager = await createStaff(t.company.id, "MANAGER");
    const sales = await createStaff(t.company.id, "SALES");
    const driverUser = await createStaff(t.company.id, "DRIVER");
    const day = (s: string) => new Date(`${s}T03:00:00Z`); // 08:30 in India
    const ctx = ctxFor(t.actor, day("2026-12-01"));
    const v = await createVehicle(ctx, { ...base, registrationNo: plate(), insuranceExpiry: "2026-12-31", pucExpiry: "2027-06-01" });
    const d = await createDriver(ctx, { userId: driverUser.user.id, phone: "9876511111", licenceNo: "MH1420100011111", licenceExpiry: "2026-12-08" });
    const mine = () => prisma.notification.findMany({ where: { companyId: t.company.id, event: "fleet.document_expiry" }, orderBy: { dedupeKey: "asc" } });

    const first = await runFleetReminders({ now: day("2026-12-01"), companyId: t.company.id });
    // Insurance in 30 days → 30-day notice; licence in 7 days → 7-day notice (owner, manager, and the driver for their licence).
    expect(first.notifications).toBe(2 + 3);
    expect(await runFleetReminders({ now: day("2026-12-01"), companyId: t.company.id })).toMatchObject({ notifications: 0 });
    const rows = await mine();
    expect(rows.map((r) => r.userId).sort()).toEqual([t.user.id, manager.user.id, t.user.id, manager.user.id, driverUser.user.id].sort());
    expect(rows.some((r) => r.userId === sales.user.id)).toBe(false);
    expect(rows.find((r) => r.link === `/fleet/vehicles/${v.id}`)?.title).toMatch(/^Insurance of MH.* expires soon$/);

    // Days later: the licence expires tomorrow (1-day), then on the day (0), then has lapsed (no more).
    await runFleetReminders({ now: day("2026-12-07"), companyId: t.company.id });
    await runFleetReminders({ now: day("2026-12-08"), companyId: t.company.id });
    await runFleetReminders({ now: day("2026-12-09"), companyId: t.company.id });
    await runFleetReminders({ now: day("2026-12-09"), companyId: t.company.id });
    const licence = (await mine()).filter((r) => r.link === `/fleet/drivers/${d.id}` && r.userId === t.user.id);
    expect(licence.map((r) => r.dedupeKey.split(":").slice(4, 6).join(":"))).toEqual(["2026-12-08:0", "2026-12-08:1", "2026-12-08:7"]);

    // Renewed: a new expiry date is a new document to remind about.
    await updateDriver(ctx, d.id, { licenceExpiry: "2026-12-31" });
    expect((await runFleetReminders({ now: day("2026-12-09"), companyId: t.company.id })).notifications).toBe(3);
  });
});

describe("warnings for a trip", () => {
  it("tripFleetWarnings: lapsed and soon-lapsing papers on the trip date, inactive vehicle or driver; another company's ids give nothing", async () => {
    const { tripFleetWarnings } = await import("@/lib/logistics/fleet/trip-warnings");
    const t = await tenant();
    const v = await createVehicle(t.ctx, { ...base, registrationNo: plate(), pucExpiry: "2026-12-10", insuranceExpiry: "2026-12-20" });
    const d = await createDriver(t.ctx, { name: "Ganpat", phone: "9822099999", licenceNo: "MH1220100099999", licenceExpiry: "2026-12-12", transporterName: "Roadlines" });
    const w = await tripFleetWarnings(prisma, t.company.id, { vehicleId: v.id, driverId: d.id, tripDate: "2026-12-11" });
    expect(w.vehicle.map((x) => [x.document, x.status])).toEqual([["puc", "expired"]]);
    expect(w.driver.map((x) => [x.document, x.status, x.daysLeft])).toEqual([["licence", "expiring", 1]]);
    expect(w.messages).toEqual([`${v.registrationNo}: PUC certificate expired on 2026-12-10`, "Ganpat: Driving licence expires in 1 day (2026-12-12)"]);
    await prisma.vehicle.update({ where: { id: v.id }, data: { active: false } });
    expect((await tripFleetWarnings(prisma, t.company.id, { vehicleId: v.id, tripDate: "2026-12-01" })).inactive).toEqual(["vehicle"]);
    const other = await tenant();
    expect(await tripFleetWarnings(prisma, other.company.id, { vehicleId: v.id, driverId: d.id, tripDate: "2026-12-11" })).toEqual({ vehicle: [], driver: [], inactive: [], messages: [] });
  });
});
