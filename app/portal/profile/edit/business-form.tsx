"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useState, useTransition } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { applyServerErrors } from "@/components/form/field-errors";
import { FormSection } from "@/components/form/form-section";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { isValidGstin } from "@/lib/integrations/gst/gstin";
import { activeGstStates, stateName } from "@/lib/integrations/gst/states";
import { updateRetailerBusinessInput } from "@/lib/network/network.schemas";
import { updateMyBusinessAction } from "./actions";

export type BusinessValues = {
  legalName: string;
  tradeName: string;
  gstin: string;
  stateCode: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  pincode: string;
  email: string;
  phone: string;
};
const fields = ["legalName", "tradeName", "gstin", "stateCode", "addressLine1", "addressLine2", "city", "pincode", "email", "phone"] as const;
const stateOptions = activeGstStates.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));

export function BusinessForm({ defaults }: { defaults: BusinessValues }) {
  const [error, setFormError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, setValue, control, reset, getValues, formState } = useForm<BusinessValues>({
    resolver: zodResolver(updateRetailerBusinessInput) as unknown as Resolver<BusinessValues>,
    defaultValues: defaults,
  });
  const err = (k: (typeof fields)[number]) => formState.errors[k]?.message as string | undefined;

  // A valid GSTIN fixes the state: fill it in so the two cannot disagree.
  const gstin = useWatch({ control, name: "gstin" });
  const gstinState = isValidGstin(gstin?.trim().toUpperCase()) ? gstin.trim().toUpperCase().slice(0, 2) : null;
  useEffect(() => {
    if (gstinState) setValue("stateCode", gstinState, { shouldDirty: true, shouldValidate: formState.isSubmitted });
  }, [gstinState, setValue, formState.isSubmitted]);

  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      setSaved(false);
      const res = await updateMyBusinessAction(values);
      if (!res.ok) {
        setFormError(applyServerErrors(setError, res, fields));
        return;
      }
      setSaved(true);
      reset(getValues());
    }),
  );

  return (
    <form onSubmit={onSubmit} noValidate className="divide-y divide-slate-200">
      {error && (
        <Alert tone="danger" className="mb-6">
          {error}
        </Alert>
      )}
      {saved && !formState.isDirty && (
        <Alert tone="success" className="mb-6">
          Business details saved.
        </Alert>
      )}
      <FormSection title="Business" description="As registered for GST. The GSTIN sets your state.">
        <Field id="legalName" label="Legal name" required error={err("legalName")} className="sm:col-span-2">
          <Input autoComplete="organization" {...register("legalName")} />
        </Field>
        <Field id="tradeName" label="Trade name" hint="The shop name people know, if different." error={err("tradeName")} className="sm:col-span-2">
          <Input {...register("tradeName")} />
        </Field>
        <Field id="gstin" label="GSTIN" hint="Leave empty if you are not registered." error={err("gstin")}>
          <Input className="font-mono uppercase" maxLength={15} autoComplete="off" {...register("gstin")} />
        </Field>
        <Field id="stateCode" label="State" required hint={gstinState ? `From your GSTIN: ${stateName(gstinState)}` : undefined} error={err("stateCode")}>
          <Select placeholder="Select a state" options={stateOptions} {...register("stateCode")} />
        </Field>
      </FormSection>
      <FormSection title="Address">
        <Field id="addressLine1" label="Address" required error={err("addressLine1")} className="sm:col-span-2">
          <Input autoComplete="address-line1" {...register("addressLine1")} />
        </Field>
        <Field id="addressLine2" label="Address line 2" error={err("addressLine2")} className="sm:col-span-2">
          <Input autoComplete="address-line2" {...register("addressLine2")} />
        </Field>
        <Field id="city" label="City" required error={err("city")}>
          <Input autoComplete="address-level2" {...register("city")} />
        </Field>
        <Field id="pincode" label="PIN code" required error={err("pincode")}>
          <Input inputMode="numeric" maxLength={6} autoComplete="postal-code" className="tabular-nums" {...register("pincode")} />
        </Field>
      </FormSection>
      <FormSection title="Contact" description="Where vendors reach the business.">
        <Field id="email" label="Email" error={err("email")}>
          <Input type="email" inputMode="email" autoComplete="email" {...register("email")} />
        </Field>
        <Field id="phone" label="Phone" error={err("phone")}>
          <Input type="tel" inputMode="tel" autoComplete="tel" {...register("phone")} />
        </Field>
      </FormSection>
      <div className="flex justify-end pt-6">
        <Button type="submit" loading={pending}>
          Save business details
        </Button>
      </div>
    </form>
  );
}
