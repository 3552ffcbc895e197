"use client";
// Gateway accounts: the list (webhook URL to paste at the gateway, verify, disable) and the add form.
// Key secrets and webhook secrets are write-only: once saved they are never shown again.
import { useState, useTransition } from "react";
import { ConfirmButton } from "@/app/(vendor)/retailers/_components/confirm-button";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { GatewayAccountView } from "@/lib/billing/gateway/gateway-accounts";
import { gatewayProviderLabels, type GatewayProviderName } from "@/lib/billing/gateway/gateway.schemas";
import { addGatewayAccountAction, setGatewayAccountActiveAction, verifyGatewayAccountAction } from "./actions";

export function GatewayAccountList({ accounts, canWrite }: { accounts: GatewayAccountView[]; canWrite: boolean }) {
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  if (!accounts.length) {
    return <Alert tone="info" title="No payment gateway yet">Add Razorpay (most Indian businesses), Stripe (exports), or the local payment sandbox to try it out. Retailers then see “Pay now” on their unpaid invoices.</Alert>;
  }
  return (
    <Card>
      <CardHeader title="Gateway accounts" description="The first active account is used for new pay links." />
      {message && <Alert tone={message.tone} className="mx-5 mt-3">{message.text}</Alert>}
      <ul className="divide-y divide-slate-100">
        {accounts.map((a) => (
          <li key={a.id} className="space-y-2 px-5 py-4 text-sm">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{a.label}</span>
              <Badge tone={a.provider === "SANDBOX" ? "warning" : "brand"}>{gatewayProviderLabels[a.provider as GatewayProviderName]}</Badge>
              <Badge tone={a.mode === "LIVE" ? "success" : "neutral"}>{a.mode === "LIVE" ? "Live" : "Test"}</Badge>
              {!a.active && <Badge tone="danger">Disabled</Badge>}
              {a.verifiedAt && !a.lastError && <Badge tone="success" dot>Verified</Badge>}
            </div>
            {a.provider === "SANDBOX" && <p className="text-xs text-warning-800">Local payment sandbox — no real money moves. Payments made on its pay page are recorded as if a gateway reported them.</p>}
            <dl className="grid gap-x-4 gap-y-1 text-xs sm:grid-cols-[9rem_1fr]">
              <dt className="text-slate-500">Key id</dt>
              <dd className="font-mono">{a.keyId}</dd>
              <dt className="text-slate-500">Key secret</dt>
              <dd>Stored encrypted (never shown)</dd>
              <dt className="text-slate-500">Webhook URL</dt>
              <dd className="font-mono break-all select-all">{a.webhookUrl}</dd>
            </dl>
            {a.lastError && <p className="text-xs text-danger-700">Last check: {a.lastError}</p>}
            {canWrite && (
              <div className="flex gap-2">
                <Button
                  size="sm"
                  variant="secondary"
                  loading={pending}
                  onClick={() =>
                    start(async () => {
                      const res = await verifyGatewayAccountAction(a.id);
                      setMessage(res.ok ? { tone: res.data.ok ? "success" : "danger", text: res.data.ok ? `${a.label}: credentials verified.` : `${a.label}: ${res.data.lastError}` } : { tone: "danger", text: res.error });
                    })
                  }
                >
                  Verify credentials
                </Button>
                {a.active ? (
                  <ConfirmButton
                    label="Disable"
                    variant="ghost"
                    title={`Disable ${a.label}?`}
                    description="Its open pay links are cancelled at the gateway and no new links or checkouts can be made on it. Payments already made on it are still received and recorded."
                    confirmLabel="Disable account"
                    dismissLabel="Keep it on"
                    onConfirm={async () => {
                      const res = await setGatewayAccountActiveAction(a.id, false);
                      if (res.ok) setMessage({ tone: "success", text: `${a.label} disabled; its open pay links are being cancelled.` });
                      return res.ok ? { ok: true } : { ok: false, error: res.error };
                    }}
                  />
                ) : (
                  <Button
                    size="sm"
                    variant="secondary"
                    disabled={pending}
                    onClick={() =>
                      start(async () => {
                        const res = await setGatewayAccountActiveAction(a.id, true);
                        setMessage(res.ok ? { tone: "success", text: `${a.label} enabled.` } : { tone: "danger", text: res.error });
                      })
                    }
                  >
                    Enable
                  </Button>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

type Values = { provider: GatewayProviderName; mode: "TEST" | "LIVE"; label: string; keyId: string; keySecret: string; webhookSecret: string };

export function AddGatewayAccountForm({ hasAccounts }: { hasAccounts: boolean }) {
  const [v, setV] = useState<Values>({ provider: "RAZORPAY", mode: "TEST", label: "", keyId: "", keySecret: "", webhookSecret: "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [pending, start] = useTransition();
  const set = <K extends keyof Values>(k: K, value: Values[K]) => setV((s) => ({ ...s, [k]: value }));
  const sandbox = v.provider === "SANDBOX";

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      setMessage(null);
      const input = sandbox ? { provider: v.provider, mode: "TEST", label: v.label } : { ...v, keyId: v.keyId || undefined };
      const res = await addGatewayAccountAction(input);
      if (res.ok) {
        setV({ provider: v.provider, mode: "TEST", label: "", keyId: "", keySecret: "", webhookSecret: "" });
        return setMessage({ tone: "success", text: `${res.data.label} added. ${sandbox ? "" : "Paste its webhook URL into the gateway's dashboard, then verify the credentials."}` });
      }
      setErrors(res.fieldErrors ?? {});
      setMessage({ tone: "danger", text: res.error });
    });
  };

  return (
    <form onSubmit={save} noValidate>
      <Card>
        <CardHeader title={hasAccounts ? "Add another gateway" : "Add a gateway"} description="Secrets are stored encrypted and never shown again after saving." />
        <div className="grid gap-4 px-5 py-4 sm:grid-cols-2">
          {message && <Alert tone={message.tone} className="sm:col-span-2">{message.text}</Alert>}
          <Field id="provider" label="Gateway" required error={errors.provider?.[0]}>
            <Select value={v.provider} onChange={(e) => set("provider", e.target.value as GatewayProviderName)} options={(["RAZORPAY", "STRIPE", "SANDBOX"] as const).map((p) => ({ value: p, label: gatewayProviderLabels[p] }))} />
          </Field>
          <Field id="label" label="Name" required hint="e.g. Razorpay — HDFC current account" error={errors.label?.[0]}>
            <Input value={v.label} onChange={(e) => set("label", e.target.value)} />
          </Field>
          {sandbox ? (
            <Alert tone="warning" title="Local payment sandbox — no real money moves" className="sm:col-span-2">
              Built into this app for demos and testing. Its pay page offers UPI, card and net banking with outcomes you choose, and it sends webhooks signed exactly as Razorpay does.
            </Alert>
          ) : (
            <>
              <Field id="mode" label="Mode" required error={errors.mode?.[0]}>
                <Select value={v.mode} onChange={(e) => set("mode", e.target.value as "TEST" | "LIVE")} options={[{ value: "TEST", label: "Test" }, { value: "LIVE", label: "Live" }]} />
              </Field>
              {v.provider === "RAZORPAY" && (
                <Field id="keyId" label="Key id" required hint="rzp_test_… or rzp_live_…" error={errors.keyId?.[0]}>
                  <Input value={v.keyId} autoComplete="off" onChange={(e) => set("keyId", e.target.value)} />
                </Field>
              )}
              <Field id="keySecret" label={v.provider === "STRIPE" ? "Secret key" : "Key secret"} required error={errors.keySecret?.[0]}>
                <Input type="password" value={v.keySecret} autoComplete="new-password" onChange={(e) => set("keySecret", e.target.value)} />
              </Field>
              <Field id="webhookSecret" label="Webhook secret" required hint={v.provider === "STRIPE" ? "The endpoint's signing secret, whsec_…" : "The secret you set on the webhook in Razorpay's dashboard"} error={errors.webhookSecret?.[0]}>
                <Input type="password" value={v.webhookSecret} autoComplete="new-password" onChange={(e) => set("webhookSecret", e.target.value)} />
              </Field>
            </>
          )}
        </div>
        <div className="flex justify-end border-t border-slate-100 px-5 py-3">
          <Button type="submit" loading={pending}>Add gateway</Button>
        </div>
      </Card>
    </form>
  );
}
