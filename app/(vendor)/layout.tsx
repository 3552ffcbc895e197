import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { VendorShell, type NavItem } from "@/components/shell/vendor-shell";
import { can, roleLabels } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { listMyCompanies } from "@/lib/company/list-my-companies";
import { makeCtx } from "@/lib/ctx";
import { countUnread } from "@/lib/notifications/count-unread";
import { logoutAction } from "../(auth)/actions";
import { switchCompanyAction } from "./actions";

export default async function VendorLayout({ children }: { children: ReactNode }) {
  const actor = await requireStaff();
  const ctx = makeCtx(actor);
  const [companies, unread] = await Promise.all([listMyCompanies(ctx), countUnread(ctx)]);
  const nav: NavItem[] = [
    { href: "/dashboard", label: "Dashboard", icon: "home" },
    ...(can(actor, "orders.read") ? [{ href: "/orders", label: "Orders", icon: "orders" } as const] : []),
    ...(can(actor, "billing.read")
      ? [{ href: "/invoices", label: "Invoices", icon: "invoice" } as const, { href: "/payments", label: "Payments", icon: "rupee" } as const, { href: "/receivables", label: "Receivables", icon: "chart" } as const]
      : []),
    ...(can(actor, "reports.read") ? [{ href: "/reports", label: "Reports", icon: "chart", section: "/reports" } as const] : []),
    ...(can(actor, "retailers.read") ? [{ href: "/retailers", label: "Retailers", icon: "store" } as const] : []),
    ...(can(actor, "catalog.read") ? [{ href: "/products", label: "Products", icon: "box" } as const, { href: "/price-lists", label: "Price lists", icon: "tag" } as const] : []),
    ...(can(actor, "inventory.read") ? [{ href: "/inventory", label: "Inventory", icon: "warehouse" } as const] : []),
    ...(can(actor, "logistics.read")
      ? [
          { href: "/shipments", label: "Shipments", icon: "truck" } as const,
          { href: "/trips", label: "Trips", icon: "route" } as const,
          { href: "/challans", label: "Challans", icon: "orders" } as const,
          { href: "/eway-bills", label: "E-way bills", icon: "invoice" } as const,
          { href: "/fleet", label: "Fleet", icon: "truck" } as const,
        ]
      : []),
    ...(actor.role === "DRIVER" ? [{ href: "/driver", label: "My deliveries", icon: "truck" } as const] : []),
    ...(can(actor, "employees.read") ? [{ href: "/employees", label: "Employees", icon: "users" } as const] : []),
    ...(can(actor, "company.read") ? [{ href: "/settings/company", label: "Settings", icon: "company", section: "/settings" } as const] : []),
  ];
  return (
    <VendorShell
      nav={nav}
      companies={companies.map((c) => ({ id: c.id, name: c.name, code: c.code, roleLabel: roleLabels[c.role] }))}
      currentCompanyId={actor.companyId}
      user={{ name: actor.name, email: actor.email, roleLabel: roleLabels[actor.role] }}
      switchCompany={switchCompanyAction}
      logout={logoutAction}
      bell={<NotificationBell href="/notifications" initialUnread={unread} />}
    >
      {children}
    </VendorShell>
  );
}
