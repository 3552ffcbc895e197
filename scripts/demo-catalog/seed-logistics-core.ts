// Demo logistics for Shree Ganesh (the main demo vendor), through the same domain functions the
// dispatcher and the drivers use: shop positions and receiving hours for the demo retailers, a
// depot position, two vehicles (one with its PUC lapsed, to show the warning) and the two drivers,
// a trip of five days ago delivered with proof of delivery (one stop short: the missing goods came
// back and a credit note waits for the accountant), a trip planned for today with several stops, and
// three packed and invoiced orders waiting for a trip.
// Each step runs on its own clock.
//
// Idempotent: a vendor that already has a trip is left alone (positions are set only where missing).
import { randomUUID } from "node:crypto";
import { loadActor } from "@/lib/auth/load-actor";
import type { Actor } from "@/lib/auth/actor";
import { invoiceOrder } from "@/lib/billing/invoice-order";
import { makeCtx, type Ctx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { recordDriverUpdate } from "@/lib/logistics/driver/record-driver-update";
import { createShipment } from "@/lib/logistics/shipments/create-shipment";
import { addShipmentsToTrip } from "@/lib/logistics/trips/add-shipments-to-trip";
import { createTrip } from "@/lib/logistics/trips/create-trip";
import { scheduleTrip } from "@/lib/logistics/trips/schedule-trip";
import { startTrip } from "@/lib/logistics/trips/start-trip";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { releaseCreditHold } from "@/lib/orders/release-credit-hold";
import { istDay } from "@/lib/pricing/dates";
import sharp from "sharp";

type Ids = { companyIds: Map<string, string>; userIds: Map<string, string>; retailerIds: Map<string, string> };

/** Plausible shop positions in each retailer's city and the hours they take deliveries (minutes after midnight, IST). */
const shops: Record<string, { lat: string; lng: string; from: number; to: number; phone?: string }> = {
  sharma: { lat: "19.997453", lng: "73.789802", from: 9 * 60, to: 21 * 60 },
  patil: { lat: "16.705030", lng: "74.243253", from: 10 * 60, to: 20 * 60 },
  laxmi: { lat: "18.508934", lng: "73.926018", from: 8 * 60 + 30, to: 13 * 60 },
  balaji: { lat: "21.170240", lng: "72.831062", from: 10 * 60, to: 19 * 60 },
  mehta: { lat: "23.036500", lng: "72.561100", from: 10 * 60 + 30, to: 20 * 60 },
  freshmart: { lat: "12.978400", lng: "77.640800", from: 7 * 60, to: 11 * 60 },
  annapoorna: { lat: "13.041800", lng: "80.234100", from: 9 * 60, to: 18 * 60 },
  gupta: { lat: "22.719600", lng: "75.857700", from: 10 * 60, to: 21 * 60 },
};

const CODE = "SGAF";
const owner = "owner@shreeganesh.example";
const godown = "sunil.pawar@shreeganesh.example";
const accountant = "pooja.kale@shreeganesh.example";
const drivers = [
  { email: "rahul.jadhav@shreeganesh.example", licenceNo: "MH1220150034871", vehicle: "MH12TR4521" },
  { email: "sachin.more@shreeganesh.example", licenceNo: "MH1420180021467", vehicle: "MH14GU8830" },
];

export async function seedLogisticsCore(db: PrismaClient, ids: Ids, now = new Date()) {
  for (const [key, s] of Object.entries(shops)) {
    const id = ids.retailerIds.get(key);
    if (id) await db.retailer.updateMany({ where: { id, latitude: null }, data: { latitude: s.lat, longitude: s.lng, receivingFromMin: s.from, receivingToMin: s.to } });
  }
  const companyId = ids.companyIds.get(CODE);
  if (!companyId || (await db.deliveryTrip.count({ where: { companyId } })) > 0) return;
  const actor = async (email: string) => {
    const a = await loadActor(db, ids.userIds.get(email)!, companyId);
    if (!a) throw new Error(`seed: ${email} cannot act for ${CODE}`);
    return a;
  };
  const [boss, packer, accounts] = [await actor(owner), await actor(godown), await actor(accountant)];
  const depot = await db.warehouse.findFirstOrThrow({ where: { companyId, active: true }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
  await db.warehouse.update({ where: { id: depot.id }, data: { latitude: "18.760612", longitude: "73.836410" } });

  // Fleet rows (the fleet screens own their fuller demo): a tempo and an LCV, and the two drivers.
  const day = (offsetDays: number) => new Date(`${istDay(new Date(now.getTime() + offsetDays * 86_400_000))}T00:00:00.000Z`);
  const tempo = await db.vehicle.upsert({
    where: { companyId_registrationNo: { companyId, registrationNo: "MH12TR4521" } },
    create: { companyId, registrationNo: "MH12TR4521", type: "TEMPO", label: "Tata Ace Gold", capacityKg: "750", capacityM3: "4.5", capacityCrates: 60, homeWarehouseId: depot.id, rcExpiry: day(2400), insuranceExpiry: day(210), fitnessExpiry: day(400), permitExpiry: day(300), pucExpiry: day(90) },
    update: {},
  });
  const lcv = await db.vehicle.upsert({
    where: { companyId_registrationNo: { companyId, registrationNo: "MH14GU8830" } },
    create: { companyId, registrationNo: "MH14GU8830", type: "LCV", label: "Mahindra Bolero Pik-Up", capacityKg: "1500", capacityM3: "7.5", homeWarehouseId: depot.id, rcExpiry: day(1800), insuranceExpiry: day(120), fitnessExpiry: day(365), permitExpiry: day(200), pucExpiry: day(-6) },
    update: {},
  });
  const driverRows = [];
  for (const d of drivers) {
    const userId = ids.userIds.get(d.email)!;
    const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, phone: true } });
    driverRows.push(
      await db.driver.upsert({
        where: { companyId_userId: { companyId, userId } },
        create: { companyId, userId, name: user.name, phone: (user.phone ?? "9890631187").replace(/\D/g, "").slice(-10), licenceNo: d.licenceNo, licenceExpiry: day(900) },
        update: {},
      }),
    );
  }

  const connections = await db.connection.findMany({ where: { companyId, status: "ACTIVE" }, select: { id: true, retailerId: true } });
  const connectionOf = (key: string) => connections.find((c) => c.retailerId === ids.retailerIds.get(key))?.id;
  const products = await db.product.findMany({ where: { companyId, active: true, stockOnHand: { gt: 50 } }, select: { id: true, minOrderQty: true, sellInPacks: true, packSize: true }, orderBy: { sku: "asc" }, take: 12 });
  const qtyOf = (p: (typeof products)[number], times: number) => String((p.sellInPacks && p.packSize ? Number(p.packSize) : Math.max(1, Number(p.minOrderQty))) * times);
  const at = (daysAgo: number, hour: number) => new Date(Math.min(now.getTime() - 5 * 60_000, Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - daysAgo, 0, 0) + (hour * 60 - 330) * 60_000));
  const ctxAt = (a: Actor, when: Date): Ctx => makeCtx(a, { db, now: () => when });

  /** An order placed, confirmed, packed and invoiced on its own clock, then (unless told) put on a shipment. */
  const readyShipment = async (key: string, daysAgo: number, pick: number[], ship = true) => {
    const connectionId = connectionOf(key);
    if (!connectionId) return null;
    const lines = pick.map((i) => products[i % products.length]).filter((p, i, all) => all.findIndex((x) => x.id === p.id) === i).map((p, n) => ({ productId: p.id, quantity: qtyOf(p, 1 + (n % 2)) }));
    const o = await placeOrder(ctxAt(boss, at(daysAgo, 10)), { connectionId, lines, notes: "Phone order for the route" }, { source: "STAFF" });
    if (o.creditHold) await releaseCreditHold(ctxAt(boss, at(daysAgo, 10.5)), o.id, { note: "Regular customer; cheque for the last bill received" });
    await confirmOrder(ctxAt(boss, at(daysAgo, 11)), o.id, {});
    await packOrder(ctxAt(packer, at(daysAgo - 1 < 0 ? 0 : daysAgo - 1, 9)), o.id, { note: `${lines.length + 1} cartons` });
    await invoiceOrder(ctxAt(accounts, at(daysAgo - 1 < 0 ? 0 : daysAgo - 1, 10)), o.id, {});
    if (!ship) return null;
    return createShipment(ctxAt(packer, at(daysAgo - 1 < 0 ? 0 : daysAgo - 1, 11)), { orderIds: [o.id], packages: lines.length + 1, weightKg: String(18 * (lines.length + 1)), volumeM3: (0.09 * (lines.length + 1)).toFixed(3), crates: 0 });
  };

  // A trip five days ago: Pune, then Nashik; delivered with POD, the Nashik stop short by one line.
  const past = [await readyShipment("laxmi", 7, [0, 3]), await readyShipment("sharma", 7, [1, 4, 6])].filter((s) => s !== null);
  if (past.length) {
    const tripDay = istDay(at(5, 8));
    let trip = await createTrip(ctxAt(boss, at(6, 17)), { tripDate: tripDay, depotWarehouseId: depot.id, vehicleId: tempo.id, driverId: driverRows[0].id, plannedDeparture: `${tripDay}T08:00:00+05:30` });
    trip = await addShipmentsToTrip(ctxAt(boss, at(6, 17)), trip.id, { shipmentIds: past.map((s) => s.id) });
    await scheduleTrip(ctxAt(boss, at(6, 17)), trip.id);
    trip = await startTrip(ctxAt(boss, at(5, 8)), trip.id);
    const driverActor = await actor(drivers[0].email);
    const driverCtx = (when: Date) => ctxAt(driverActor, when);
    const signature = await signaturePng();
    for (const [i, stop] of trip.stops.entries()) {
      const arrive = at(5, 10 + i * 4);
      await recordDriverUpdate(driverCtx(arrive), trip.id, stop.id, { clientUpdateId: randomUUID(), kind: "arrive", occurredAt: arrive.toISOString(), latitude: stop.latitude ? Number(stop.latitude) : undefined, longitude: stop.longitude ? Number(stop.longitude) : undefined });
      const done = new Date(arrive.getTime() + 20 * 60_000);
      const base = { clientUpdateId: randomUUID(), occurredAt: done.toISOString(), receivedBy: i === 0 ? "Dnyaneshwar Sasane" : "Sunita Sharma", signature: { contentType: "image/png", dataBase64: signature } };
      if (i === trip.stops.length - 1 && trip.stops.length > 1) {
        const order = await db.order.findFirstOrThrow({ where: { shipments: { some: { shipmentId: stop.shipments[0].id } } }, select: { lines: { select: { id: true, quantity: true }, orderBy: { position: "asc" } } } });
        const first = order.lines[0];
        await recordDriverUpdate(driverCtx(done), trip.id, stop.id, { ...base, kind: "partly_deliver", note: "One carton crushed in transit; taken back", lines: [{ orderLineId: first.id, deliveredQty: first.quantity.minus(first.quantity.gt(1) ? 1 : first.quantity).toFixed(3) }] });
      } else {
        await recordDriverUpdate(driverCtx(done), trip.id, stop.id, { ...base, kind: "deliver" });
      }
    }
  }

  // Packed and invoiced, waiting for the dispatcher to build a trip (placed before the other packed demo orders).
  for (const key of ["laxmi", "patil", "sharma"]) await readyShipment(key, 6, [key.length, key.length + 3], false);

  // Today's trip, planned: the LCV from the Pune depot to Pune, Nashik and Kolhapur shops.
  const todays = [await readyShipment("laxmi", 4, [2, 5]), await readyShipment("sharma", 4, [7, 8]), await readyShipment("patil", 4, [9, 10, 11])].filter((s) => s !== null);
  if (todays.length) {
    const today = istDay(now);
    let trip = await createTrip(ctxAt(boss, at(0, 8)), { tripDate: today, depotWarehouseId: depot.id, vehicleId: lcv.id, driverId: driverRows[1].id, plannedDeparture: `${today}T09:30:00+05:30`, notes: "Collect the empty crates at Kolhapur" });
    trip = await addShipmentsToTrip(ctxAt(boss, at(0, 8)), trip.id, { shipmentIds: todays.map((s) => s.id) });
    await scheduleTrip(ctxAt(boss, at(0, 8)), trip.id);
  }
}

/** A small signature-like PNG (a scribble on white), as the phone's canvas would send it. */
async function signaturePng(): Promise<string> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="110"><rect width="100%" height="100%" fill="white"/><path d="M10 80 C 40 10, 70 10, 90 70 S 150 100, 170 40 S 230 20, 290 75" stroke="#0f172a" stroke-width="4" fill="none"/></svg>`;
  return (await sharp(Buffer.from(svg)).png().toBuffer()).toString("base64");
}
