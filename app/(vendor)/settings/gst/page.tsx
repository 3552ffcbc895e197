import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card, CardHeader } from "@/components/ui/card";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { readBillingSettings } from "@/lib/billing/billing-settings";
import { listTaxRates } from "@/lib/billing/tax-rates";
import { makeCtx } from "@/lib/ctx";
import { formatDate } from "@/lib/format";
import { GstSettingsForm } from "./gst-settings-form";
import { AddTaxRateForm, DeleteTaxRateButton } from "./tax-rate-forms";

export const metadata: Metadata = { title: "GST settings" };

export default async function GstSettingsPage() {
  const actor = await requireStaff();
  if (!can(actor, "billing.read")) redirect("/dashboard");
  const ctx = makeCtx(actor);
  const [settings, rates] = await Promise.all([readBillingSettings(ctx), listTaxRates(ctx, {})]);
  const canWrite = can(actor, "billing.write");
  const own = rates.filter((r) => r.scope === "company");
  const schedule = rates.filter((r) => r.scope === "schedule");
  return (
    <>
      <PageHeader title="GST settings" description="Document series, what prints on invoices, mail on issue, the e-way bill threshold, and GST rates by HSN as dated data." />
      <SettingsTabs actor={actor} current="gst" />
      <div className="space-y-6">
        <GstSettingsForm settings={settings} canWrite={canWrite} />
        <Card>
          <CardHeader title="Your GST rates" description="A rate for HSN codes starting with the prefix, from a date. A longer prefix wins; for the same prefix and date your rate wins over the published schedule. Invoices use the rate in force on their date." />
          {canWrite && <AddTaxRateForm />}
          <RateTable rows={own} empty="No rates of your own: the published schedule and each product's rate apply." action={canWrite ? (id) => <DeleteTaxRateButton id={id} /> : undefined} />
        </Card>
        <Card>
          <CardHeader title="Published schedule" description="Rates notified by the government (read-only). Add a rate of your own above to override one." />
          <RateTable rows={schedule} empty="No published rates loaded." />
        </Card>
      </div>
    </>
  );
}

function RateTable({ rows, empty, action }: { rows: Awaited<ReturnType<typeof listTaxRates>>; empty: string; action?: (id: string) => React.ReactNode }) {
  if (rows.length === 0) return <p className="px-5 py-4 text-sm text-slate-500">{empty}</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[560px] text-sm">
        <thead className="border-y border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
          <tr>
            <th className="px-5 py-2 text-left font-medium">HSN prefix</th>
            <th className="px-3 py-2 text-right font-medium">GST</th>
            <th className="px-3 py-2 text-right font-medium">Cess</th>
            <th className="px-3 py-2 text-left font-medium">From</th>
            <th className="px-3 py-2 text-left font-medium">Source</th>
            {action && <th className="px-5 py-2"><span className="sr-only">Actions</span></th>}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((r) => (
            <tr key={r.id}>
              <td className="px-5 py-2 font-mono">{r.hsnPrefix}</td>
              <td className="px-3 py-2 text-right tabular-nums">{Number(r.gstRate)}%</td>
              <td className="px-3 py-2 text-right tabular-nums text-slate-600">{Number(r.cessRate) ? `${Number(r.cessRate)}%` : "—"}</td>
              <td className="px-3 py-2 whitespace-nowrap">{formatDate(r.effectiveFrom)}</td>
              <td className="px-3 py-2 text-slate-600">{r.source ?? "—"}</td>
              {action && <td className="px-5 py-2 text-right">{action(r.id)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
