"use client";
// Shipping partner accounts: the list (webhook URL to paste at the partner, verify, disable) and the add
// form. The API password and the webhook token are write-only; the token is shown once, right after adding.
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ShippingAccountView } from "@/lib/logistics/shipping/shipping-accounts";
import { addShippingAccountAction, changeShippingAccountAction } from "./actions";

const providerLabels = { SHIPROCKET: "Shiprocket", SANDBOX: "Shipping sandbox" } as const;

export function ShippingAccountList({ accounts, canWrite }: { accounts: ShippingAccountView[]; canWrite: boolean }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  if (!accounts.length) {
    return <Alert tone="info" title="No shipping partner yet">Add your Shiprocket account (an API user from Shiprocket → Settings → API) to book couriers from a shipment, or the shipping sandbox to try it out.</Alert>;
  }
  const run = (a: ShippingAccountView, action: "verify" | "disable" | "enable") =>
    start(async () => {
      const res = await changeShippingAccountAction(a.id, action);
      if (!res.ok) return setMessage({ tone: "danger", text: res.error });
      if (action === "verify") return setMessage(res.data.ok ? { tone: "success", text: `${a.label}: credentials verified.` } : { tone: "danger", text: `${a.label}: ${res.data.lastError}` });
      setMessage({ tone: "success", text: `${a.label} ${action === "disable" ? "disabled" : "enabled"}.` });
    });
  return (
    <Card>
      <CardHeader title="Shipping accounts" description="Every active account quotes its couriers on a shipment's Rates." />
      {message && <Alert tone={message.tone} className="mx-5 mt-3">{message.text}</Alert>}
      <ul className="divide-y divide-slate-100">
        {accounts.map((a) => (
          <li key={a.id} className="space-y-2 px-5 py-4 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{a.label}</span>
              <Badge tone={a.provider === "SANDBOX" ? "warning" : "brand"}>{providerLabels[a.provider]}</Badge>
              {!a.active && <Badge tone="danger">Disabled</Badge>}
              {a.verifiedAt && !a.lastError && <Badge tone="success" dot>Verified</Badge>}
            </div>
            {a.provider === "SANDBOX" && <p className="text-xs text-warning-800">Local shipping sandbox — no parcel moves. Its couriers quote, book and “deliver” like a real aggregator, for the demo and tests.</p>}
            <dl className="grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[9rem_1fr]">
              {a.provider !== "SANDBOX" && (
                <>
                  <dt className="text-slate-500">API user</dt>
                  <dd className="break-all">{a.apiEmail} · password stored encrypted</dd>
                </>
              )}
              <dt className="text-slate-500">Pickup location</dt>
              <dd>
                {a.pickupLocation} · {a.pickupPincode}
              </dd>
              {a.provider !== "SANDBOX" && (
                <>
                  <dt className="text-slate-500">Tracking webhook</dt>
                  <dd className="font-mono break-all select-all">{a.webhookUrl}</dd>
                  <dt className="text-slate-500">Last update</dt>
                  <dd>{a.lastWebhookAt ? `webhook ${new Date(a.lastWebhookAt).toLocaleString("en-IN")}` : a.lastPolledAt ? `polled ${new Date(a.lastPolledAt).toLocaleString("en-IN")}` : "none yet (polled every 30 minutes until webhooks arrive)"}</dd>
                </>
              )}
            </dl>
            {a.lastError && <p className="text-xs text-danger-700">Last check: {a.lastError}</p>}
            {canWrite && (
              <div className="flex flex-wrap gap-2">
                <Button size="sm" variant="secondary" loading={pending} onClick={() => run(a, "verify")}>
                  Verify credentials
                </Button>
                <Button size="sm" variant={a.active ? "ghost" : "secondary"} disabled={pending} onClick={() => run(a, a.active ? "disable" : "enable")}>
                  {a.active ? "Disable" : "Enable"}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

type Values = { provider: "SHIPROCKET" | "SANDBOX"; label: string; apiEmail: string; apiPassword: string; pickupLocation: string; pickupPincode: string };

export function AddShippingAccountForm({ hasAccounts, sandboxAllowed }: { hasAccounts: boolean; sandboxAllowed: boolean }) {
  const empty: Values = { provider: "SHIPROCKET", label: "", apiEmail: "", apiPassword: "", pickupLocation: "", pickupPincode: "" };
  const [v, setV] = useState<Values>(empty);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string; token?: string; url?: string } | null>(null);
  const [pending, start] = useTransition();
  const set = (k: keyof Values) => (e: { target: { value: string } }) => setV((s) => ({ ...s, [k]: e.target.value }));
  const sandbox = v.provider === "SANDBOX";

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      setMessage(null);
      const input = sandbox ? { provider: v.provider, label: v.label, pickupLocation: v.pickupLocation, pickupPincode: v.pickupPincode } : v;
      const res = await addShippingAccountAction(input);
      if (res.ok) {
        setV({ ...empty, provider: v.provider });
        return setMessage(sandbox ? { tone: "success", text: `${res.data.label} added.` } : { tone: "success", text: `${res.data.label} added. In Shiprocket → Settings → API → Webhooks, set this URL and token (the token is shown only now), then verify the credentials.`, token: res.data.webhookToken, url: res.data.webhookUrl });
      }
      setErrors(res.fieldErrors ?? {});
      setMessage({ tone: "danger", text: res.error });
    });
  };

  return (
    <form onSubmit={save} noValidate>
      <Card>
        <CardHeader title={hasAccounts ? "Add another account" : "Add a shipping account"} description="The API password is stored encrypted and never shown again." />
        <div className="grid gap-4 px-5 py-4 sm:grid-cols-2">
          {message && (
            <Alert tone={message.tone} className="sm:col-span-2">
              {message.text}
              {message.token && (
                <dl className="mt-2 grid gap-1 text-xs">
                  <dt className="font-medium">Webhook URL</dt>
                  <dd className="font-mono break-all select-all">{message.url}</dd>
                  <dt className="font-medium">Token (x-api-key)</dt>
                  <dd className="font-mono break-all select-all">{message.token}</dd>
                </dl>
              )}
            </Alert>
          )}
          <Field id="provider" label="Partner" required error={errors.provider?.[0]}>
            <Select value={v.provider} onChange={set("provider")} options={[{ value: "SHIPROCKET", label: "Shiprocket" }, ...(sandboxAllowed ? [{ value: "SANDBOX", label: "Shipping sandbox (demo)" }] : [])]} />
          </Field>
          <Field id="label" label="Name" required hint="e.g. Shiprocket — Bhosari godown" error={errors.label?.[0]}>
            <Input value={v.label} onChange={set("label")} />
          </Field>
          {!sandbox && (
            <>
              <Field id="apiEmail" label="API user email" required error={errors.apiEmail?.[0]}>
                <Input type="email" autoComplete="off" value={v.apiEmail} onChange={set("apiEmail")} />
              </Field>
              <Field id="apiPassword" label="API user password" required error={errors.apiPassword?.[0]}>
                <Input type="password" autoComplete="new-password" value={v.apiPassword} onChange={set("apiPassword")} />
              </Field>
            </>
          )}
          <Field id="pickupLocation" label="Pickup location" required hint={sandbox ? "A name for where parcels are collected" : "The nickname of the pickup address in Shiprocket"} error={errors.pickupLocation?.[0]}>
            <Input value={v.pickupLocation} onChange={set("pickupLocation")} />
          </Field>
          <Field id="pickupPincode" label="Pickup PIN code" required error={errors.pickupPincode?.[0]}>
            <Input inputMode="numeric" maxLength={6} value={v.pickupPincode} onChange={set("pickupPincode")} />
          </Field>
          {sandbox && (
            <Alert tone="warning" title="Local shipping sandbox — no parcel moves" className="sm:col-span-2">
              Built into this app for demos and testing: two “Sandbox” couriers with rates by weight and zone, AWB numbers, and a status that moves from pickup to delivery over the courier’s transit time.
            </Alert>
          )}
        </div>
        <div className="flex justify-end border-t border-slate-100 px-5 py-3">
          <Button type="submit" loading={pending}>Add account</Button>
        </div>
      </Card>
    </form>
  );
}
