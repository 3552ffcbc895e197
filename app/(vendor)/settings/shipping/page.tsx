import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { paymentSandboxAllowed } from "@/lib/env";
import { listShippingAccounts } from "@/lib/logistics/shipping/shipping-accounts";
import { AddShippingAccountForm, ShippingAccountList } from "./shipping-account-forms";

export const metadata: Metadata = { title: "Shipping partners" };

export default async function ShippingSettingsPage() {
  const actor = await requireStaff();
  if (!can(actor, "logistics.read")) redirect("/dashboard");
  const accounts = await listShippingAccounts(makeCtx(actor));
  const canWrite = can(actor, "company.write");
  return (
    <>
      <PageHeader title="Shipping partners" description="Courier aggregators you book parcels with when your own vehicles do not go there. Their rates show beside the own-fleet cost on each shipment; tracking updates come back by themselves." />
      <SettingsTabs actor={actor} current="shipping" />
      <div className="max-w-4xl space-y-6">
        <ShippingAccountList accounts={accounts} canWrite={canWrite} />
        {canWrite && <AddShippingAccountForm hasAccounts={accounts.length > 0} sandboxAllowed={paymentSandboxAllowed()} />}
      </div>
    </>
  );
}
