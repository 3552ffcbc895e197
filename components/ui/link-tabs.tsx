// Filter tabs rendered as links, so the filter lives in the URL (shareable, back button works).
import Link from "next/link";
import { cn } from "@/lib/cn";
import { formatQuantity } from "@/lib/format";

/** `count` may be text ("10,000+" for a capped count); `alert` colours a non-zero count as needing attention. */
export type TabItem = { href: string; label: string; count?: number | string; alert?: boolean; active: boolean };

/** A tab's count, "1,000+" when the list stopped counting (lib/http/pagination.ts, LIST_COUNT_CAP). */
export function countLabel(c: { count: number; capped: boolean }) {
  return `${formatQuantity(c.count)}${c.capped ? "+" : ""}`;
}

export function LinkTabs({ items, label }: { items: TabItem[]; label: string }) {
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-0.5 border-b border-slate-200">
        {items.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.active ? "page" : undefined}
              className={cn(
                "-mb-px flex items-center gap-1.5 border-b-2 px-2.5 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                t.active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
              )}
            >
              {t.label}
              {t.count !== undefined && (
                <span
                  className={cn(
                    "rounded-full px-1.5 py-px text-xs tabular-nums",
                    t.alert ? "bg-danger-100 text-danger-700" : t.active ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600",
                  )}
                >
                  {t.count}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
