import "server-only";
// A delivery trip for a day from a depot, with or without its vehicle and driver yet (a draft).
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { nextDocumentNumber } from "@/lib/inventory/numbering";
import { loadTripView, type TripView } from "@/lib/logistics/trips/trip-views";
import { createTripInput } from "@/lib/logistics/trips/trips.schemas";
import { dayToDbDate, isCalendarDay, istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

type Tx = Prisma.TransactionClient;

export async function createTrip(ctx: Ctx, input: unknown): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(createTripInput, input);
  if (!isCalendarDay(data.tripDate)) throw new AppError("validation", "Trip date is not a calendar day", { fieldErrors: { tripDate: ["Not a calendar day"] } });
  if (data.tripDate < istDay(new Date(ctx.now().getTime() - 86_400_000))) throw new AppError("validation", "A trip cannot be planned in the past", { fieldErrors: { tripDate: ["In the past"] } });
  return ctx.db.$transaction(async (tx) => {
    const depot = await tx.warehouse.findFirst({ where: { id: data.depotWarehouseId, companyId: actor.companyId, active: true }, select: { id: true } });
    if (!depot) throw new AppError("validation", "Choose an active warehouse of your company as the depot", { fieldErrors: { depotWarehouseId: ["Not an active warehouse"] } });
    await assertFleet(tx, actor.companyId, data);
    const number = await nextDocumentNumber(tx, { companyId: actor.companyId, prefix: "TRP", date: dayToDbDate(data.tripDate) });
    const trip = await tx.deliveryTrip.create({
      data: {
        companyId: actor.companyId,
        number,
        tripDate: dayToDbDate(data.tripDate),
        depotWarehouseId: depot.id,
        vehicleId: data.vehicleId ?? null,
        driverId: data.driverId ?? null,
        plannedDeparture: data.plannedDeparture ? new Date(data.plannedDeparture) : null,
        notes: data.notes ?? null,
        createdById: actor.userId,
      },
      select: { id: true },
    });
    await recordAudit(ctx, tx, { action: "trip.create", entityType: "DeliveryTrip", entityId: trip.id, companyId: actor.companyId, after: { number, ...data } });
    return loadTripView(tx, actor, actor.companyId, trip.id);
  });
}

/** The vehicle and driver named must be active ones of the company (field errors otherwise). */
export async function assertFleet(tx: Tx, companyId: string, data: { vehicleId?: string | null; driverId?: string | null }) {
  if (data.vehicleId) {
    const v = await tx.vehicle.findFirst({ where: { id: data.vehicleId, companyId, active: true }, select: { id: true } });
    if (!v) throw new AppError("validation", "Choose an active vehicle of your fleet", { fieldErrors: { vehicleId: ["Not an active vehicle of your fleet"] } });
  }
  if (data.driverId) {
    const d = await tx.driver.findFirst({ where: { id: data.driverId, companyId, active: true }, select: { id: true } });
    if (!d) throw new AppError("validation", "Choose an active driver", { fieldErrors: { driverId: ["Not an active driver"] } });
  }
}
