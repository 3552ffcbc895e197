import "server-only";
import type { Ctx } from "@/lib/ctx";
import { notificationScope } from "@/lib/notifications/notification-scope";

/** Marks every unread notification of the acting user read. */
export async function markAllRead(ctx: Ctx): Promise<{ marked: number }> {
  const r = await ctx.db.notification.updateMany({ where: { ...notificationScope(ctx.actor), readAt: null }, data: { readAt: ctx.now() } });
  return { marked: r.count };
}
