"use server";
// Door for the e-way bill settings form. The rules live in lib/logistics/ewaybills/ewaybill-settings.ts.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { updateEwayBillSettings } from "@/lib/logistics/ewaybills/ewaybill-settings";

export async function updateEwayBillSettingsAction(input: unknown) {
  const res = await runAction((ctx) => updateEwayBillSettings(ctx, input));
  if (res.ok) revalidatePath("/settings/e-way-bills");
  return res;
}
