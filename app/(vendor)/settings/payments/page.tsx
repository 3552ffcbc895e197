import type { Metadata } from "next";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { redirect } from "next/navigation";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { listGatewayAccounts } from "@/lib/billing/gateway/gateway-accounts";
import { makeCtx } from "@/lib/ctx";
import { GatewayAccountList, AddGatewayAccountForm } from "./gateway-account-forms";

export const metadata: Metadata = { title: "Online payments" };

export default async function PaymentSettingsPage() {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const accounts = await listGatewayAccounts(makeCtx(actor));
  const canWrite = can(actor, "billing.write") || can(actor, "company.write");
  return (
    <>
      <PageHeader
        title="Online payments"
        description="Payment gateways retailers pay your invoices through. Each payment the gateway reports becomes a receipt in your books by itself, allocated to the invoice it was for."
        actions={<Link href="/settings/payments/events" className="text-sm text-brand-700 hover:underline">Payment events</Link>}
      />
      <SettingsTabs actor={actor} current="payments" />
      <div className="max-w-4xl space-y-6">
        <GatewayAccountList accounts={accounts} canWrite={canWrite} />
        {canWrite && <AddGatewayAccountForm hasAccounts={accounts.length > 0} />}
      </div>
    </>
  );
}
