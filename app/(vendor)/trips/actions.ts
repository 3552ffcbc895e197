"use server";
// Doors for the trip builder. Every rule lives in lib/logistics/trips.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action";
import { addShipmentsToTrip } from "@/lib/logistics/trips/add-shipments-to-trip";
import { cancelTrip } from "@/lib/logistics/trips/cancel-trip";
import { createTrip } from "@/lib/logistics/trips/create-trip";
import { endTripEarly } from "@/lib/logistics/trips/end-trip-early";
import { removeShipmentFromTrip } from "@/lib/logistics/trips/remove-shipment-from-trip";
import { reorderStops } from "@/lib/logistics/trips/reorder-stops";
import { scheduleTrip } from "@/lib/logistics/trips/schedule-trip";
import { setStopLock, setTripLock } from "@/lib/logistics/trips/set-lock";
import { startTrip } from "@/lib/logistics/trips/start-trip";
import type { TripView } from "@/lib/logistics/trips/trip-views";
import { updateTrip } from "@/lib/logistics/trips/update-trip";

/** The screens re-read the trip after a change; they need the id, status and any warnings. */
function settle(res: ActionResult<TripView>): ActionResult<{ id: string; status: string; warnings: string[] }> {
  if (!res.ok) return res;
  revalidatePath("/trips", "layout");
  revalidatePath("/shipments", "layout");
  return { ok: true, data: { id: res.data.id, status: res.data.status, warnings: res.data.warnings } };
}

export async function createTripAction(input: unknown) {
  return settle(await runAction((ctx) => createTrip(ctx, input)));
}
export async function updateTripAction(tripId: string, input: unknown) {
  return settle(await runAction((ctx) => updateTrip(ctx, String(tripId), input)));
}
export async function addShipmentsAction(tripId: string, input: unknown) {
  return settle(await runAction((ctx) => addShipmentsToTrip(ctx, String(tripId), input)));
}
export async function removeShipmentAction(tripId: string, shipmentId: string) {
  return settle(await runAction((ctx) => removeShipmentFromTrip(ctx, String(tripId), String(shipmentId))));
}
export async function reorderStopsAction(tripId: string, input: unknown) {
  return settle(await runAction((ctx) => reorderStops(ctx, String(tripId), input)));
}
export async function setStopLockAction(tripId: string, stopId: string, input: unknown) {
  return settle(await runAction((ctx) => setStopLock(ctx, String(tripId), String(stopId), input)));
}
export async function setTripLockAction(tripId: string, input: unknown) {
  return settle(await runAction((ctx) => setTripLock(ctx, String(tripId), input)));
}
export async function scheduleTripAction(tripId: string) {
  return settle(await runAction((ctx) => scheduleTrip(ctx, String(tripId))));
}
export async function startTripAction(tripId: string) {
  return settle(await runAction((ctx) => startTrip(ctx, String(tripId))));
}
export async function cancelTripAction(tripId: string, input: unknown) {
  return settle(await runAction((ctx) => cancelTrip(ctx, String(tripId), input)));
}
export async function endTripAction(tripId: string, input: unknown) {
  return settle(await runAction((ctx) => endTripEarly(ctx, String(tripId), input)));
}
