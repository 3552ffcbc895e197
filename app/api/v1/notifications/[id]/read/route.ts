// POST /api/v1/notifications/{id}/read — mark one of my notifications read
import { apiRoute } from "@/lib/http/route";
import { markNotificationRead } from "@/lib/notifications/mark-notification-read";

export const POST = apiRoute(async ({ ctx, params }) => markNotificationRead(ctx, params.id));
