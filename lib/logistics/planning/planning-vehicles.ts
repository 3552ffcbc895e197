import "server-only";
// The vehicles a dispatcher can plan with: active ones, with what they carry and cost.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";

export type PlanningVehicle = { id: string; registrationNo: string; type: string; label: string | null; ownership: string; capacityKg: string; capacityM3: string; capacityCrates: number | null; costPerKm: string | null; costPerTrip: string | null; homeWarehouseId: string | null };

export async function listPlanningVehicles(ctx: Ctx): Promise<PlanningVehicle[]> {
  assertCan(ctx.actor, "logistics.read");
  const rows = await ctx.db.vehicle.findMany({ where: { companyId: ctx.actor.companyId, active: true }, orderBy: [{ capacityKg: "desc" }, { registrationNo: "asc" }] });
  return rows.map((v) => ({
    id: v.id,
    registrationNo: v.registrationNo,
    type: v.type,
    label: v.label,
    ownership: v.ownership,
    capacityKg: v.capacityKg.toFixed(0),
    capacityM3: v.capacityM3.toFixed(1),
    capacityCrates: v.capacityCrates,
    costPerKm: v.costPerKm?.toFixed(2) ?? null,
    costPerTrip: v.costPerTrip?.toFixed(2) ?? null,
    homeWarehouseId: v.homeWarehouseId,
  }));
}
