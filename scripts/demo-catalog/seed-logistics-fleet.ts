// Demo fleet for Shree Ganesh: a Tata Ace and a BH-series Tata Intra at the Chakan plant, the Eicher 14 ft
// truck that replenishes Nashik, a Bolero Pickup at the Nashik depot and a hired Ashok Leyland Dost for
// Bengaluru runs; the Tata Ace's PUC lapses in 9 days (the list shows the badge, owners get the reminder).
// Drivers: Rahul Jadhav and Sachin More (DRIVER employees who sign in with the demo password) and an external
// driver of the Bengaluru transporter. A shipping sandbox account quotes and books couriers.
//
// Idempotent: a vendor that already has vehicles is left alone.
import { loadActor } from "@/lib/auth/load-actor";
import { makeCtx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { makeGstin } from "@/lib/demo/gstin-fixtures";
import { createDriver } from "@/lib/logistics/fleet/drivers";
import { runFleetReminders } from "@/lib/logistics/fleet/reminders";
import { createVehicle } from "@/lib/logistics/fleet/vehicles";
import { addShippingAccount } from "@/lib/logistics/shipping/shipping-accounts";

type Ids = { companyIds: Map<string, string>; userIds: Map<string, string>; retailerIds: Map<string, string> };

export async function seedLogisticsFleet(db: PrismaClient, ids: Ids) {
  const companyId = ids.companyIds.get("SGAF");
  if (!companyId || (await db.vehicle.count({ where: { companyId } }))) return;
  const actor = await loadActor(db, ids.userIds.get("owner@shreeganesh.example")!, companyId);
  if (!actor) return;
  const ctx = makeCtx(actor, { db });
  const wh = new Map((await db.warehouse.findMany({ where: { companyId }, select: { id: true, code: true } })).map((w) => [w.code, w.id]));
  const inDays = (n: number) => {
    const d = new Date(Date.now() + 330 * 60_000);
    d.setUTCDate(d.getUTCDate() + n);
    return d.toISOString().slice(0, 10);
  };
  const papers = (years: number) => ({ rcExpiry: inDays(365 * 12), insuranceExpiry: inDays(200 + years * 30), fitnessExpiry: inDays(400), permitExpiry: inDays(700), pucExpiry: inDays(150) });

  await createVehicle(ctx, { registrationNo: "MH 12 TR 4521", label: "Tata Ace Gold", type: "TEMPO", ownership: "OWN", capacityKg: "750", capacityM3: "3.2", capacityCrates: "60", costPerKm: "11.50", costPerTrip: "350", homeWarehouseId: wh.get("CHK"), ...papers(1), pucExpiry: inDays(9), notes: "City deliveries, Pune and Pimpri-Chinchwad." });
  await createVehicle(ctx, { registrationNo: "23 BH 4412 C", label: "Tata Intra V30", type: "LCV", ownership: "OWN", capacityKg: "1300", capacityM3: "5.4", capacityCrates: "110", costPerKm: "14", costPerTrip: "400", homeWarehouseId: wh.get("CHK"), ...papers(2) });
  await createVehicle(ctx, { registrationNo: "MH-14-GU-8830", label: "Eicher Pro 2049 (14 ft)", type: "TRUCK", ownership: "OWN", capacityKg: "4500", capacityM3: "22", costPerKm: "28", costPerTrip: "900", homeWarehouseId: wh.get("CHK"), ...papers(3), notes: "Chakan → Nashik depot replenishment; long routes." });
  await createVehicle(ctx, { registrationNo: "MH15HM2207", label: "Mahindra Bolero Pickup", type: "LCV", ownership: "OWN", capacityKg: "1500", capacityM3: "5.8", capacityCrates: "120", costPerKm: "16", costPerTrip: "400", homeWarehouseId: wh.get("NSK"), ...papers(4) });
  await createVehicle(ctx, {
    registrationNo: "KA51AB7719",
    label: "Ashok Leyland Dost+ (hired)",
    type: "LCV",
    ownership: "HIRED",
    transporterName: "Shree Sai Roadlines, Bengaluru",
    transporterId: makeGstin("29", "AAKFS4417R"),
    capacityKg: "1500",
    capacityM3: "6",
    costPerKm: "22",
    costPerTrip: "1200",
    ...papers(5),
    notes: "Booked for FreshMart Bengaluru runs; the transporter's own driver.",
  });

  const driverUser = (email: string) => ids.userIds.get(email);
  const rahul = driverUser("rahul.jadhav@shreeganesh.example");
  const sachin = driverUser("sachin.more@shreeganesh.example");
  if (rahul) await createDriver(ctx, { userId: rahul, phone: "98906 31187", licenceNo: "MH12 20150034512", licenceExpiry: inDays(365 * 5) });
  if (sachin) await createDriver(ctx, { userId: sachin, phone: "98602 77405", licenceNo: "MH14 20120087741", licenceExpiry: inDays(365 * 3) });
  await createDriver(ctx, { name: "Mahesh Gowda", phone: "+91 98450 12233", licenceNo: "KA51 20180012345", licenceExpiry: inDays(365 * 4), transporterName: "Shree Sai Roadlines, Bengaluru" });

  await addShippingAccount(ctx, { provider: "SANDBOX", label: "Courier partner (shipping sandbox)", pickupLocation: "Chakan Plant", pickupPincode: "410501" });
  // Today's reminders at once (the daily job would send them tomorrow morning).
  await runFleetReminders({ companyId });
}
