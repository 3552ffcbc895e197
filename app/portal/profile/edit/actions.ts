"use server";
// Door for the retailer's business profile form. Rules (owner only, GSTIN ↔ state) live in lib/network.
import { revalidatePath } from "next/cache";
import { runAction, type ActionResult } from "@/lib/http/action";
import { updateMyBusiness } from "@/lib/network/my-vendors";

export async function updateMyBusinessAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => updateMyBusiness(ctx, input));
  if (res.ok) revalidatePath("/portal", "layout");
  return res.ok ? { ok: true, data: null } : res;
}
