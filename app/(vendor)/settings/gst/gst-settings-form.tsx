"use client";
// Series, print fields, mail on issue and the e-way bill threshold. Errors from lib/billing sit
// next to their field.
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { BillingSettingsView } from "@/lib/billing/billing-settings";
import { updateBillingSettingsAction } from "./actions";

const seriesFields = [
  ["invoiceSeries", "Invoice series", "INV/25-26/000001"],
  ["creditNoteSeries", "Credit note series", "CN/25-26/000001"],
  ["debitNoteSeries", "Debit note series", "DN/25-26/000001"],
  ["receiptSeries", "Receipt series", "RCT/25-26/000001"],
] as const;

export function GstSettingsForm({ settings, canWrite }: { settings: BillingSettingsView; canWrite: boolean }) {
  const [pending, start] = useTransition();
  const [v, setV] = useState({ ...settings, invoiceTerms: settings.invoiceTerms ?? "", signatoryName: settings.signatoryName ?? "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const set = (patch: Partial<typeof v>) => setV((x) => ({ ...x, ...patch }));

  const save = () =>
    start(async () => {
      setMessage(null);
      setErrors({});
      const res = await updateBillingSettingsAction({
        invoiceSeries: v.invoiceSeries,
        creditNoteSeries: v.creditNoteSeries,
        debitNoteSeries: v.debitNoteSeries,
        receiptSeries: v.receiptSeries,
        ewayBillThreshold: v.ewayBillThreshold,
        emailOnIssue: v.emailOnIssue,
        invoiceTerms: v.invoiceTerms,
        signatoryName: v.signatoryName,
      });
      if (res.ok) setMessage({ tone: "success", text: "Settings saved." });
      else {
        setMessage({ tone: "danger", text: res.error });
        setErrors(res.fieldErrors ?? {});
      }
    });

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <Card>
        <CardHeader title="Documents" description="Series are 1–4 capital letters or digits. Numbers run per series and financial year and restart on 1 April; a number is at most 16 characters." />
        <CardBody className="space-y-5">
          {message && <Alert tone={message.tone}>{message.text}</Alert>}
          <fieldset disabled={!canWrite} className="grid gap-4 sm:grid-cols-4">
            {seriesFields.map(([name, label, example]) => (
              <Field key={name} id={name} label={label} hint={`e.g. ${example.replace(/^[A-Z]+/, v[name] || "…")}`} error={errors[name]?.[0]}>
                <Input value={v[name]} maxLength={4} className="font-mono uppercase" onChange={(e) => set({ [name]: e.target.value.toUpperCase() })} />
              </Field>
            ))}
          </fieldset>
          <fieldset disabled={!canWrite} className="grid gap-4 sm:grid-cols-2">
            <Field id="signatoryName" label="Authorised signatory" hint="Printed under the signature line" error={errors.signatoryName?.[0]}>
              <Input value={v.signatoryName} maxLength={120} onChange={(e) => set({ signatoryName: e.target.value })} />
            </Field>
            <Field id="ewayBillThreshold" label="E-way bill above (₹)" hint="Consignment value needing an e-way bill (Rule 138: ₹50,000)" error={errors.ewayBillThreshold?.[0]}>
              <Input value={v.ewayBillThreshold} inputMode="decimal" onChange={(e) => set({ ewayBillThreshold: e.target.value })} />
            </Field>
            <Field id="invoiceTerms" label="Terms printed on invoices" error={errors.invoiceTerms?.[0]} className="sm:col-span-2">
              <Textarea rows={3} value={v.invoiceTerms} maxLength={2000} onChange={(e) => set({ invoiceTerms: e.target.value })} />
            </Field>
            <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-2">
              <input type="checkbox" checked={v.emailOnIssue} onChange={(e) => set({ emailOnIssue: e.target.checked })} className="size-4 rounded border-slate-300" />
              Mail the PDF to the retailer when an invoice or note is issued (an e-invoiced one once its IRN is on it)
            </label>
          </fieldset>
          {canWrite && (
            <div className="flex justify-end">
              <Button type="submit" loading={pending}>
                Save settings
              </Button>
            </div>
          )}
        </CardBody>
      </Card>
    </form>
  );
}
