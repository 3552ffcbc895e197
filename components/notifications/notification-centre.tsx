// The notification centre's list, shared by the dashboard and the portal: newest first, unread
// ones highlighted with a dot and a "Mark read" button; a title opens what it is about.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { BellIcon } from "@/components/shell/icons";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LinkTabs } from "@/components/ui/link-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { cn } from "@/lib/cn";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { formatDateTime, formatRelative } from "@/lib/format";
import { listNotifications } from "@/lib/notifications/list-notifications";
import { markAllReadAction, markNotificationReadAction, openNotificationAction } from "./actions";

type SearchParams = Record<string, string | string[] | undefined>;

export async function NotificationCentre({ ctx, basePath, searchParams, settingsHref }: { ctx: Ctx; basePath: string; searchParams: SearchParams; settingsHref?: string }) {
  const one = (k: string) => (Array.isArray(searchParams[k]) ? searchParams[k][0] : searchParams[k]) ?? "";
  const unreadOnly = one("show") === "unread";
  const cursor = one("cursor") || undefined;
  const result = await listNotifications(ctx, { unreadOnly, cursor, limit: 20 }).catch((err) => {
    // A stale or edited cursor: start from the newest again rather than failing the page.
    if (err instanceof AppError && err.code === "validation") return listNotifications(ctx, { unreadOnly, limit: 20 });
    throw err;
  });
  const now = ctx.now();
  const href = (p: { show?: string; cursor?: string }) => {
    const q = new URLSearchParams();
    if (p.show) q.set("show", p.show);
    if (p.cursor) q.set("cursor", p.cursor);
    return q.size ? `${basePath}?${q}` : basePath;
  };
  const show = unreadOnly ? "unread" : undefined;

  return (
    <>
      <PageHeader
        title="Notifications"
        description="What happened to your orders, newest first."
        actions={
          <>
            {result.unreadCount > 0 && (
              <form action={markAllReadAction}>
                <button type="submit" className={buttonClasses({ variant: "secondary" })}>
                  Mark all read
                </button>
              </form>
            )}
            {settingsHref && (
              <Link href={settingsHref} className={buttonClasses({ variant: "ghost" })}>
                Email settings
              </Link>
            )}
          </>
        }
      />
      <LinkTabs
        label="Show notifications"
        items={[
          { href: href({}), label: "All", active: !unreadOnly },
          { href: href({ show: "unread" }), label: "Unread", count: result.unreadCount, active: unreadOnly },
        ]}
      />
      <div className="mt-4">
        {result.data.length === 0 ? (
          <EmptyState
            bordered
            icon={<BellIcon />}
            title={unreadOnly ? "You're all caught up" : "No notifications yet"}
            description={unreadOnly ? "Nothing unread. New order updates will show up here." : "When orders are placed, confirmed, dispatched, delivered or cancelled, you'll see it here."}
          />
        ) : (
          <ul aria-label="Notifications" className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white">
            {result.data.map((n) => (
              <li key={n.id} className={cn("flex items-start gap-3 px-4 py-3 sm:px-5", !n.read && "bg-brand-50/60")}>
                <span aria-hidden className={cn("mt-2 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-brand-600")} />
                <div className="min-w-0 flex-1">
                  <form action={openNotificationAction.bind(null, n.id)}>
                    <button type="submit" className={cn("text-left text-sm hover:underline [overflow-wrap:anywhere]", n.read ? "font-medium text-slate-700" : "font-semibold text-slate-900")}>
                      {n.title}
                      {!n.read && <span className="sr-only"> (unread)</span>}
                    </button>
                  </form>
                  <p className="mt-0.5 text-sm text-slate-600 [overflow-wrap:anywhere]">{n.body}</p>
                  <p className="mt-1 text-xs text-slate-500" title={formatDateTime(n.createdAt)}>
                    {formatRelative(n.createdAt, now)}
                  </p>
                </div>
                {!n.read && (
                  <form action={markNotificationReadAction.bind(null, n.id)} className="shrink-0">
                    <button type="submit" className={buttonClasses({ variant: "ghost", size: "sm" })} aria-label={`Mark "${n.title}" read`}>
                      Mark read
                    </button>
                  </form>
                )}
              </li>
            ))}
          </ul>
        )}
        {(cursor || result.nextCursor) && (
          <nav aria-label="Pages" className="mt-4 flex justify-between gap-2">
            {cursor ? (
              <Link href={href({ show })} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                ← Newest
              </Link>
            ) : (
              <span />
            )}
            {result.nextCursor && (
              <Link href={href({ show, cursor: result.nextCursor })} className={buttonClasses({ variant: "secondary", size: "sm" })}>
                Older →
              </Link>
            )}
          </nav>
        )}
      </div>
    </>
  );
}
