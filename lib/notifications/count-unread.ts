import "server-only";
import type { Ctx } from "@/lib/ctx";
import { notificationScope } from "@/lib/notifications/notification-scope";

/** The number on the bell. */
export async function countUnread(ctx: Ctx): Promise<number> {
  return ctx.db.notification.count({ where: { ...notificationScope(ctx.actor), readAt: null } });
}
