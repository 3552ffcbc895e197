"use client";
// Pay back a retailer's unapplied credit (an advance or a credit note's balance). The refund is
// funded from the oldest credit first; it cannot be more than the credit.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { ReceivableAccount } from "@/lib/billing/get-receivable-account";
import { paymentMethods } from "@/lib/billing/payments.schemas";
import { formatDate, formatINR } from "@/lib/format";
import { recordRefundAction } from "../actions";
import { emptyPaymentFields, PaymentFields } from "./payment-fields";

/** Staff record refunds they paid by hand: every method but the gateway. */
const refundMethods = paymentMethods.filter((m) => m !== "GATEWAY");

export function RefundForm({ retailers, account, today }: { retailers: { value: string; label: string }[]; account: ReceivableAccount | null; today: string }) {
  const router = useRouter();
  const [fields, setFields] = useState(() => emptyPaymentFields(today, account && account.unappliedCredit !== "0.00" ? account.unappliedCredit : ""));
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
      const { amount, method, paidOn, reference, notes } = fields;
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
          <PaymentFields value={fields} onChange={setFields} errors={errors} disabled={noCredit} today={today} dateLabel="Paid on" methods={refundMethods} referenceLabel="Reference" referenceHint="Cheque number, UTR or UPI reference" />
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
