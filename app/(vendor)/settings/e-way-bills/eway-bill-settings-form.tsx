"use client";
// E-way bill settings: the local sandbox or NIC (with write-only password and client secret), the base threshold
// and intra-state thresholds per state (one "state code = amount" per line; blank uses the built-in table).
import { useState, useTransition } from "react";
import { FormSection } from "@/components/form/form-section";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { EwayBillSettingsView } from "@/lib/logistics/ewaybills/ewaybill-settings";
import { updateEwayBillSettingsAction } from "./actions";

const lines = (r: Record<string, string>) => Object.entries(r).map(([k, v]) => `${k} = ${v}`).join("\n");

export function EwayBillSettingsForm({ settings, canWrite }: { settings: EwayBillSettingsView; canWrite: boolean }) {
  const [mode, setMode] = useState(settings.mode);
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [pending, start] = useTransition();
  return (
    <form
      className="max-w-3xl divide-y divide-slate-200"
      onSubmit={(e) => {
        e.preventDefault();
        const f = new FormData(e.currentTarget);
        const text = String(f.get("stateThresholds") ?? "");
        const stateThresholds = Object.fromEntries(
          text
            .split("\n")
            .map((l) => l.split("=").map((x) => x.trim()))
            .filter((p) => p.length === 2 && p[0] && p[1]),
        );
        const input = {
          mode,
          threshold: String(f.get("threshold") ?? ""),
          stateThresholds,
          ...(mode === "NIC" ? { baseUrl: f.get("baseUrl"), username: f.get("username"), clientId: f.get("clientId"), password: f.get("password"), clientSecret: f.get("clientSecret"), publicKeyPem: f.get("publicKeyPem") } : {}),
        };
        start(async () => {
          const res = await updateEwayBillSettingsAction(input);
          setErrors(res.ok ? {} : (res.fieldErrors ?? {}));
          setMessage(res.ok ? { tone: "success", text: "Saved." } : { tone: "danger", text: res.error });
        });
      }}
    >
      {message && (
        <Alert tone={message.tone} className="mb-4">
          {message.text}
        </Alert>
      )}
      <FormSection title="E-way bill system" description="The sandbox is local: bills get numbers and validity as at NIC, but nothing reaches GSTN. Use NIC for real movements.">
        <Field id="mode" label="System" className="sm:col-span-2">
          <Select name="mode" value={mode} onChange={(e) => setMode(e.target.value as "SANDBOX" | "NIC")} disabled={!canWrite} options={[{ value: "SANDBOX", label: "Local e-way bill sandbox (not reported to GSTN)" }, { value: "NIC", label: "NIC e-way bill API" }]} />
        </Field>
        {mode === "NIC" && (
          <>
            <Field id="baseUrl" label="API base URL" error={errors.baseUrl?.[0]} className="sm:col-span-2">
              <Input name="baseUrl" defaultValue={settings.baseUrl ?? ""} placeholder="https://api.ewaybillgst.gov.in/ewaybillapi/v1.03" disabled={!canWrite} />
            </Field>
            <Field id="username" label="API user name" error={errors.username?.[0]}>
              <Input name="username" defaultValue={settings.username ?? ""} disabled={!canWrite} />
            </Field>
            <Field id="password" label="API password" hint={settings.passwordSet ? "Set — leave blank to keep it" : "Not set"} error={errors.password?.[0]}>
              <Input name="password" type="password" autoComplete="new-password" disabled={!canWrite} />
            </Field>
            <Field id="clientId" label="Client id" error={errors.clientId?.[0]}>
              <Input name="clientId" defaultValue={settings.clientId ?? ""} disabled={!canWrite} />
            </Field>
            <Field id="clientSecret" label="Client secret" hint={settings.clientSecretSet ? "Set — leave blank to keep it" : "Not set"} error={errors.clientSecret?.[0]}>
              <Input name="clientSecret" type="password" autoComplete="new-password" disabled={!canWrite} />
            </Field>
            <Field id="publicKeyPem" label="NIC public key (PEM)" hint={settings.publicKeySet ? "Set — paste again to replace" : "Not set"} error={errors.publicKeyPem?.[0]} className="sm:col-span-2">
              <Textarea name="publicKeyPem" rows={3} disabled={!canWrite} />
            </Field>
          </>
        )}
      </FormSection>
      <FormSection title="When an e-way bill is needed" description="Above this value with tax (Rule 138(1)). Between states the base applies; within a state, the state's own (built-in: Delhi, Maharashtra, Tamil Nadu, Punjab, Rajasthan, Bihar and West Bengal ₹1,00,000 — check your state's notification). Job work to another state always needs one.">
        <Field id="threshold" label="Base threshold (₹)" error={errors.threshold?.[0]}>
          <Input name="threshold" defaultValue={settings.threshold} inputMode="decimal" disabled={!canWrite} />
        </Field>
        <Field id="stateThresholds" label="Intra-state thresholds by state" hint={`One per line, e.g. "07 = 100000". Built-in: ${lines(settings.defaultStateThresholds).replaceAll("\n", ", ")}`} error={errors.stateThresholds?.[0] ?? Object.entries(errors).find(([k]) => k.startsWith("stateThresholds."))?.[1]?.[0]} className="sm:col-span-2">
          <Textarea name="stateThresholds" rows={3} defaultValue={lines(settings.stateThresholds)} disabled={!canWrite} />
        </Field>
      </FormSection>
      {canWrite && (
        <div className="flex justify-end pt-6">
          <Button type="submit" loading={pending}>
            Save
          </Button>
        </div>
      )}
    </form>
  );
}
