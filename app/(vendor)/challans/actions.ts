"use server";
// Doors for the delivery challan screens. Rules live in lib/logistics/challans.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action";
import { cancelChallan } from "@/lib/logistics/challans/cancel-challan";
import { createChallan } from "@/lib/logistics/challans/create-challan";

export async function createChallanAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => createChallan(ctx, input));
  if (!res.ok) return res;
  revalidatePath("/challans");
  redirect(`/challans/${res.data.id}?created=1`);
}

export async function cancelChallanAction(id: string, input: unknown) {
  const res = await runAction((ctx) => cancelChallan(ctx, String(id), input));
  if (res.ok) revalidatePath(`/challans/${id}`);
  return res;
}
