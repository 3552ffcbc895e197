import "server-only";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { notificationScope } from "@/lib/notifications/notification-scope";
import { notificationSelect, toNotificationView, type NotificationView } from "@/lib/notifications/notification-view";
import { listNotificationsInput } from "@/lib/notifications/notifications.schemas";
import { parseInput } from "@/lib/validation";

/** The acting user's notifications, newest first, a keyset page at a time, with their unread count. */
export async function listNotifications(ctx: Ctx, input: unknown): Promise<{ data: NotificationView[]; nextCursor: string | null; unreadCount: number }> {
  const q = parseInput(listNotificationsInput, input ?? {});
  const scope = notificationScope(ctx.actor);
  const after = q.cursor ? decodeCursor(q.cursor) : null;
  const [rows, unreadCount] = await Promise.all([
    ctx.db.notification.findMany({
      where: {
        ...scope,
        ...(q.unreadOnly ? { readAt: null } : {}),
        ...(after ? { OR: [{ createdAt: { lt: after.t } }, { createdAt: after.t, id: { lt: after.id } }] } : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: q.limit + 1,
      select: notificationSelect,
    }),
    ctx.db.notification.count({ where: { ...scope, readAt: null } }),
  ]);
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { data: page.map(toNotificationView), nextCursor: rows.length > q.limit && last ? encodeCursor(last) : null, unreadCount };
}

function encodeCursor(n: { createdAt: Date; id: string }) {
  return Buffer.from(JSON.stringify({ t: n.createdAt.toISOString(), id: n.id })).toString("base64url");
}

function decodeCursor(cursor: string): { t: Date; id: string } {
  try {
    const c = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const t = new Date(c.t);
    if (typeof c.id === "string" && !Number.isNaN(t.getTime())) return { t, id: c.id };
  } catch {
    /* fall through */
  }
  throw new AppError("validation", "cursor is not valid; pass back the nextCursor of the previous page", { fieldErrors: { cursor: ["Invalid cursor"] } });
}
