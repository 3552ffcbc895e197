"use server";
// Doors for the e-way bill screens and panel. Rules live in lib/logistics/ewaybills.
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/http/action";
import { cancelEwayBill, extendValidity, updatePartB, updateTransporter } from "@/lib/logistics/ewaybills/ewaybill-actions";
import { requestEwayBill } from "@/lib/logistics/ewaybills/request-eway-bill";

export async function requestEwayBillAction(input: unknown) {
  const res = await runAction((ctx) => requestEwayBill(ctx, input));
  if (res.ok) revalidatePath("/eway-bills", "layout");
  return res;
}

const act = (fn: typeof updatePartB) => async (id: string, input: unknown) => {
  const res = await runAction((ctx) => fn(ctx, String(id), input));
  if (res.ok) revalidatePath("/eway-bills", "layout");
  return res;
};

export async function updatePartBAction(id: string, input: unknown) {
  return act(updatePartB)(id, input);
}
export async function updateTransporterAction(id: string, input: unknown) {
  return act(updateTransporter)(id, input);
}
export async function extendValidityAction(id: string, input: unknown) {
  return act(extendValidity)(id, input);
}
export async function cancelEwayBillAction(id: string, input: unknown) {
  return act(cancelEwayBill)(id, input);
}
