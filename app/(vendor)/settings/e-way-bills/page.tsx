import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { getEwayBillSettings } from "@/lib/logistics/ewaybills/ewaybill-settings";
import { EwayBillSettingsForm } from "./eway-bill-settings-form";

export const metadata: Metadata = { title: "E-way bills" };

export default async function EwayBillSettingsPage() {
  const actor = await requireStaff();
  if (!can(actor, "logistics.read")) redirect("/dashboard");
  const settings = await getEwayBillSettings(makeCtx(actor));
  return (
    <>
      <PageHeader title="E-way bills" description="Which e-way bill system the company uses, its API credentials, and the consignment values above which an e-way bill is needed." />
      <SettingsTabs actor={actor} current="e-way-bills" />
      <EwayBillSettingsForm settings={settings} canWrite={can(actor, "company.write") || can(actor, "billing.write")} />
    </>
  );
}
