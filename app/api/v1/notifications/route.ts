// GET /api/v1/notifications — the signed-in user's notifications, newest first, with the unread count
import { apiRoute } from "@/lib/http/route";
import { listNotifications } from "@/lib/notifications/list-notifications";

export const GET = apiRoute(async ({ ctx, url }) => listNotifications(ctx, Object.fromEntries(url.searchParams)));
