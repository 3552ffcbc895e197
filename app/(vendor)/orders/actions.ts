"use server";
// Doors for the vendor order screens. Every rule lives in lib/orders (and lib/pricing for quotes).
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { runAction, type ActionResult } from "@/lib/http/action";
import { cancelOrder } from "@/lib/orders/cancel-order";
import { confirmOrder } from "@/lib/orders/confirm-order";
import { deliverOrder } from "@/lib/orders/deliver-order";
import { dispatchOrder } from "@/lib/orders/dispatch-order";
import { editOrder } from "@/lib/orders/edit-order";
import { packOrder } from "@/lib/orders/pack-order";
import { placeOrder } from "@/lib/orders/place-order";
import { releaseCreditHold } from "@/lib/orders/release-credit-hold";
import { returnOrder } from "@/lib/orders/return-order";
import { submitDraftOrder } from "@/lib/orders/submit-draft-order";
import { quotePrices } from "@/lib/pricing/quote-prices";
import type { OrderView } from "@/lib/orders/views";

/** Today's prices for the lines of the order being entered (the same resolver placing uses). */
export async function quoteOrderLinesAction(input: unknown) {
  return runAction((ctx) => quotePrices(ctx, input));
}

export async function placeOrderAction(input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx) => placeOrder(ctx, input, { source: ctx.actor.kind === "staff" ? "STAFF" : "PORTAL" }));
  if (!res.ok) return res;
  revalidatePath("/orders", "layout");
  redirect(`/orders/${res.data.id}?done=${res.data.status === "DRAFT" ? "saved" : "placed"}`);
}

export async function editOrderAction(orderId: string, input: unknown): Promise<ActionResult<null>> {
  const res = await runAction((ctx): Promise<OrderView> => editOrder(ctx, String(orderId), input));
  if (!res.ok) return res;
  revalidatePath("/orders", "layout");
  redirect(`/orders/${res.data.id}?done=edited`);
}

export async function submitDraftAction(orderId: string) {
  return settle(await runAction((ctx) => submitDraftOrder(ctx, String(orderId))));
}

export async function confirmOrderAction(orderId: string, input: unknown) {
  return settle(await runAction((ctx) => confirmOrder(ctx, String(orderId), input)));
}

export async function releaseHoldAction(orderId: string, input: unknown) {
  return settle(await runAction((ctx) => releaseCreditHold(ctx, String(orderId), input)));
}

export async function packOrderAction(orderId: string, input: unknown) {
  return settle(await runAction((ctx) => packOrder(ctx, String(orderId), input)));
}

export async function dispatchOrderAction(orderId: string, input: unknown) {
  return settle(await runAction((ctx) => dispatchOrder(ctx, String(orderId), input)));
}

export async function deliverOrderAction(orderId: string, input: unknown) {
  return settle(await runAction((ctx) => deliverOrder(ctx, String(orderId), input)));
}

export async function cancelOrderAction(orderId: string, input: unknown) {
  return settle(await runAction((ctx) => cancelOrder(ctx, String(orderId), input)));
}

export async function returnOrderAction(orderId: string, input: unknown) {
  return settle(await runAction((ctx) => returnOrder(ctx, String(orderId), input)));
}

/** The screens re-read the order after a change; they only need to know it worked. */
function settle(res: ActionResult<OrderView>): ActionResult<{ status: string }> {
  if (!res.ok) return res;
  revalidatePath("/orders", "layout");
  return { ok: true, data: { status: res.data.status } };
}
