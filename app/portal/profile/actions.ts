"use server";
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action";
import { setMyShopLocation } from "@/lib/logistics/geo/delivery-location";
import { removeRetailerUser } from "@/lib/network/remove-retailer-user";

/** Remove a team member from the business (lib/network/remove-retailer-user.ts); asked for in a confirm dialog. */
export async function removeTeamMemberAction(memberId: string) {
  const res = await runAction(async (ctx) => {
    await removeRetailerUser(ctx, String(memberId));
    return null;
  });
  if (res.ok) revalidatePath("/portal/profile");
  return res;
}

export async function setShopLocationAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => setMyShopLocation(ctx, input));
  if (res.ok) revalidatePath("/portal/profile");
  return res.ok ? { ok: true, data: null } : res;
}
