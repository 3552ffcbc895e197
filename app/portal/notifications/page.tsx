import type { Metadata } from "next";
import { NotificationCentre } from "@/components/notifications/notification-centre";
import { requireRetailer } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";

export const metadata: Metadata = { title: "Notifications" };

export default async function PortalNotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireRetailer();
  return <NotificationCentre ctx={makeCtx(actor)} basePath="/portal/notifications" searchParams={await searchParams} />;
}
