"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/form/field-errors";
import { FormSection } from "@/components/form/form-section";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { activeGstStates } from "@/lib/integrations/gst/states";
import { createWarehouseInput } from "@/lib/inventory/inventory.schemas";
import { saveWarehouseAction } from "../actions";

type Values = z.input<typeof createWarehouseInput>;
const fields = ["code", "name", "addressLine1", "addressLine2", "city", "stateCode", "pincode", "isDefault"] as const;

export function WarehouseForm({ warehouse, defaultState }: { warehouse?: { id: string; code: string; name: string; addressLine1: string | null; addressLine2: string | null; city: string | null; stateCode: string; pincode: string | null }; defaultState: string }) {
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, handleSubmit, setError, formState } = useForm<Values>({
    resolver: zodResolver(createWarehouseInput) as unknown as Resolver<Values>,
    defaultValues: warehouse
      ? { code: warehouse.code, name: warehouse.name, addressLine1: warehouse.addressLine1 ?? "", addressLine2: warehouse.addressLine2 ?? "", city: warehouse.city ?? "", stateCode: warehouse.stateCode, pincode: warehouse.pincode ?? "" }
      : { code: "", name: "", addressLine1: "", addressLine2: "", city: "", stateCode: defaultState, pincode: "", isDefault: false },
  });
  const err = (k: (typeof fields)[number]) => formState.errors[k]?.message as string | undefined;
  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const { isDefault, ...rest } = values;
      const res = await saveWarehouseAction(warehouse?.id ?? null, warehouse ? rest : { ...rest, isDefault });
      if (res && !res.ok) {
        const left = applyFieldErrors(setError, res.fieldErrors, fields);
        setFormError(left.length ? `${res.error} (${left.join("; ")})` : res.error);
      }
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate className="divide-y divide-slate-200">
      {error && (
        <Alert tone="danger" className="mb-6">
          {error}
        </Alert>
      )}
      <FormSection title="Warehouse" description="A short code appears on receipts, transfers and the ledger.">
        <Field id="code" label="Code" required hint="Up to 16 letters, digits or -, e.g. PUNE-1." error={err("code")}>
          <Input autoComplete="off" className="font-mono uppercase" autoFocus={!warehouse} {...register("code")} />
        </Field>
        <Field id="name" label="Name" required error={err("name")}>
          <Input autoComplete="off" placeholder="e.g. Bhosari godown" {...register("name")} />
        </Field>
      </FormSection>
      <FormSection title="Address" description="The state decides GST on dispatches from here.">
        <Field id="addressLine1" label="Address" error={err("addressLine1")} className="sm:col-span-2">
          <Input autoComplete="off" {...register("addressLine1")} />
        </Field>
        <Field id="addressLine2" label="Address line 2" error={err("addressLine2")} className="sm:col-span-2">
          <Input autoComplete="off" {...register("addressLine2")} />
        </Field>
        <Field id="city" label="City" error={err("city")}>
          <Input autoComplete="off" {...register("city")} />
        </Field>
        <Field id="pincode" label="PIN code" error={err("pincode")}>
          <Input inputMode="numeric" autoComplete="off" maxLength={6} className="tabular-nums" {...register("pincode")} />
        </Field>
        <Field id="stateCode" label="State" required error={err("stateCode")}>
          <Select {...register("stateCode")} options={activeGstStates.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))} />
        </Field>
        {!warehouse && (
          <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
            <input type="checkbox" className="size-4 rounded border-slate-300 accent-brand-600" {...register("isDefault")} />
            Make this the default warehouse
          </label>
        )}
      </FormSection>
      <div className="flex flex-wrap justify-end gap-2 pt-6">
        <Link href="/inventory/warehouses" className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        <Button type="submit" loading={pending}>
          {warehouse ? "Save changes" : "Add warehouse"}
        </Button>
      </div>
    </form>
  );
}
