import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { listSubscriptions, type SubscriptionView } from "@/lib/notifications/list-subscriptions";
import { setSubscriptionInput } from "@/lib/notifications/notifications.schemas";
import { parseInput } from "@/lib/validation";

/** Switches the acting staff member's email for one order event on or off; returns all of theirs. */
export async function setSubscription(ctx: Ctx, input: unknown): Promise<SubscriptionView[]> {
  assertCan(ctx.actor, "orders.read");
  const { event, email } = parseInput(setSubscriptionInput, input);
  const { companyId, userId } = ctx.actor;
  await ctx.db.notificationSubscription.upsert({
    where: { companyId_userId_event: { companyId, userId, event } },
    create: { companyId, userId, event, email },
    update: { email },
  });
  return listSubscriptions(ctx);
}
