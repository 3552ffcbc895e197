import "server-only";
// One trip of the company with its stops and shipments; another company's is 404.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { loadTripView, type TripView } from "@/lib/logistics/trips/trip-views";

export async function getTripOrThrow(ctx: Ctx, tripId: string): Promise<TripView> {
  assertCan(ctx.actor, "logistics.read");
  return loadTripView(ctx.db, ctx.actor, ctx.actor.companyId, String(tripId));
}
