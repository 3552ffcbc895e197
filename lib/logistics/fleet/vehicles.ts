import "server-only";
// The company's vehicles: own and hired, with capacity, costs, home depot and document expiry dates.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { Tx } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { createVehicleInput, fleetStatusAction, listFleetInput, transporterRule, updateVehicleInput } from "@/lib/logistics/fleet/fleet.schemas";
import { toVehicleView, type VehicleView } from "@/lib/logistics/fleet/views";
import { parseInput, validationError } from "@/lib/validation";
import { z } from "zod";

const include = { homeWarehouse: { select: { id: true, code: true, name: true } } } as const;

export async function listVehicles(ctx: Ctx, input: unknown = {}): Promise<{ items: VehicleView[] }> {
  assertCan(ctx.actor, "logistics.read");
  const q = parseInput(listFleetInput, input);
  const rows = await ctx.db.vehicle.findMany({
    where: {
      companyId: ctx.actor.companyId,
      ...(q.status === "all" ? {} : { active: q.status === "active" }),
      ...(q.q ? { OR: [{ registrationNo: { contains: q.q.toUpperCase().replace(/[\s-]/g, "") } }, { label: { contains: q.q, mode: "insensitive" } }, { transporterName: { contains: q.q, mode: "insensitive" } }] } : {}),
    },
    include,
    orderBy: [{ active: "desc" }, { registrationNo: "asc" }],
    take: 500,
  });
  const items = rows.map((v) => toVehicleView(v, ctx.now()));
  return { items: q.attention === "true" ? items.filter((v) => v.documentStatus !== "ok") : items };
}

export async function getVehicleOrThrow(ctx: Ctx, id: string): Promise<VehicleView> {
  assertCan(ctx.actor, "logistics.read");
  const v = await ctx.db.vehicle.findFirst({ where: { id: String(id), companyId: ctx.actor.companyId }, include });
  if (!v) throw notFound("Vehicle");
  return toVehicleView(v, ctx.now());
}

export async function createVehicle(ctx: Ctx, input: unknown): Promise<VehicleView> {
  assertCan(ctx.actor, "logistics.write");
  const data = parseInput(createVehicleInput, input);
  const companyId = ctx.actor.companyId;
  return uniqueRegistration(() =>
    ctx.db.$transaction(async (tx) => {
      await assertWarehouse(tx, companyId, data.homeWarehouseId);
      const v = await tx.vehicle.create({ data: { ...toColumns(data), registrationNo: data.registrationNo, type: data.type, capacityKg: data.capacityKg, capacityM3: data.capacityM3, companyId }, include });
      const view = toVehicleView(v, ctx.now());
      await recordAudit(ctx, tx, { action: "vehicle.create", entityType: "Vehicle", entityId: v.id, after: auditOf(view) });
      return view;
    }),
  );
}

export async function updateVehicle(ctx: Ctx, id: string, input: unknown): Promise<VehicleView> {
  assertCan(ctx.actor, "logistics.write");
  const data = parseInput(updateVehicleInput, input);
  if (Object.keys(data).length === 0) throw new AppError("validation", "Nothing to change", { fieldErrors: { _: ["Send at least one field to change"] } });
  const companyId = ctx.actor.companyId;
  return uniqueRegistration(() =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.vehicle.findFirst({ where: { id: String(id), companyId }, include });
      if (!before) throw notFound("Vehicle");
      // The transporter rule holds for the vehicle as it will be, not only for the fields sent.
      const merged = { ownership: data.ownership ?? before.ownership, transporterName: "transporterName" in data ? data.transporterName : before.transporterName, transporterId: "transporterId" in data ? data.transporterId : before.transporterId };
      if (data.ownership === "OWN" && !("transporterName" in data) && !("transporterId" in data)) Object.assign(merged, { transporterName: null, transporterId: null });
      const issues = z.object({}).passthrough().superRefine((_, c) => transporterRule(merged, c)).safeParse({});
      if (!issues.success) throw validationError(issues.error);
      await assertWarehouse(tx, companyId, data.homeWarehouseId);
      const after = await tx.vehicle.update({ where: { id: before.id, companyId }, data: { ...toColumns(data), transporterName: merged.transporterName ?? null, transporterId: merged.transporterId ?? null }, include });
      const view = toVehicleView(after, ctx.now());
      await recordAudit(ctx, tx, { action: "vehicle.update", entityType: "Vehicle", entityId: before.id, before: auditOf(toVehicleView(before, ctx.now())), after: auditOf(view) });
      return view;
    }),
  );
}

/** Deactivate (kept for history and past trips; leaves pickers) or reactivate. */
export async function setVehicleActive(ctx: Ctx, id: string, action: unknown): Promise<VehicleView> {
  assertCan(ctx.actor, "logistics.write");
  const a = parseInput(fleetStatusAction, action);
  const active = a === "activate";
  const companyId = ctx.actor.companyId;
  return ctx.db.$transaction(async (tx) => {
    const v = await tx.vehicle.findFirst({ where: { id: String(id), companyId } });
    if (!v) throw notFound("Vehicle");
    const moved = await tx.vehicle.updateMany({ where: { id: v.id, companyId, active: !active }, data: { active } });
    if (moved.count === 0) throw new AppError("invalid_transition", `${v.registrationNo} is already ${active ? "active" : "inactive"}`, { details: { state: active ? "active" : "inactive" } });
    await recordAudit(ctx, tx, { action: active ? "vehicle.activate" : "vehicle.deactivate", entityType: "Vehicle", entityId: v.id, before: { active: !active }, after: { active } });
    return toVehicleView(await tx.vehicle.findUniqueOrThrow({ where: { id: v.id }, include }), ctx.now());
  });
}

type Parsed = Partial<z.output<typeof createVehicleInput>>;

function toColumns(d: Parsed) {
  const date = (v: string | null | undefined) => (v === undefined ? undefined : v === null ? null : new Date(`${v}T00:00:00Z`));
  return {
    registrationNo: d.registrationNo,
    type: d.type,
    label: d.label,
    ownership: d.ownership,
    transporterName: d.ownership === "OWN" ? null : d.transporterName,
    transporterId: d.ownership === "OWN" ? null : d.transporterId,
    capacityKg: d.capacityKg,
    capacityM3: d.capacityM3,
    capacityCrates: d.capacityCrates,
    costPerKm: d.costPerKm,
    costPerTrip: d.costPerTrip,
    homeWarehouseId: d.homeWarehouseId,
    rcExpiry: date(d.rcExpiry),
    insuranceExpiry: date(d.insuranceExpiry),
    fitnessExpiry: date(d.fitnessExpiry),
    permitExpiry: date(d.permitExpiry),
    pucExpiry: date(d.pucExpiry),
    notes: d.notes,
  } as const;
}

async function assertWarehouse(tx: Tx, companyId: string, warehouseId: string | null | undefined) {
  if (!warehouseId) return;
  const w = await tx.warehouse.findFirst({ where: { id: warehouseId, companyId }, select: { id: true } });
  if (!w) throw new AppError("validation", "Invalid input: homeWarehouseId", { fieldErrors: { homeWarehouseId: ["No such warehouse in this company"] } });
}

function auditOf(v: VehicleView) {
  const { warnings: _w, documentStatus: _d, homeWarehouse: _h, createdAt: _c, updatedAt: _u, ...rest } = v;
  return rest;
}

async function uniqueRegistration<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw new AppError("conflict", "Another vehicle already has this registration number", { fieldErrors: { registrationNo: ["Already used by another vehicle of this company"] } });
    }
    throw err;
  }
}
