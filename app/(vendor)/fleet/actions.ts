"use server";
// Doors for the fleet screens. Rules live in lib/logistics/fleet.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action";
import { createDriver, setDriverActive, updateDriver } from "@/lib/logistics/fleet/drivers";
import { createVehicle, setVehicleActive, updateVehicle } from "@/lib/logistics/fleet/vehicles";

export async function saveVehicleAction(id: string | null, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => (id ? updateVehicle(ctx, String(id), input) : createVehicle(ctx, input)));
  if (!res.ok) return res;
  revalidatePath("/fleet", "layout");
  redirect(`/fleet?saved=${encodeURIComponent(res.data.registrationNo)}`);
}

export async function vehicleStatusAction(id: string, action: "deactivate" | "activate"): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => setVehicleActive(ctx, String(id), action));
  if (!res.ok) return res;
  revalidatePath("/fleet", "layout");
  return { ok: true, data: null };
}

export async function saveDriverAction(id: string | null, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => (id ? updateDriver(ctx, String(id), input) : createDriver(ctx, input)));
  if (!res.ok) return res;
  revalidatePath("/fleet", "layout");
  redirect(`/fleet/drivers?saved=${encodeURIComponent(res.data.name)}`);
}

export async function driverStatusAction(id: string, action: "deactivate" | "activate"): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => setDriverActive(ctx, String(id), action));
  if (!res.ok) return res;
  revalidatePath("/fleet", "layout");
  return { ok: true, data: null };
}
