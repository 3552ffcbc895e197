"use client";
// Pay back a retailer's unapplied credit (an advance or a credit note's balance). The refund is
// funded from the oldest credit first; it cannot be more than the credit.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import type { ReceivableAccount } from "@/lib/billing/get-receivable-account";
import { paymentMethodLabels, paymentMethods } from "@/lib/billing/payments.schemas";
import { formatDate, formatINR } from "@/lib/format";
import { recordRefundAction } from "../actions";

export function RefundForm({ retailers, account, today }: { retailers: { value: string; label: string }[]; account: ReceivableAccount | null; today: string }) {
  const router = useRouter();
  const [amount, setAmount] = useState(account && account.unappliedCredit !== "0.00" ? account.unappliedCredit : "");
  const [method, setMethod] = useState<string>("BANK_TRANSFER");
  const [paidOn, setPaidOn] = useState(today);
  const [reference, setReference] = useState("");
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const noCredit = !account || account.unappliedCredit === "0.00";

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!account) return;
    start(async () => {
      setErrors({});
      setMessage(null);
      const res = await recordRefundAction({ connectionId: account.connectionId, amount, method, paidOn, reference, notes });
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.error);
        return;
      }
      router.push(`/payments/${res.data.id}?done=recorded`);
    });
  };

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      {message && <Alert tone="danger">{message}</Alert>}
      <Card>
        <CardHeader title="Refund" description="Money paid back to a retailer out of its unapplied credit." />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field id="retailer" label="Retailer" required className="sm:col-span-2">
            <Select value={account?.connectionId ?? ""} placeholder="Choose a retailer" options={retailers} onChange={(e) => router.push(e.target.value ? `/payments/refund?retailer=${e.target.value}` : "/payments/refund")} />
          </Field>
          {account && (
            <div className="sm:col-span-2">
              {noCredit ? (
                <Alert tone="info">{account.retailer.name} has no unapplied credit: nothing to refund.</Alert>
              ) : (
                <>
                  <p className="mb-2 text-sm text-slate-600">
                    Unapplied credit <span className="font-semibold text-slate-900 tabular-nums">{formatINR(account.unappliedCredit)}</span> — the refund uses the oldest first:
                  </p>
                  <Table>
                    <THead>
                      <Tr>
                        <Th>Credit</Th>
                        <Th>Date</Th>
                        <Th numeric>Total</Th>
                        <Th numeric>Unapplied</Th>
                      </Tr>
                    </THead>
                    <TBody>
                      {account.credits.map((c) => (
                        <Tr key={c.id}>
                          <Td>
                            <span className="font-medium">{c.number}</span>
                            <span className="ml-2 text-xs text-slate-500">{c.kind === "receipt" ? "Advance receipt" : "Credit note"}</span>
                          </Td>
                          <Td muted>{formatDate(c.date)}</Td>
                          <Td numeric muted>
                            {formatINR(c.total)}
                          </Td>
                          <Td numeric>{formatINR(c.open)}</Td>
                        </Tr>
                      ))}
                    </TBody>
                  </Table>
                </>
              )}
            </div>
          )}
          <Field id="amount" label="Amount (₹)" required error={errors.amount?.[0]}>
            <Input inputMode="decimal" placeholder="0.00" value={amount} onChange={(e) => setAmount(e.target.value)} disabled={noCredit} />
          </Field>
          <Field id="paidOn" label="Paid on" required error={errors.paidOn?.[0]}>
            <Input type="date" max={today} value={paidOn} onChange={(e) => setPaidOn(e.target.value)} disabled={noCredit} />
          </Field>
          <Field id="method" label="Method" required error={errors.method?.[0]}>
            <Select value={method} options={paymentMethods.filter((m) => m !== "GATEWAY").map((m) => ({ value: m, label: paymentMethodLabels[m] }))} onChange={(e) => setMethod(e.target.value)} disabled={noCredit} />
          </Field>
          <Field id="reference" label="Reference" required={method !== "CASH" && method !== "CARD"} error={errors.reference?.[0]} hint="Cheque number, UTR or UPI reference">
            <Input value={reference} onChange={(e) => setReference(e.target.value)} maxLength={60} disabled={noCredit} />
          </Field>
          <Field id="notes" label="Notes" error={errors.notes?.[0]} className="sm:col-span-2">
            <Textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={1000} disabled={noCredit} />
          </Field>
        </CardBody>
      </Card>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" loading={pending} disabled={noCredit}>
          Record refund
        </Button>
      </div>
    </form>
  );
}
