// POST /api/v1/notifications/read-all — mark all my notifications read
import { apiRoute } from "@/lib/http/route";
import { markAllRead } from "@/lib/notifications/mark-all-read";

export const POST = apiRoute(async ({ ctx }) => markAllRead(ctx));
