import "server-only";
// What the trip builder offers to choose from: active depots, vehicles and drivers of the company
// (the fleet screens manage them), and READY shipments on no live trip from a depot.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";

export async function listTripChoices(ctx: Ctx, opts: { depotWarehouseId?: string } = {}) {
  assertCan(ctx.actor, "logistics.read");
  const companyId = ctx.actor.companyId;
  const [depots, vehicles, drivers, shipments] = await Promise.all([
    ctx.db.warehouse.findMany({ where: { companyId, active: true }, select: { id: true, code: true, name: true, isDefault: true }, orderBy: [{ isDefault: "desc" }, { code: "asc" }] }),
    ctx.db.vehicle.findMany({ where: { companyId, active: true }, select: { id: true, registrationNo: true, type: true, label: true, capacityKg: true, capacityM3: true, capacityCrates: true }, orderBy: { registrationNo: "asc" } }),
    ctx.db.driver.findMany({ where: { companyId, active: true }, select: { id: true, name: true, phone: true }, orderBy: { name: "asc" } }),
    opts.depotWarehouseId
      ? ctx.db.shipment.findMany({
          where: { companyId, status: "READY", currentTripId: null, warehouseId: opts.depotWarehouseId },
          select: { id: true, number: true, shipToName: true, shipToCity: true, shipToPincode: true, packages: true, weightKg: true, volumeM3: true, crates: true, orders: { select: { order: { select: { number: true } } } } },
          orderBy: [{ shipToPincode: "asc" }, { number: "asc" }],
          take: 200,
        })
      : Promise.resolve([]),
  ]);
  return {
    depots,
    vehicles: vehicles.map((v) => ({ id: v.id, label: `${v.registrationNo}${v.label ? ` · ${v.label}` : ""} (${v.capacityKg.toFixed(0)} kg, ${v.capacityM3.toFixed(1)} m³${v.capacityCrates != null ? `, ${v.capacityCrates} crates` : ""})` })),
    drivers: drivers.map((d) => ({ id: d.id, label: `${d.name} · ${d.phone}` })),
    shipments: shipments.map((s) => ({ id: s.id, number: s.number, consignee: s.shipToName, place: `${s.shipToCity} ${s.shipToPincode}`, packages: s.packages, weightKg: s.weightKg.toFixed(2), volumeM3: s.volumeM3.toFixed(3), crates: s.crates, orders: s.orders.map((o) => o.order.number) })),
  };
}
