"use client";
// The vendor dashboard frame: a fixed sidebar on wide screens, a top bar with a drop-down
// navigation drawer on phones, the company switcher and the signed-in user.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useState, type ReactNode } from "react";
import { cn } from "@/lib/cn";
import { BrandMark } from "./brand";
import { CompanySwitcher, type CompanyOption } from "./company-switcher";
import { BoxIcon, BuildingIcon, ChartIcon, ClipboardIcon, HomeIcon, InvoiceIcon, LogoutIcon, MenuIcon, RouteIcon, RupeeIcon, StoreIcon, SwitchIcon, TagIcon, TruckIcon, UsersIcon, WarehouseIcon, XIcon } from "./icons";
import { KeyboardShortcuts } from "@/components/shell/keyboard-shortcuts";

const icons = { home: HomeIcon, company: BuildingIcon, store: StoreIcon, users: UsersIcon, box: BoxIcon, tag: TagIcon, warehouse: WarehouseIcon, orders: ClipboardIcon, jobs: SwitchIcon, invoice: InvoiceIcon, rupee: RupeeIcon, chart: ChartIcon, truck: TruckIcon, route: RouteIcon } as const;

/** `section`: the item is current anywhere under this path (Settings → /settings/…). */
export type NavItem = { href: string; label: string; icon: keyof typeof icons; section?: string };

export type VendorShellProps = {
  nav: NavItem[];
  companies: CompanyOption[];
  currentCompanyId: string;
  user: { name: string; email: string; roleLabel: string };
  switchCompany: (companyId: string) => Promise<{ ok: false; error: string } | void>;
  logout: () => Promise<void>;
  /** The notification bell (components/notifications/notification-bell.tsx). */
  bell?: ReactNode;
  children: ReactNode;
};

export function VendorShell({ nav, companies, currentCompanyId, user, switchCompany, logout, bell, children }: VendorShellProps) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const isActive = (href: string) => pathname === href || pathname.startsWith(`${href}/`);
  const current = companies.find((c) => c.id === currentCompanyId);

  const links = (
    <ul className="space-y-0.5">
      {nav.map((item) => {
        const Icon = icons[item.icon];
        const active = isActive(item.section ?? item.href);
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={cn(
                "group flex items-center gap-3 rounded-lg px-3 py-2 text-sm font-medium transition-colors",
                active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <Icon className={cn("size-[18px]", active ? "text-brand-600" : "text-slate-500 group-hover:text-slate-600")} />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );

  return (
    <div className="min-h-dvh lg:pl-64">
      {/* Sidebar (wide screens) */}
      <aside className="fixed inset-y-0 left-0 z-30 hidden w-64 flex-col border-r border-slate-200 bg-white lg:flex">
        <div className="flex h-16 items-center border-b border-slate-100 px-5">
          <Link href="/dashboard" aria-label="Vendor ERP home">
            <BrandMark />
          </Link>
        </div>
        <nav aria-label="Main" className="flex-1 overflow-y-auto px-3 py-4">
          <p className="px-3 pb-2 text-[11px] font-semibold tracking-wider text-slate-500 uppercase">
            {current?.name ?? "Your company"}
          </p>
          {links}
        </nav>
        <div className="border-t border-slate-100 px-5 py-4 text-xs text-slate-500">Vendor ERP · open source</div>
      </aside>

      {/* Top bar */}
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
        <div className="flex h-16 items-center gap-3 px-4 sm:px-6 lg:px-8">
          <button
            type="button"
            className="-ml-1.5 flex size-9 items-center justify-center rounded-lg text-slate-600 hover:bg-slate-100 lg:hidden"
            aria-expanded={open}
            aria-controls="mobile-nav"
            aria-label={open ? "Close menu" : "Open menu"}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? <XIcon className="size-5" /> : <MenuIcon className="size-5" />}
          </button>
          <Link href="/dashboard" aria-label="Vendor ERP home" className="lg:hidden">
            <BrandMark compact />
          </Link>
          <CompanySwitcher companies={companies} currentCompanyId={currentCompanyId} switchCompany={switchCompany} />
          <div className="ml-auto flex items-center gap-3">
            {bell}
            <Link href="/account" title="Account & security" className="hidden items-center gap-2.5 rounded-lg px-1.5 py-1 hover:bg-slate-100 sm:flex">
              <span
                aria-hidden
                className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700"
              >
                {initials(user.name)}
              </span>
              <div className="leading-tight">
                <p className="max-w-40 truncate text-sm font-medium text-slate-900" title={user.email}>
                  {user.name}
                </p>
                <p className="text-xs text-slate-500">{user.roleLabel}</p>
              </div>
            </Link>
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
        </div>
        {/* Drop-down drawer (phones) */}
        <nav
          id="mobile-nav"
          aria-label="Main"
          hidden={!open}
          // Following a link closes the drawer.
          onClick={(e) => (e.target as HTMLElement).closest("a") && setOpen(false)}
          className="border-t border-slate-200 bg-white px-3 pt-3 pb-4 shadow-popover lg:hidden"
        >
          <Link href="/account" className="mb-3 flex items-center gap-2.5 rounded-lg px-3 py-1 hover:bg-slate-100 sm:hidden">
            <span aria-hidden className="flex size-8 items-center justify-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700">
              {initials(user.name)}
            </span>
            <div className="leading-tight">
              <p className="text-sm font-medium text-slate-900">{user.name}</p>
              <p className="text-xs text-slate-500">
                {user.roleLabel} · {user.email}
              </p>
            </div>
          </Link>
          {links}
        </nav>
      </header>

      <main className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">{children}</main>
      <KeyboardShortcuts />
    </div>
  );
}

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "")).toUpperCase() || "?";
}
