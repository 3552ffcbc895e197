"use server";
// Doors for Settings → GST. Every rule lives in lib/billing.
import { revalidatePath } from "next/cache";
import { updateBillingSettings } from "@/lib/billing/billing-settings";
import { addTaxRate, deleteTaxRate } from "@/lib/billing/tax-rates";
import { runAction } from "@/lib/http/action";

export async function updateBillingSettingsAction(input: unknown) {
  const res = await runAction((ctx) => updateBillingSettings(ctx, input));
  if (res.ok) revalidatePath("/settings/gst");
  return res;
}

export async function addTaxRateAction(input: unknown) {
  const res = await runAction((ctx) => addTaxRate(ctx, input));
  if (res.ok) revalidatePath("/settings/gst");
  return res;
}

export async function deleteTaxRateAction(id: string) {
  const res = await runAction(async (ctx) => {
    await deleteTaxRate(ctx, id);
    return null;
  });
  if (res.ok) revalidatePath("/settings/gst");
  return res;
}
