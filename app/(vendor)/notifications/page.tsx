import type { Metadata } from "next";
import { NotificationCentre } from "@/components/notifications/notification-centre";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";

export const metadata: Metadata = { title: "Notifications" };

export default async function VendorNotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaff();
  return <NotificationCentre ctx={makeCtx(actor)} basePath="/notifications" searchParams={await searchParams} settingsHref={can(actor, "orders.read") ? "/settings/notifications" : undefined} />;
}
