"use client";
// Record a receipt: retailer, amount, method, day, reference and how it is allocated. Picking a
// retailer reloads the page with ?retailer= so the server lists that retailer's open invoices.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import type { ReceivableAccount } from "@/lib/billing/get-receivable-account";
import { toPaise } from "@/lib/billing/paise";
import { paymentMethods, requiredReference } from "@/lib/billing/payments.schemas";
import { formatINR } from "@/lib/format";
import { recordPaymentAction } from "../actions";
import { AllocationEditor, manualLines, type AllocationMode } from "./allocation-editor";
import { emptyPaymentFields, PaymentFields } from "./payment-fields";

type Option = { value: string; label: string };
const referenceLabel: Record<string, string> = { ...requiredReference, CARD: "Card reference", GATEWAY: "Gateway payment id", CASH: "Reference" };

export function PaymentForm({ retailers, account, today }: { retailers: Option[]; account: ReceivableAccount | null; today: string }) {
  const router = useRouter();
  const [fields, setFields] = useState(() => emptyPaymentFields(today));
  const [mode, setMode] = useState<AllocationMode>("auto");
  const [manual, setManual] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const paise = toPaise(fields.amount);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!account) return;
    start(async () => {
      setErrors({});
      setMessage(null);
      const allocations = mode === "auto" ? "auto" : mode === "none" ? "none" : manualLines(account.openDocuments, manual);
      const { bankName, ...rest } = fields;
      const res = await recordPaymentAction({ connectionId: account.connectionId, ...rest, bankName: fields.method === "CHEQUE" ? bankName : undefined, allocations });
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
        <CardHeader title="Receipt" description="Money received from a retailer." />
        <CardBody className="grid gap-4 sm:grid-cols-2">
          <Field id="retailer" label="Retailer" required error={errors.connectionId?.[0]} className="sm:col-span-2">
            <Select value={account?.connectionId ?? ""} placeholder="Choose a retailer" options={retailers} onChange={(e) => router.push(e.target.value ? `/payments/new?retailer=${e.target.value}` : "/payments/new")} />
          </Field>
          {account && (
            <div className="rounded-lg bg-slate-50 px-4 py-3 text-sm text-slate-600 sm:col-span-2">
              Outstanding <span className="font-semibold text-slate-900 tabular-nums">{formatINR(account.outstanding)}</span>
              {" · "}
              {account.openDocuments.length} open {account.openDocuments.length === 1 ? "document" : "documents"}
              {account.unappliedCredit !== "0.00" && (
                <>
                  {" · "}on account <span className="font-medium text-slate-900 tabular-nums">{formatINR(account.unappliedCredit)}</span>
                </>
              )}
            </div>
          )}
          <PaymentFields
            value={fields}
            onChange={setFields}
            errors={errors}
            disabled={!account}
            today={today}
            dateLabel="Received on"
            methods={paymentMethods}
            referenceLabel={referenceLabel[fields.method]}
            referenceHint={fields.method === "BANK_TRANSFER" ? "The bank's transaction reference (UTR) for NEFT, RTGS or IMPS." : undefined}
            askBank
          />
        </CardBody>
      </Card>
      {account && (
        <Card>
          <CardHeader title="Allocation" description="Open invoices and debit notes of this retailer, due earliest first." />
          <CardBody>
            {errors.allocations?.[0] && (
              <Alert tone="danger" className="mb-3">
                {errors.allocations[0]}
              </Alert>
            )}
            <AllocationEditor docs={account.openDocuments} amount={paise} mode={mode} onMode={setMode} manual={manual} onManual={setManual} errors={errors} today={today} />
          </CardBody>
        </Card>
      )}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Cancel
        </Button>
        <Button type="submit" loading={pending} disabled={!account}>
          Record payment
        </Button>
      </div>
    </form>
  );
}
