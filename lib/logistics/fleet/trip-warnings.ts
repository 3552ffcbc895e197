import "server-only";
// For the trip code: what a trip on `tripDate` should warn about for its vehicle and driver — papers that
// have lapsed by that day (expired) and those lapsing within 7 days of it (expiring), and an inactive
// vehicle or driver. Rows of another company are ignored (the trip code checks its own ids).
import type { PrismaClient, Tx } from "@/lib/db/client";
import { driverWarnings, vehicleWarnings, type DocumentWarning } from "@/lib/logistics/fleet/documents";

export type TripFleetWarnings = { vehicle: DocumentWarning[]; driver: DocumentWarning[]; inactive: ("vehicle" | "driver")[]; messages: string[] };

export async function tripFleetWarnings(db: PrismaClient | Tx, companyId: string, ref: { vehicleId?: string | null; driverId?: string | null; tripDate: Date | string }): Promise<TripFleetWarnings> {
  const [vehicle, driver] = await Promise.all([
    ref.vehicleId ? db.vehicle.findFirst({ where: { id: ref.vehicleId, companyId } }) : null,
    ref.driverId ? db.driver.findFirst({ where: { id: ref.driverId, companyId } }) : null,
  ]);
  const v = vehicle ? vehicleWarnings(vehicle, ref.tripDate, { withinDays: 7 }) : [];
  const d = driver ? driverWarnings(driver, ref.tripDate, { withinDays: 7 }) : [];
  const inactive = [...(vehicle && !vehicle.active ? (["vehicle"] as const) : []), ...(driver && !driver.active ? (["driver"] as const) : [])];
  const messages = [
    ...v.map((w) => `${vehicle!.registrationNo}: ${w.message}`),
    ...d.map((w) => `${driver!.name}: ${w.message}`),
    ...(vehicle && !vehicle.active ? [`${vehicle.registrationNo} is out of service`] : []),
    ...(driver && !driver.active ? [`${driver.name} is off the roster`] : []),
  ];
  return { vehicle: v, driver: d, inactive, messages };
}
