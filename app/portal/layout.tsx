import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { PortalShell } from "@/components/shell/portal-shell";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { getMyBusiness } from "@/lib/network/my-vendors";
import { countUnread } from "@/lib/notifications/count-unread";
import { logoutAction } from "../(auth)/actions";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireRetailer();
  const ctx = makeCtx(actor);
  const [business, unread] = await Promise.all([getMyBusiness(ctx), countUnread(ctx)]);
  return (
    <PortalShell
      businessName={business.tradeName ?? business.legalName}
      user={{ name: actor.name, email: actor.email }}
      nav={[
        { href: "/portal", label: "Home", exact: true },
        { href: "/portal/catalog", label: "Catalog" },
        { href: "/portal/cart", label: "Cart" },
        { href: "/portal/orders", label: "Orders" },
        { href: "/portal/invoices", label: "Invoices" },
        { href: "/portal/statement", label: "Statement" },
        { href: "/portal/vendors", label: "My vendors" },
        { href: "/portal/profile", label: "Business profile" },
      ]}
      logout={logoutAction}
      bell={<NotificationBell href="/portal/notifications" initialUnread={unread} />}
    >
      {children}
    </PortalShell>
  );
}
