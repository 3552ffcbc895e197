"use client";
// Staff's online-payment panel on a retailer's ledger: a pay link for the whole outstanding (or part
// of it); when paid, the receipt is allocated to the open documents oldest due first.
import Link from "next/link";
import { useState, useTransition } from "react";
import { PayLinkBadge, PaymentAttemptBadge } from "@/components/billing/pay-link-status";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { PayLinkView } from "@/lib/billing/gateway/pay-link-views";
import { formatDateTime, formatINR } from "@/lib/format";
import { SendPayLinkButton } from "../../../invoices/_components/send-pay-link-button";
import { createOutstandingPayLinkAction } from "./actions";

export function OutstandingPayLinks({ connectionId, links, outstanding, canCreate, sentAt }: { connectionId: string; links: PayLinkView[]; outstanding: string; canCreate: boolean; sentAt: Record<string, string> }) {
  const [amount, setAmount] = useState(outstanding);
  const [acceptPartial, setAcceptPartial] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "success" | "danger"; text: string } | null>(null);
  const [pending, start] = useTransition();

  const create = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      setMessage(null);
      const res = await createOutstandingPayLinkAction(connectionId, { amount, acceptPartial });
      if (res.ok) return setMessage({ tone: "success", text: `Pay link ready: ${res.data.shortUrl ?? ""}` });
      setErrors(res.fieldErrors ?? {});
      setMessage({ tone: "danger", text: res.error });
    });
  };

  return (
    <Card>
      <CardHeader title="Online payment of the outstanding" description={links.length ? "When paid, the receipt settles the open documents oldest due first." : "No pay links for the whole outstanding yet."} />
      {message && <Alert tone={message.tone} className="mx-5 mt-3 break-all">{message.text}</Alert>}
      {links.length > 0 && (
        <ul className="divide-y divide-slate-100 text-sm">
          {links.map((l) => (
            <li key={l.id} className="space-y-1.5 px-5 py-3">
              <div className="flex items-center justify-between gap-2">
                <span className="font-mono text-[13px]">{l.reference}</span>
                <PayLinkBadge status={l.status} />
              </div>
              <p className="text-xs text-slate-500">
                {formatINR(l.amount)}
                {l.acceptPartial ? " · part payments allowed" : ""} · paid {formatINR(l.amountPaid)}
                {l.sandbox ? " · local payment sandbox" : ` · ${l.provider.toLowerCase()}`} · {formatDateTime(l.createdAt)}
              </p>
              {l.shortUrl && (l.status === "CREATED" || l.status === "PARTLY_PAID") && <p className="font-mono text-xs break-all text-brand-700 select-all">{l.shortUrl}</p>}
              {canCreate && (l.status === "CREATED" || l.status === "PARTLY_PAID") && l.shortUrl && <SendPayLinkButton payLinkId={l.id} sentAt={sentAt[l.id] ?? null} path={`/retailers/${connectionId}/ledger`} />}
              {l.payments.map((p) => (
                <div key={p.id} className="flex flex-wrap items-center gap-2 text-xs">
                  <PaymentAttemptBadge status={p.status} />
                  <span className="tabular-nums">{formatINR(p.amount)}</span>
                  {p.receiptId && (
                    <Link href={`/payments/${p.receiptId}`} className="text-brand-700 hover:underline">
                      Receipt
                    </Link>
                  )}
                  {p.needsReview && <span className="text-warning-800">Needs review: {p.reviewReason}</span>}
                </div>
              ))}
            </li>
          ))}
        </ul>
      )}
      {canCreate && Number(outstanding) > 0 && (
        <form onSubmit={create} className="flex flex-wrap items-end gap-3 border-t border-slate-100 px-5 py-4">
          <Field id="outstandingPayLinkAmount" label="Amount" error={errors.amount?.[0]} hint={`Outstanding: ${formatINR(outstanding)}`}>
            <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} className="w-36" />
          </Field>
          <label className="flex items-center gap-2 text-sm text-slate-700">
            <input type="checkbox" checked={acceptPartial} onChange={(e) => setAcceptPartial(e.target.checked)} />
            Allow part payments
          </label>
          <Button type="submit" loading={pending}>
            Make pay link
          </Button>
        </form>
      )}
    </Card>
  );
}
