"use client";
// The bell in both shells: the unread count as a badge, and on click the latest notifications with
// "Mark all read" and a link to the full list. It asks the API again every minute and when the
// window regains focus, so the badge follows new orders without a reload.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { useDismiss } from "@/components/ui/use-dismiss";
import { BellIcon } from "@/components/shell/icons";
import { Spinner } from "@/components/ui/spinner";
import { cn } from "@/lib/cn";
import { formatRelative } from "@/lib/format";
import type { NotificationView } from "@/lib/notifications/notification-view";
import { apiFetch } from "@/lib/http/api-fetch";

const POLL_MS = 60_000;

export function NotificationBell({ href, initialUnread }: { href: string; initialUnread: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [unread, setUnread] = useState(initialUnread);
  // A server render (after a server action) brings a fresh count: take it.
  const [seen, setSeen] = useState(initialUnread);
  if (seen !== initialUnread) {
    setSeen(initialUnread);
    setUnread(initialUnread);
  }
  const [items, setItems] = useState<NotificationView[] | null>(null);
  const [failed, setFailed] = useState(false);
  const box = useRef<HTMLDivElement>(null);

  const load = useCallback(async (limit: number) => {
    const res = await apiFetch(`/api/v1/notifications?limit=${limit}`, { cache: "no-store", headers: { accept: "application/json" } });
    if (!res.ok) throw new Error(`notifications: ${res.status}`);
    const body = (await res.json()) as { data: NotificationView[]; unreadCount: number };
    setUnread(body.unreadCount);
    return body.data;
  }, []);

  useEffect(() => {
    const tick = () => {
      if (document.visibilityState === "visible") load(1).catch(() => undefined);
    };
    const timer = setInterval(tick, POLL_MS);
    window.addEventListener("focus", tick);
    return () => {
      clearInterval(timer);
      window.removeEventListener("focus", tick);
    };
  }, [load]);

  const closeMenu = useCallback(() => setOpen(false), []);
  useDismiss(open, box, closeMenu);

  async function toggle() {
    const next = !open;
    setOpen(next);
    if (!next) return;
    setFailed(false);
    try {
      setItems(await load(6));
    } catch {
      setFailed(true);
    }
  }

  async function openItem(n: NotificationView) {
    setOpen(false);
    if (!n.read) {
      setUnread((u) => Math.max(0, u - 1));
      await apiFetch(`/api/v1/notifications/${encodeURIComponent(n.id)}/read`, { method: "POST" }).catch(() => undefined);
    }
    if (n.link) router.push(n.link);
    router.refresh();
  }

  async function markAll() {
    setUnread(0);
    setItems((list) => list?.map((i) => ({ ...i, read: true })) ?? null);
    await apiFetch("/api/v1/notifications/read-all", { method: "POST" }).catch(() => undefined);
    router.refresh();
  }

  const now = new Date();
  return (
    <div ref={box} className="relative">
      <button
        type="button"
        onClick={toggle}
        aria-expanded={open}
        aria-haspopup="true"
        aria-label={unread > 0 ? `Notifications, ${unread} unread` : "Notifications"}
        className="relative flex size-9 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 hover:text-slate-900"
      >
        <BellIcon className="size-5" />
        {unread > 0 && (
          <span aria-hidden className="absolute -top-0.5 -right-0.5 flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-danger-600 px-1 text-[11px] leading-none font-semibold text-white ring-2 ring-white tabular-nums">
            {unread > 99 ? "99+" : unread}
          </span>
        )}
      </button>
      {open && (
        <div role="dialog" aria-label="Latest notifications" className="fixed inset-x-3 top-16 z-40 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-popover sm:absolute sm:inset-x-auto sm:top-auto sm:right-0 sm:mt-2 sm:w-[22rem]">
          <div className="flex items-center justify-between gap-2 border-b border-slate-100 px-4 py-2.5">
            <p className="text-sm font-semibold text-slate-900">Notifications</p>
            {unread > 0 && (
              <button type="button" onClick={markAll} className="text-xs font-medium text-brand-700 hover:underline">
                Mark all read
              </button>
            )}
          </div>
          {failed ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">Could not load notifications. Try again.</p>
          ) : items === null ? (
            <div className="flex justify-center px-4 py-6">
              <Spinner />
            </div>
          ) : items.length === 0 ? (
            <p className="px-4 py-6 text-center text-sm text-slate-500">No notifications yet.</p>
          ) : (
            <ul className="max-h-96 divide-y divide-slate-100 overflow-y-auto">
              {items.map((n) => (
                <li key={n.id}>
                  <button type="button" onClick={() => openItem(n)} className={cn("flex w-full gap-2.5 px-4 py-2.5 text-left hover:bg-slate-50", !n.read && "bg-brand-50/60")}>
                    <span aria-hidden className={cn("mt-1.5 size-2 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-brand-600")} />
                    <span className="min-w-0 flex-1">
                      <span className={cn("block text-sm [overflow-wrap:anywhere]", n.read ? "text-slate-700" : "font-semibold text-slate-900")}>
                        {n.title}
                        {!n.read && <span className="sr-only"> (unread)</span>}
                      </span>
                      <span className="mt-0.5 line-clamp-2 block text-xs text-slate-500">{n.body}</span>
                      <span className="mt-0.5 block text-[11px] text-slate-500">{formatRelative(n.createdAt, now)}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <Link href={href} onClick={() => setOpen(false)} className="block border-t border-slate-100 px-4 py-2.5 text-center text-sm font-medium text-brand-700 hover:bg-slate-50">
            See all notifications
          </Link>
        </div>
      )}
    </div>
  );
}
