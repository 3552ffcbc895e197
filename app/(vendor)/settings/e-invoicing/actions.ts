"use server";
// Door for the e-invoicing settings form. The rules live in lib/billing/einvoice/einvoice-settings.ts.
import { revalidatePath } from "next/cache";
import { updateEInvoiceSettings } from "@/lib/billing/einvoice/einvoice-settings";
import { runAction } from "@/lib/http/action";

export async function updateEInvoiceSettingsAction(input: unknown) {
  const res = await runAction((ctx) => updateEInvoiceSettings(ctx, input));
  if (res.ok) revalidatePath("/settings/e-invoicing");
  return res;
}
