"use client";
// The fields a receipt and a refund share: amount, day, method, reference (required for the methods
// `needsReference` names), the bank of a cheque where asked for, and notes.
import { DateInput } from "@/components/ui/date-input";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { needsReference, paymentMethodLabels, type PaymentMethod } from "@/lib/billing/payments.schemas";

export type PaymentFieldValues = { amount: string; paidOn: string; method: string; reference: string; bankName: string; notes: string };

export const emptyPaymentFields = (today: string, amount = ""): PaymentFieldValues => ({ amount, paidOn: today, method: "BANK_TRANSFER", reference: "", bankName: "", notes: "" });

export function PaymentFields({
  value,
  onChange,
  errors,
  disabled,
  today,
  dateLabel,
  methods,
  referenceLabel,
  referenceHint,
  askBank = false,
}: {
  value: PaymentFieldValues;
  onChange: (next: PaymentFieldValues) => void;
  errors: Record<string, string[] | undefined>;
  disabled: boolean;
  today: string;
  dateLabel: string;
  methods: readonly PaymentMethod[];
  referenceLabel: string;
  referenceHint?: string;
  /** Show the Bank field when the method is a cheque. */
  askBank?: boolean;
}) {
  const set = (key: keyof PaymentFieldValues) => (e: { target: { value: string } }) => onChange({ ...value, [key]: e.target.value });
  return (
    <>
      <Field id="amount" label="Amount (₹)" required error={errors.amount?.[0]}>
        <Input inputMode="decimal" placeholder="0.00" value={value.amount} onChange={set("amount")} disabled={disabled} />
      </Field>
      <Field id="paidOn" label={dateLabel} required error={errors.paidOn?.[0]}>
        <DateInput max={today} value={value.paidOn} onChange={set("paidOn")} disabled={disabled} />
      </Field>
      <Field id="method" label="Method" required error={errors.method?.[0]}>
        <Select value={value.method} options={methods.map((m) => ({ value: m, label: paymentMethodLabels[m] }))} onChange={set("method")} disabled={disabled} />
      </Field>
      <Field id="reference" label={referenceLabel} required={needsReference(value.method)} error={errors.reference?.[0]} hint={referenceHint}>
        <Input value={value.reference} onChange={set("reference")} maxLength={60} disabled={disabled} />
      </Field>
      {askBank && value.method === "CHEQUE" && (
        <Field id="bankName" label="Bank" error={errors.bankName?.[0]}>
          <Input value={value.bankName} onChange={set("bankName")} maxLength={100} placeholder="e.g. State Bank of India" />
        </Field>
      )}
      <Field id="notes" label="Notes" error={errors.notes?.[0]} className="sm:col-span-2">
        <Textarea rows={2} value={value.notes} onChange={set("notes")} maxLength={1000} disabled={disabled} />
      </Field>
    </>
  );
}
