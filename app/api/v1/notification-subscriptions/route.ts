// GET /api/v1/notification-subscriptions — my order-event email subscriptions (staff); PUT — switch one on or off
import { apiRoute } from "@/lib/http/route";
import { listSubscriptions } from "@/lib/notifications/list-subscriptions";
import { setSubscription } from "@/lib/notifications/set-subscription";

export const GET = apiRoute(async ({ ctx }) => ({ data: await listSubscriptions(ctx) }));

export const PUT = apiRoute(async ({ ctx, body }) => ({ data: await setSubscription(ctx, body) }));
