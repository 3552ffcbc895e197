"use server";
// Doors for Settings → Shipping. The rules live in lib/logistics/shipping/.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { addShippingAccount, changeShippingAccount } from "@/lib/logistics/shipping/shipping-accounts";

export async function addShippingAccountAction(input: unknown) {
  const res = await runAction((ctx) => addShippingAccount(ctx, input));
  if (res.ok) revalidatePath("/settings/shipping");
  return res;
}

export async function changeShippingAccountAction(accountId: string, action: "verify" | "disable" | "enable") {
  const res = await runAction((ctx) => changeShippingAccount(ctx, String(accountId), action));
  revalidatePath("/settings/shipping");
  return res;
}
