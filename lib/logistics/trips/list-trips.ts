import "server-only";
// Trips by day (newest day first, then number), with status and date filters.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import type { Prisma } from "@/lib/generated/prisma/client";
import { tripViewArgs, toTripView, type TripView } from "@/lib/logistics/trips/trip-views";
import { listTripsInput } from "@/lib/logistics/trips/trips.schemas";
import { dayToDbDate } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

export async function listTrips(ctx: Ctx, input: unknown = {}): Promise<{ data: TripView[]; total: number }> {
  assertCan(ctx.actor, "logistics.read");
  const actor = ctx.actor;
  const q = parseInput(listTripsInput, input ?? {});
  const where: Prisma.DeliveryTripWhereInput = { companyId: actor.companyId };
  if (q.status) where.status = q.status;
  if (q.date) where.tripDate = dayToDbDate(q.date);
  else if (q.from || q.to) where.tripDate = { ...(q.from ? { gte: dayToDbDate(q.from) } : {}), ...(q.to ? { lte: dayToDbDate(q.to) } : {}) };
  const [rows, total] = await Promise.all([
    ctx.db.deliveryTrip.findMany({ where, ...tripViewArgs, orderBy: [{ tripDate: "desc" }, { number: "desc" }], skip: q.offset, take: q.pageSize }),
    ctx.db.deliveryTrip.count({ where }),
  ]);
  return { data: rows.map((r) => toTripView(actor, r)), total };
}
