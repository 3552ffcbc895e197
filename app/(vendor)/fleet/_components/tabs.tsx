"use client";
// Vehicles / Drivers: each tab is a link; the active one follows the URL.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/cn";

export function FleetTabs() {
  const pathname = usePathname();
  const tabs = [
    { href: "/fleet", label: "Vehicles", active: pathname === "/fleet" || pathname.startsWith("/fleet/vehicles") },
    { href: "/fleet/drivers", label: "Drivers", active: pathname.startsWith("/fleet/drivers") },
  ];
  return (
    <nav aria-label="Fleet" className="-mx-4 mb-6 overflow-x-auto px-4 sm:mx-0 sm:px-0">
      <ul className="flex min-w-max gap-1 border-b border-slate-200">
        {tabs.map((t) => (
          <li key={t.href}>
            <Link
              href={t.href}
              aria-current={t.active ? "page" : undefined}
              className={cn(
                "-mb-px flex items-center gap-2 border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                t.active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
              )}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
