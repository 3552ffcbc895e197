import "server-only";
// The dispatcher's order of the stops (the screen's up/down buttons send the whole new order).
// A locked stop keeps its place.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { refreshEtas, resequenceStops } from "@/lib/logistics/trips/trip-plan";
import { assertTripEditable, loadTripView, lockTripOrThrow, type TripView } from "@/lib/logistics/trips/trip-views";
import { reorderStopsInput } from "@/lib/logistics/trips/trips.schemas";
import { parseInput } from "@/lib/validation";

export async function reorderStops(ctx: Ctx, tripId: string, input: unknown): Promise<TripView> {
  assertCan(ctx.actor, "logistics.write");
  const actor = ctx.actor;
  const data = parseInput(reorderStopsInput, input);
  return ctx.db.$transaction(async (tx) => {
    const trip = await lockTripOrThrow(tx, actor.companyId, tripId);
    assertTripEditable(trip, "reorder its stops");
    const current = trip.stops.map((s) => s.id);
    if (data.stopIds.length !== current.length || new Set(data.stopIds).size !== current.length || !data.stopIds.every((id) => current.includes(id))) {
      throw new AppError("validation", "Give every stop of the trip once, in the new order", { fieldErrors: { stopIds: ["Every stop of the trip, once"] } });
    }
    const moved = trip.stops.find((s, i) => s.locked && data.stopIds[i] !== s.id);
    if (moved) throw new AppError("conflict", `Stop ${moved.sequence} (${moved.name}) is locked: unlock it to move it`, { fieldErrors: { stopIds: [`Stop ${moved.sequence} is locked`] } });
    await resequenceStops(tx, trip.id, data.stopIds);
    await refreshEtas(tx, trip.id);
    await recordAudit(ctx, tx, { action: "trip.reorder", entityType: "DeliveryTrip", entityId: trip.id, companyId: actor.companyId, before: { stops: current }, after: { stops: data.stopIds } });
    return loadTripView(tx, actor, actor.companyId, trip.id);
  });
}
