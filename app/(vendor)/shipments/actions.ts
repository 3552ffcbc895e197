"use server";
// Doors for the shipment screens. Every rule lives in lib/logistics/shipments.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { cancelShipment } from "@/lib/logistics/shipments/cancel-shipment";
import { createShipment } from "@/lib/logistics/shipments/create-shipment";
import { dispatchShipment } from "@/lib/logistics/shipments/dispatch-shipment";

export async function createShipmentAction(input: unknown) {
  const res = await runAction((ctx) => createShipment(ctx, input));
  if (res.ok) revalidatePath("/shipments", "layout");
  return res.ok ? { ok: true as const, data: { id: res.data.id } } : res;
}

export async function dispatchShipmentAction(shipmentId: string, input: unknown) {
  const res = await runAction((ctx) => dispatchShipment(ctx, String(shipmentId), input));
  if (res.ok) revalidatePath("/shipments", "layout");
  return res.ok ? { ok: true as const, data: { status: res.data.status } } : res;
}

export async function cancelShipmentAction(shipmentId: string, input: unknown) {
  const res = await runAction((ctx) => cancelShipment(ctx, String(shipmentId), input));
  if (res.ok) revalidatePath("/shipments", "layout");
  return res.ok ? { ok: true as const, data: { status: res.data.status } } : res;
}
