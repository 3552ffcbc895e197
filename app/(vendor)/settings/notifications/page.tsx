import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { listSubscriptions } from "@/lib/notifications/list-subscriptions";
import { SubscriptionsForm } from "./subscriptions-form";

export const metadata: Metadata = { title: "Notification settings" };

export default async function NotificationSettingsPage() {
  const actor = await requireStaff();
  if (!can(actor, "orders.read")) redirect("/notifications");
  const subs = await listSubscriptions(makeCtx(actor));
  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/notifications" className="hover:text-slate-800">
            ← Notifications
          </Link>
        }
        title="Notification settings"
        description={`You always see order updates in the app (the bell). Choose which ones are also emailed to ${actor.email}.`}
      />
      <SettingsTabs actor={actor} current="notifications" />
      <Card className="max-w-2xl">
        <CardHeader title="Email me when" description="Only for this company; each person chooses their own." />
        <SubscriptionsForm initial={subs} />
      </Card>
    </>
  );
}
