"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action";
import { setMyShopLocation } from "@/lib/logistics/geo/delivery-location";
import { removeRetailerUser } from "@/lib/network/remove-retailer-user";

export async function removeTeamMemberAction(form: FormData): Promise<void> {
  const id = form.get("memberId");
  await runAction((ctx) => removeRetailerUser(ctx, typeof id === "string" ? id : ""));
  revalidatePath("/portal/profile");
}

export async function setShopLocationAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => setMyShopLocation(ctx, input));
  if (res.ok) revalidatePath("/portal/profile");
  return res.ok ? { ok: true, data: null } : res;
}
