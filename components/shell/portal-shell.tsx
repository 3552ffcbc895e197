"use client";
// The retailer portal frame: a top navigation bar (it has few sections), the business name and sign-out.
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";
import { cn } from "@/lib/cn";
import { BrandMark } from "./brand";
import { LogoutIcon } from "./icons";
import { KeyboardShortcuts } from "@/components/shell/keyboard-shortcuts";

export type PortalNavItem = { href: string; label: string; exact?: boolean };

export function PortalShell({
  businessName,
  user,
  nav,
  logout,
  bell,
  children,
}: {
  businessName: string;
  user: { name: string; email: string };
  nav: PortalNavItem[];
  logout: () => Promise<void>;
  /** The notification bell (components/notifications/notification-bell.tsx). */
  bell?: ReactNode;
  children: ReactNode;
}) {
  const pathname = usePathname();
  const isActive = (i: PortalNavItem) => (i.exact ? pathname === i.href : pathname === i.href || pathname.startsWith(`${i.href}/`));
  return (
    <div className="min-h-dvh">
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
        <div className="mx-auto flex h-16 max-w-5xl items-center gap-3 px-4 sm:px-6">
          <Link href="/portal" aria-label="Portal home" className="shrink-0">
            <BrandMark compact />
          </Link>
          <div className="min-w-0 leading-tight">
            <p className="truncate text-sm font-semibold text-slate-900">{businessName}</p>
            <p className="truncate text-xs text-slate-500">
              Retailer portal ·{" "}
              <Link href="/portal/account" title="Account & security" className="hover:text-slate-800 hover:underline">
                {user.name}
              </Link>
            </p>
          </div>
          <div className="ml-auto">{bell}</div>
          <form action={logout}>
            <button
              type="submit"
              className="flex h-9 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <LogoutIcon className="size-[18px]" />
              <span className="sr-only sm:not-sr-only">Sign out</span>
            </button>
          </form>
        </div>
        <nav aria-label="Portal" className="mx-auto max-w-5xl px-2 sm:px-4">
          <ul className="-mb-px flex gap-1 overflow-x-auto">
            {nav.map((item) => {
              const active = isActive(item);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    className={cn(
                      "block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                      active ? "border-brand-600 text-brand-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                    )}
                  >
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </header>
      <main className="mx-auto w-full max-w-5xl px-4 py-6 sm:px-6 lg:py-8">{children}</main>
      <KeyboardShortcuts />
    </div>
  );
}
