// What the payer chooses in the LOCAL PAYMENT SANDBOX — how they pay, what the sandbox makes happen
// and, for a part payment, how much — shared by its hosted pay page (a payment link) and its stand-in
// for Razorpay Checkout (an order), so both ask the same way and send the same input.
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

const methods = [
  ["upi", "UPI"],
  ["card", "Card"],
  ["netbanking", "Net banking"],
] as const;
const outcomes = [
  ["succeed", "Payment succeeds"],
  ["fail", "Payment fails"],
  ["authorize_only", "Authorised only (not captured)"],
  ["pay_part", "Pay part of it"],
] as const;

export type SandboxPayChoices = ReturnType<typeof useSandboxPayChoices>;

/** The choices, and the input the sandbox takes from them (the amount only with a part payment). */
export function useSandboxPayChoices() {
  const [method, setMethod] = useState<string>("upi");
  const [outcome, setOutcome] = useState<string>("succeed");
  const [amount, setAmount] = useState("");
  const input = { method, outcome, ...(outcome === "pay_part" ? { amount } : {}) };
  return { method, setMethod, outcome, setOutcome, amount, setAmount, input };
}

/**
 * `partial`: part payments are taken (offers "Pay part of it" and, once chosen, the amount field).
 * `authorizeOnly`: offers a payment that is authorised but not captured.
 */
export function SandboxPayFields({
  choices,
  partial,
  authorizeOnly = false,
  amountField,
}: {
  choices: SandboxPayChoices;
  partial: boolean;
  authorizeOnly?: boolean;
  amountField: { id: string; hint?: string; placeholder?: string; error?: string };
}) {
  const { method, setMethod, outcome, setOutcome, amount, setAmount } = choices;
  return (
    <>
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">Pay with</legend>
        <div className="mt-2 grid grid-cols-3 gap-2">
          {methods.map(([v, label]) => (
            <label key={v} className="flex cursor-pointer items-center gap-2 rounded-lg border border-slate-200 p-2.5 text-sm has-[:checked]:border-brand-500 has-[:checked]:ring-1 has-[:checked]:ring-brand-500">
              <input type="radio" name="method" value={v} checked={method === v} onChange={() => setMethod(v)} className="accent-brand-600" />
              {label}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-slate-900">What happens</legend>
        <div className="mt-2 space-y-1.5">
          {outcomes
            .filter(([v]) => (v !== "pay_part" || partial) && (v !== "authorize_only" || authorizeOnly))
            .map(([v, label]) => (
              <label key={v} className="flex items-center gap-2 text-sm">
                <input type="radio" name="outcome" value={v} checked={outcome === v} onChange={() => setOutcome(v)} className="accent-brand-600" />
                {label}
              </label>
            ))}
        </div>
      </fieldset>
      {outcome === "pay_part" && (
        <Field id={amountField.id} label="Amount to pay now" required hint={amountField.hint} error={amountField.error}>
          <Input inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} placeholder={amountField.placeholder} />
        </Field>
      )}
    </>
  );
}
