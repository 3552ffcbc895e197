"use server";
// Door for the ledger's online-payment panel. The rules live in lib/billing/gateway.
import { revalidatePath } from "next/cache";
import { createOutstandingPayLink } from "@/lib/billing/gateway/create-outstanding-pay-link";
import { runAction } from "@/lib/http/action";

/** A pay link for the retailer's whole outstanding (lib/billing/gateway/create-outstanding-pay-link.ts). */
export async function createOutstandingPayLinkAction(connectionId: string, input: unknown) {
  const res = await runAction(async (ctx) => createOutstandingPayLink(ctx, String(connectionId), input));
  if (res.ok) revalidatePath(`/retailers/${connectionId}/ledger`);
  return res;
}
