"use client";
// Edits the terms of one connection: code, credit, payment days, price list, shipping address, place of supply.
import { zodResolver } from "@hookform/resolvers/zod";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { applyServerErrors } from "@/components/form/field-errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { activeGstStates } from "@/lib/integrations/gst/states";
import { connectionTermsInput } from "@/lib/network/network.schemas";
import { updateTermsAction } from "../actions";

export type TermsValues = {
  customerCode: string;
  creditLimit: string;
  paymentTermsDays: number | string;
  shippingLine1: string;
  shippingLine2: string;
  shippingCity: string;
  shippingStateCode: string;
  shippingPincode: string;
  placeOfSupply: string;
  notes: string;
  priceListId: string;
};
const fields = ["customerCode", "creditLimit", "paymentTermsDays", "priceListId", "shippingLine1", "shippingLine2", "shippingCity", "shippingStateCode", "shippingPincode", "placeOfSupply", "notes"] as const;

/** The lists a retailer can be put on; `current` stays listed even when it has been deactivated since. */
export type PriceListOption = { id: string; name: string; isDefault: boolean; active: boolean };
const stateOptions = activeGstStates.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

export function TermsForm({ id, defaults, retailerStateName, priceLists }: { id: string; defaults: TermsValues; retailerStateName: string | null; priceLists: PriceListOption[] | null }) {
  const [error, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, reset, getValues, formState } = useForm<TermsValues>({
    resolver: zodResolver(connectionTermsInput) as unknown as Resolver<TermsValues>,
    defaultValues: defaults,
  });
  // react-hook-form only tracks the formState parts read during render; submit needs dirtyFields.
  void formState.dirtyFields;
  const err = (k: (typeof fields)[number]) => formState.errors[k]?.message as string | undefined;
  const defaultList = priceLists?.find((l) => l.isDefault && l.active);

  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      setSaved(false);
      // Send only what changed, so the activity log records real changes.
      const dirty = formState.dirtyFields as Partial<Record<keyof TermsValues, boolean>>;
      const changed = Object.fromEntries(Object.entries(values).filter(([k]) => dirty[k as keyof TermsValues]));
      if (Object.keys(changed).length === 0) {
        setSaved(true);
        return;
      }
      const res = await updateTermsAction(id, changed);
      if (!res.ok) {
        setFormError(applyServerErrors(setError, res, fields));
        return;
      }
      setSaved(true);
      reset(getValues());
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate onChange={() => saved && setSaved(false)} className="space-y-5">
      {error && <Alert tone="danger">{error}</Alert>}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="customerCode" label="Customer code" error={err("customerCode")}>
          <Input autoComplete="off" className="font-mono uppercase" {...register("customerCode")} />
        </Field>
        <Field id="creditLimit" label="Credit limit (₹)" error={err("creditLimit")}>
          <Input inputMode="decimal" autoComplete="off" className="tabular-nums" {...register("creditLimit", { setValueAs: blankToUndefined })} />
        </Field>
        <Field id="paymentTermsDays" label="Payment terms (days)" error={err("paymentTermsDays")}>
          <Input type="number" inputMode="numeric" min={0} max={365} {...register("paymentTermsDays", { setValueAs: blankToUndefined })} />
        </Field>
      </div>
      {priceLists && (
        <Field
          id="priceListId"
          label="Price list"
          hint={defaultList ? `What this retailer pays. “Default” follows your default list (now ${defaultList.name}).` : "You have no price lists yet: this retailer pays each product's base price."}
          error={err("priceListId")}
          className="sm:max-w-md"
        >
          <Select
            placeholder={defaultList ? `Default (${defaultList.name})` : "Default (base prices)"}
            options={priceLists
              .filter((l) => l.active || l.id === defaults.priceListId)
              .map((l) => ({ value: l.id, label: `${l.name}${l.isDefault ? " — the default list" : ""}${l.active ? "" : " (inactive)"}` }))}
            {...register("priceListId")}
          />
        </Field>
      )}
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Shipping address</legend>
        <p className="-mt-2 text-xs text-slate-500">Leave empty to deliver to the business address.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="shippingLine1" label="Shipping address" error={err("shippingLine1")} className="sm:col-span-2">
            <Input autoComplete="off" placeholder="Shop / warehouse, street" {...register("shippingLine1")} />
          </Field>
          <Field id="shippingLine2" label="Shipping area / landmark" error={err("shippingLine2")} className="sm:col-span-2">
            <Input autoComplete="off" {...register("shippingLine2")} />
          </Field>
          <Field id="shippingCity" label="Shipping city" error={err("shippingCity")}>
            <Input autoComplete="off" {...register("shippingCity")} />
          </Field>
          <Field id="shippingPincode" label="Shipping PIN code" error={err("shippingPincode")}>
            <Input inputMode="numeric" maxLength={6} autoComplete="off" className="tabular-nums" {...register("shippingPincode")} />
          </Field>
          <Field id="shippingStateCode" label="Shipping state" error={err("shippingStateCode")}>
            <Select placeholder="Same as business" options={stateOptions} {...register("shippingStateCode")} />
          </Field>
          <Field
            id="placeOfSupply"
            label="Place of supply"
            hint={`Decides IGST vs CGST + SGST. Blank: the shipping state, else ${retailerStateName ?? "the retailer's state"}.`}
            error={err("placeOfSupply")}
          >
            <Select placeholder="Automatic" options={stateOptions} {...register("placeOfSupply")} />
          </Field>
        </div>
      </fieldset>
      <Field id="notes" label="Notes" hint="Only your staff see these." error={err("notes")}>
        <Textarea rows={3} {...register("notes")} />
      </Field>
      <div className="flex flex-wrap items-center justify-end gap-3">
        {saved && !formState.isDirty && (
          <p role="status" className="text-sm text-success-700">
            Terms saved
          </p>
        )}
        <Button type="submit" loading={pending}>
          Save terms
        </Button>
      </div>
    </form>
  );
}
