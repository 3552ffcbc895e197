export type NotificationView = {
  id: string;
  event: string;
  title: string;
  body: string;
  link: string | null;
  read: boolean;
  readAt: string | null;
  createdAt: string;
};

export const notificationSelect = { id: true, event: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

export function toNotificationView(n: { id: string; event: string; title: string; body: string; link: string | null; readAt: Date | null; createdAt: Date }): NotificationView {
  return { id: n.id, event: n.event, title: n.title, body: n.body, link: n.link, read: n.readAt !== null, readAt: n.readAt?.toISOString() ?? null, createdAt: n.createdAt.toISOString() };
}
