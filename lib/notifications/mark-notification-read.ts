import "server-only";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { notificationScope } from "@/lib/notifications/notification-scope";
import { notificationSelect, toNotificationView, type NotificationView } from "@/lib/notifications/notification-view";

/** Marks one of the acting user's notifications read (again is fine); anyone else's is not found. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<NotificationView> {
  const scope = notificationScope(ctx.actor);
  await ctx.db.notification.updateMany({ where: { ...scope, id, readAt: null }, data: { readAt: ctx.now() } });
  const row = await ctx.db.notification.findFirst({ where: { ...scope, id }, select: notificationSelect });
  if (!row) throw notFound("Notification");
  return toNotificationView(row);
}
