// What the API and the screens see of a vehicle or a driver, with its document warnings for today.
import type { Driver, Vehicle } from "@/lib/generated/prisma/client";
import { driverWarnings, vehicleWarnings, type DocumentWarning } from "@/lib/logistics/fleet/documents";

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const money = (d: { toFixed: (n: number) => string } | null) => (d ? d.toFixed(2) : null);

export type VehicleView = ReturnType<typeof toVehicleView>;

export function toVehicleView(v: Vehicle & { homeWarehouse?: { id: string; code: string; name: string } | null }, now: Date) {
  const warnings = vehicleWarnings(v, now);
  return {
    id: v.id,
    registrationNo: v.registrationNo,
    type: v.type,
    label: v.label,
    ownership: v.ownership,
    transporterName: v.transporterName,
    transporterId: v.transporterId,
    capacityKg: v.capacityKg.toFixed(2),
    capacityM3: v.capacityM3.toFixed(3),
    capacityCrates: v.capacityCrates,
    costPerKm: money(v.costPerKm),
    costPerTrip: money(v.costPerTrip),
    homeWarehouseId: v.homeWarehouseId,
    homeWarehouse: v.homeWarehouse ? { id: v.homeWarehouse.id, code: v.homeWarehouse.code, name: v.homeWarehouse.name } : null,
    rcExpiry: day(v.rcExpiry),
    insuranceExpiry: day(v.insuranceExpiry),
    fitnessExpiry: day(v.fitnessExpiry),
    permitExpiry: day(v.permitExpiry),
    pucExpiry: day(v.pucExpiry),
    active: v.active,
    notes: v.notes,
    warnings,
    documentStatus: documentStatus(warnings),
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export type DriverView = ReturnType<typeof toDriverView>;

export function toDriverView(d: Driver & { user?: { email: string; name: string } | null }, now: Date) {
  const warnings = driverWarnings(d, now);
  return {
    id: d.id,
    kind: d.userId ? ("EMPLOYEE" as const) : ("EXTERNAL" as const),
    name: d.name,
    phone: d.phone,
    licenceNo: d.licenceNo,
    licenceExpiry: day(d.licenceExpiry),
    userId: d.userId,
    email: d.user?.email ?? null,
    transporterName: d.transporterName,
    active: d.active,
    warnings,
    documentStatus: documentStatus(warnings),
    createdAt: d.createdAt.toISOString(),
    updatedAt: d.updatedAt.toISOString(),
  };
}

/** The badge of a row: "expired" when any document has lapsed, "expiring" within 30 days, else "ok". */
export function documentStatus(warnings: DocumentWarning[]): "ok" | "expiring" | "expired" {
  if (warnings.some((w) => w.status === "expired")) return "expired";
  return warnings.length ? "expiring" : "ok";
}
