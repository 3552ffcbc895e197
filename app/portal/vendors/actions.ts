"use server";
// Doors for the retailer's vendor screens. Rules live in lib/network.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action";
import { cancelJoinRequest, findVendor, requestToJoin } from "@/lib/network/join-requests";

export type FoundVendor = Awaited<ReturnType<typeof findVendor>>;

export async function findVendorAction(query: string): Promise<ActionResult<FoundVendor>> {
  return runAction((ctx) => findVendor(ctx, { query }));
}

export async function requestToJoinAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => requestToJoin(ctx, input));
  if (!res.ok) return res;
  revalidatePath("/portal/vendors");
  redirect("/portal/vendors?requested=1");
}

export async function cancelJoinRequestAction(id: string): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => cancelJoinRequest(ctx, String(id)));
  revalidatePath("/portal/vendors");
  return res.ok ? { ok: true, data: null } : res;
}
