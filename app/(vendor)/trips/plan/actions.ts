"use server";
// Doors for the route planner screen. Rules live in lib/logistics/planning and lib/logistics/trips.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action";
import { moveStop } from "@/lib/logistics/planning/day-plan";
import { planDay } from "@/lib/logistics/planning/plan-day";
import { setTripLock } from "@/lib/logistics/trips/set-lock";

export async function planDayAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => planDay(ctx, input));
  revalidatePath("/trips", "layout");
  return res.ok ? { ok: true, data: null } : res;
}

export async function moveStopAction(tripId: string, stopId: string, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => moveStop(ctx, String(tripId), String(stopId), input));
  revalidatePath("/trips", "layout");
  return res.ok ? { ok: true, data: null } : res;
}

export async function lockTripAction(tripId: string, locked: boolean): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => setTripLock(ctx, String(tripId), { locked: !!locked }));
  revalidatePath("/trips", "layout");
  return res.ok ? { ok: true, data: null } : res;
}
