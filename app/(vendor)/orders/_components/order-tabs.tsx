// Status tabs of the orders list as links (the filter lives in the URL). Like components/ui/link-tabs,
// but a count can be capped: past 10,000 the list stops counting and the tab says "10,000+".
import Link from "next/link";
import { cn } from "@/lib/cn";
import { formatQuantity } from "@/lib/format";

export const tabKeys = ["all", "on_hold", "placed", "confirmed", "packed", "dispatched", "delivered", "cancelled", "returned", "draft"] as const;
export type TabKey = (typeof tabKeys)[number];

const labels: Record<TabKey, string> = {
  all: "All",
  on_hold: "On hold",
  placed: "Placed",
  confirmed: "Confirmed",
  packed: "Packed",
  dispatched: "Dispatched",
  delivered: "Delivered",
  cancelled: "Cancelled",
  returned: "Returned",
  draft: "Drafts",
};

export function countLabel(c: { count: number; capped: boolean }) {
  return `${formatQuantity(c.count)}${c.capped ? "+" : ""}`;
}

export function OrderTabs({ items }: { items: { key: TabKey; href: string; count?: { count: number; capped: boolean }; active: boolean }[] }) {
  return (
    <nav aria-label="Filter by status" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {items.map((t) => (
          <li key={t.key}>
            <Link
              href={t.href}
              aria-current={t.active ? "page" : undefined}
              className={cn(
                "-mb-px flex items-center gap-1.5 border-b-2 px-2.5 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                t.active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
              )}
            >
              {labels[t.key]}
              {t.count && (
                <span
                  className={cn(
                    "rounded-full px-1.5 py-px text-xs tabular-nums",
                    t.key === "on_hold" && t.count.count > 0 ? "bg-danger-100 text-danger-700" : t.active ? "bg-brand-100 text-brand-700" : "bg-slate-100 text-slate-600",
                  )}
                >
                  {countLabel(t.count)}
                </span>
              )}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
