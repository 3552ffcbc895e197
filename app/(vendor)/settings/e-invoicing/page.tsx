import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { getEInvoiceSettings } from "@/lib/billing/einvoice/einvoice-settings";
import { makeCtx } from "@/lib/ctx";
import { EInvoiceSettingsForm } from "./einvoice-settings-form";

export const metadata: Metadata = { title: "E-invoicing" };

export default async function EInvoicingSettingsPage() {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const settings = await getEInvoiceSettings(makeCtx(actor));
  const canWrite = can(actor, "billing.write") || can(actor, "company.write");
  return (
    <>
      <PageHeader title="E-invoicing" description="Report invoices, credit notes and debit notes to the Invoice Registration Portal (IRP) for an IRN and a signed QR code. Needed above ₹5 crore aggregate turnover." />
      <SettingsTabs actor={actor} current="e-invoicing" />
      <EInvoiceSettingsForm settings={settings} canWrite={canWrite} />
    </>
  );
}
