"use server";
import { runAction, type ActionResult } from "@/lib/http/action";
import type { SubscriptionView } from "@/lib/notifications/list-subscriptions";
import { setSubscription } from "@/lib/notifications/set-subscription";

export async function setSubscriptionAction(event: string, email: boolean): Promise<ActionResult<SubscriptionView[]>> {
  return runAction((ctx) => setSubscription(ctx, { event, email }));
}
