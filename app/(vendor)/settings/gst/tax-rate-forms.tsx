"use client";
// "Add rate" (HSN prefix, GST and cess percent, from date, source) and "Delete" of a company rate.
import { DateInput } from "@/components/ui/date-input";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { addTaxRateAction, deleteTaxRateAction } from "./actions";

const empty = { hsnPrefix: "", gstRate: "", cessRate: "", effectiveFrom: "", source: "" };

export function AddTaxRateForm() {
  const [pending, start] = useTransition();
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="grid items-start gap-3 border-b border-slate-100 px-5 py-4 sm:grid-cols-[8rem_6rem_6rem_10rem_1fr_auto]"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          setErrors({});
          setError(null);
          const res = await addTaxRateAction({ ...v, cessRate: v.cessRate || undefined, source: v.source || undefined });
          if (res.ok) setV(empty);
          else {
            setErrors(res.fieldErrors ?? {});
            if (!res.fieldErrors) setError(res.error);
          }
        });
      }}
    >
      <Field id="hsnPrefix" label="HSN prefix" error={errors.hsnPrefix?.[0]}>
        <Input value={v.hsnPrefix} inputMode="numeric" maxLength={8} onChange={(e) => setV({ ...v, hsnPrefix: e.target.value })} />
      </Field>
      <Field id="gstRate" label="GST %" error={errors.gstRate?.[0]}>
        <Input value={v.gstRate} inputMode="decimal" onChange={(e) => setV({ ...v, gstRate: e.target.value })} />
      </Field>
      <Field id="cessRate" label="Cess %" error={errors.cessRate?.[0]}>
        <Input value={v.cessRate} inputMode="decimal" placeholder="0" onChange={(e) => setV({ ...v, cessRate: e.target.value })} />
      </Field>
      <Field id="effectiveFrom" label="From" error={errors.effectiveFrom?.[0]}>
        <DateInput value={v.effectiveFrom} onChange={(e) => setV({ ...v, effectiveFrom: e.target.value })} />
      </Field>
      <Field id="source" label="Source" hint="Notification, advice…" error={errors.source?.[0] ?? error ?? undefined}>
        <Input value={v.source} maxLength={200} onChange={(e) => setV({ ...v, source: e.target.value })} />
      </Field>
      <Button type="submit" className="sm:mt-6" loading={pending}>
        Add rate
      </Button>
    </form>
  );
}

export function DeleteTaxRateButton({ id }: { id: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <Button
        type="button"
        variant="ghost"
        size="sm"
        loading={pending}
        onClick={() =>
          start(async () => {
            const res = await deleteTaxRateAction(id);
            if (!res.ok) setError(res.error);
          })
        }
      >
        Delete
      </Button>
      {error && <span className="text-xs text-red-600">{error}</span>}
    </span>
  );
}
