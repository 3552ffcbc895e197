"use client";
// The retailer portal frame: a top navigation bar (it has few sections), the business name and sign-out.
// On a phone the sections are a menu under a button (all of them in one column, nothing to swipe
// sideways); from the md breakpoint up they are the tab strip.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useId, useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { BrandMark } from "./brand";
import { LogoutIcon, MenuIcon, XIcon } from "./icons";
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
  const [menuOpen, setMenuOpen] = useState(false);
  const menuId = useId();
  const isActive = (i: PortalNavItem) => (i.exact ? pathname === i.href : pathname === i.href || pathname.startsWith(`${i.href}/`));
  const current = nav.find(isActive);
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
          <div className="flex items-center justify-between gap-2 px-2 pb-2 md:hidden">
            <span className="truncate text-sm font-medium text-brand-700">{current?.label ?? "Menu"}</span>
            <button
              type="button"
              aria-expanded={menuOpen}
              aria-controls={menuId}
              onClick={() => setMenuOpen((o) => !o)}
              className="flex h-9 items-center gap-1.5 rounded-lg border border-slate-300 px-3 text-sm font-medium text-slate-700 hover:bg-slate-50"
            >
              {menuOpen ? <XIcon className="size-4" /> : <MenuIcon className="size-4" />}
              Menu
            </button>
          </div>
          <ul id={menuId} className={cn("-mb-px gap-1 md:flex", menuOpen ? "grid grid-cols-2 pb-2 md:pb-0" : "hidden")}>
            {nav.map((item) => {
              const active = isActive(item);
              return (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    aria-current={active ? "page" : undefined}
                    onClick={() => setMenuOpen(false)}
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
