"use client";
// The inventory sub-navigation. Each tab is a link; the active one follows the URL.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

const tabs = [
  { href: "/inventory", label: "Stock", exact: true },
  { href: "/inventory/ledger", label: "Ledger" },
  { href: "/inventory/receipts", label: "Receipts" },
  { href: "/inventory/adjustments", label: "Adjustments" },
  { href: "/inventory/transfers", label: "Transfers" },
  { href: "/inventory/counts", label: "Counts" },
  { href: "/inventory/low-stock", label: "Low stock" },
  { href: "/inventory/valuation", label: "Valuation" },
  { href: "/inventory/warehouses", label: "Warehouses" },
];

export function InventoryTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Inventory" className="-mx-4 mb-6 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {tabs.map((t) => {
          const active = t.exact ? pathname === t.href : pathname === t.href || pathname.startsWith(`${t.href}/`);
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "-mb-px flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
