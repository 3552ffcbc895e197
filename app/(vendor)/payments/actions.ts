"use server";
// Doors for the payment screens. Every rule lives in lib/billing.
import { revalidatePath } from "next/cache";
import { allocatePayment } from "@/lib/billing/allocate-payment";
import { recordPayment } from "@/lib/billing/record-payment";
import { recordRefund } from "@/lib/billing/record-refund";
import { voidPayment } from "@/lib/billing/void-payment";
import { runAction, type ActionResult } from "@/lib/http/action";

type Saved = { id: string; number: string };

export async function recordPaymentAction(input: unknown): Promise<ActionResult<Saved>> {
  const res = await runAction(async (ctx) => {
    const p = await recordPayment(ctx, input);
    return { id: p.id, number: p.number };
  });
  if (res.ok) revalidatePath("/", "layout");
  return res;
}

export async function recordRefundAction(input: unknown): Promise<ActionResult<Saved>> {
  const res = await runAction(async (ctx) => {
    const p = await recordRefund(ctx, input);
    return { id: p.id, number: p.number };
  });
  if (res.ok) revalidatePath("/", "layout");
  return res;
}

export async function allocatePaymentAction(paymentId: string, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction(async (ctx) => {
    await allocatePayment(ctx, String(paymentId), input);
    return null;
  });
  if (res.ok) revalidatePath("/", "layout");
  return res;
}

export async function voidPaymentAction(paymentId: string, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction(async (ctx) => {
    await voidPayment(ctx, String(paymentId), input);
    return null;
  });
  if (res.ok) revalidatePath("/", "layout");
  return res;
}
