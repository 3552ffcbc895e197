"use client";
// E-invoicing on/off, which IRP (the local sandbox or NIC) and NIC's credentials. Passwords are
// write-only: the form shows whether one is stored, and a blank field keeps it.
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { EInvoiceSettingsView } from "@/lib/billing/einvoice/einvoice-settings";
import { cn } from "@/lib/cn";
import { updateEInvoiceSettingsAction } from "./actions";

type Values = { eInvoiceEnabled: boolean; irpMode: "SANDBOX" | "NIC"; irpBaseUrl: string; irpUsername: string; irpClientId: string; irpPassword: string; irpClientSecret: string; irpPublicKeyPem: string };

export function EInvoiceSettingsForm({ settings, canWrite }: { settings: EInvoiceSettingsView; canWrite: boolean }) {
  const [v, setV] = useState<Values>({
    eInvoiceEnabled: settings.eInvoiceEnabled,
    irpMode: settings.irpMode,
    irpBaseUrl: settings.irpBaseUrl ?? "",
    irpUsername: settings.irpUsername ?? "",
    irpClientId: settings.irpClientId ?? "",
    irpPassword: "",
    irpClientSecret: "",
    irpPublicKeyPem: "",
  });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((s) => ({ ...s, [k]: value }));
  const nic = v.irpMode === "NIC";

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setMessage(null);
      setErrors({});
      const input = nic
        ? { ...v, irpPublicKeyPem: v.irpPublicKeyPem === "" ? undefined : v.irpPublicKeyPem }
        : { eInvoiceEnabled: v.eInvoiceEnabled, irpMode: v.irpMode };
      const res = await updateEInvoiceSettingsAction(input);
      if (res.ok) {
        setV((s) => ({ ...s, irpPassword: "", irpClientSecret: "", irpPublicKeyPem: "" }));
        return setMessage({ tone: "success", text: "E-invoicing settings saved." });
      }
      setErrors(res.fieldErrors ?? {});
      setMessage({ tone: "danger", text: res.error });
    });
  };

  const secretHint = (isSet: boolean) => (isSet ? "Stored (encrypted). Leave blank to keep it." : "Not set.");

  return (
    <form onSubmit={save} noValidate className="max-w-3xl space-y-6">
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <Card>
        <CardHeader title="Reporting" description="When on, every invoice and note to a registered buyer is sent to the IRP in the background when it is issued." />
        <div className="space-y-5 px-5 py-4">
          <label className="flex items-start gap-3 text-sm">
            <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600" checked={v.eInvoiceEnabled} disabled={!canWrite} onChange={(e) => set("eInvoiceEnabled", e.target.checked)} />
            <span>
              <span className="font-medium text-slate-900">Generate e-invoices on issue</span>
              <span className="block text-slate-500">Documents issued while this is off can still be reported from the invoice page.</span>
            </span>
          </label>
          <fieldset>
            <legend className="text-sm font-medium text-slate-900">Invoice Registration Portal</legend>
            <div className="mt-2 grid gap-3 sm:grid-cols-2">
              {(
                [
                  ["SANDBOX", "Local IRP sandbox", "Built into this app, for demos and testing. Nothing reaches GSTN."],
                  ["NIC", "NIC IRP", "The government portal through its API, with your API credentials."],
                ] as const
              ).map(([mode, title, text]) => (
                <label key={mode} className={cn("flex cursor-pointer gap-3 rounded-lg border p-3 text-sm", v.irpMode === mode ? "border-brand-500 bg-brand-50/50 ring-1 ring-brand-500" : "border-slate-200 hover:bg-slate-50")}>
                  <input type="radio" name="irpMode" value={mode} className="mt-0.5 accent-brand-600" checked={v.irpMode === mode} disabled={!canWrite} onChange={() => set("irpMode", mode)} />
                  <span>
                    <span className="font-medium text-slate-900">{title}</span>
                    <span className="block text-slate-500">{text}</span>
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
          {!nic && (
            <Alert tone="warning" title="Local IRP sandbox — not reported to GSTN">
              IRNs, acknowledgement numbers and QR codes made here are signed with this app&apos;s own key. They are not valid e-invoices; switch to the NIC IRP before reporting for real.
            </Alert>
          )}
        </div>
      </Card>

      {nic && (
        <Card>
          <CardHeader title="NIC API credentials" description="From the e-invoice portal (API registration) or your GSP. The password and client secret are stored encrypted and never shown again." />
          <div className="grid gap-4 px-5 py-4 sm:grid-cols-2">
            <Field id="irpBaseUrl" label="IRP base URL" required className="sm:col-span-2" hint="e.g. https://einv-apisandbox.nic.in for NIC's test system" error={errors.irpBaseUrl?.[0]}>
              <Input value={v.irpBaseUrl} disabled={!canWrite} onChange={(e) => set("irpBaseUrl", e.target.value)} placeholder="https://" />
            </Field>
            <Field id="irpUsername" label="API user name" required error={errors.irpUsername?.[0]}>
              <Input value={v.irpUsername} disabled={!canWrite} autoComplete="off" onChange={(e) => set("irpUsername", e.target.value)} />
            </Field>
            <Field id="irpPassword" label="API password" hint={secretHint(settings.irpPasswordSet)} error={errors.irpPassword?.[0]}>
              <Input type="password" value={v.irpPassword} disabled={!canWrite} autoComplete="new-password" onChange={(e) => set("irpPassword", e.target.value)} placeholder={settings.irpPasswordSet ? "••••••••" : ""} />
            </Field>
            <Field id="irpClientId" label="Client id" required error={errors.irpClientId?.[0]}>
              <Input value={v.irpClientId} disabled={!canWrite} autoComplete="off" onChange={(e) => set("irpClientId", e.target.value)} />
            </Field>
            <Field id="irpClientSecret" label="Client secret" hint={secretHint(settings.irpClientSecretSet)} error={errors.irpClientSecret?.[0]}>
              <Input type="password" value={v.irpClientSecret} disabled={!canWrite} autoComplete="new-password" onChange={(e) => set("irpClientSecret", e.target.value)} placeholder={settings.irpClientSecretSet ? "••••••••" : ""} />
            </Field>
            <Field id="irpPublicKeyPem" label="NIC public key (PEM)" className="sm:col-span-2" hint={settings.irpPublicKeySet ? "Stored. Paste a new one to replace it." : "Not set. Download it from the NIC API portal."} error={errors.irpPublicKeyPem?.[0]}>
              <Textarea rows={4} className="font-mono text-xs" value={v.irpPublicKeyPem} disabled={!canWrite} onChange={(e) => set("irpPublicKeyPem", e.target.value)} placeholder="-----BEGIN PUBLIC KEY-----" />
            </Field>
          </div>
        </Card>
      )}

      {canWrite ? (
        <div className="flex justify-end">
          <Button type="submit" loading={pending}>
            Save e-invoicing settings
          </Button>
        </div>
      ) : (
        <p className="text-sm text-slate-500">Only staff who manage billing or the company can change these settings.</p>
      )}
    </form>
  );
}
