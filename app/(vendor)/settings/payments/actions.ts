"use server";
// Doors for the payment gateway settings. The rules live in lib/billing/gateway/.
import { revalidatePath } from "next/cache";
import { addGatewayAccount, setGatewayAccountActive } from "@/lib/billing/gateway/gateway-accounts";
import { verifyGatewayAccount } from "@/lib/billing/gateway/verify-gateway-account";
import { replayWebhookEvent } from "@/lib/billing/gateway/webhook-events";
import { runAction } from "@/lib/http/action";

export async function addGatewayAccountAction(input: unknown) {
  const res = await runAction((ctx) => addGatewayAccount(ctx, input));
  if (res.ok) revalidatePath("/settings/payments");
  return res;
}

export async function verifyGatewayAccountAction(accountId: string) {
  const res = await runAction((ctx) => verifyGatewayAccount(ctx, String(accountId)));
  revalidatePath("/settings/payments");
  return res;
}

export async function setGatewayAccountActiveAction(accountId: string, active: boolean) {
  const res = await runAction((ctx) => setGatewayAccountActive(ctx, String(accountId), { active }));
  if (res.ok) revalidatePath("/settings/payments");
  return res;
}

export async function replayWebhookEventAction(eventId: string) {
  const res = await runAction((ctx) => replayWebhookEvent(ctx, String(eventId)));
  if (res.ok) revalidatePath("/settings/payments/events");
  return res;
}
