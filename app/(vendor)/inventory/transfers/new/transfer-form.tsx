"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { useFieldArray, useForm, useWatch, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { applyServerErrors } from "@/components/form/field-errors";
import { FormSection } from "@/components/form/form-section";
import { lineUnitChecks, withUnitQuantities } from "@/components/form/unit-quantities";
import { PlusIcon, XIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { createTransferInput } from "@/lib/inventory/inventory.schemas";
import { createTransferAction } from "../../actions";
import { qtyWithUnit } from "../../_components/format";
import { LineQuantityField, ProductLineField } from "../../_components/product-line-fields";
import type { PickedProduct } from "../../_components/product-picker";

type Values = z.input<typeof createTransferInput>;
type Warehouse = { id: string; code: string; name: string; isDefault: boolean };

export function TransferForm({ warehouses }: { warehouses: Warehouse[] }) {
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [picked, setPicked] = useState<Record<string, PickedProduct | null>>({});
  const from = warehouses.find((w) => w.isDefault) ?? warehouses[0];
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: withUnitQuantities(zodResolver(createTransferInput) as unknown as Resolver<Values>, (v) => lineUnitChecks(v.lines, picked)),
    defaultValues: { fromWarehouseId: from?.id ?? "", toWarehouseId: warehouses.find((w) => w.id !== from?.id)?.id ?? "", notes: "", lines: [{ productId: "", quantity: "" }] },
  });
  const { fields, append, remove } = useFieldArray({ control, name: "lines" });
  const fromId = useWatch({ control, name: "fromWarehouseId" });
  const errors = formState.errors;
  const options = warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }));

  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await createTransferAction(values);
      if (res && !res.ok) {
        const names = ["fromWarehouseId", "toWarehouseId", "notes", "lines", ...values.lines.flatMap((_, i) => [`lines.${i}.productId`, `lines.${i}.quantity`])];
        setFormError(applyServerErrors(setError, res, names));
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
      <FormSection title="Route" description="Stock leaves the first warehouse and arrives in the second in one step.">
        <Field id="fromWarehouseId" label="From" required error={errors.fromWarehouseId?.message}>
          <Select {...register("fromWarehouseId")} options={options} />
        </Field>
        <Field id="toWarehouseId" label="To" required error={errors.toWarehouseId?.message}>
          <Select {...register("toWarehouseId")} options={options} />
        </Field>
        <Field id="notes" label="Notes" error={errors.notes?.message} className="sm:col-span-2">
          <Textarea rows={2} {...register("notes")} placeholder="e.g. Lorry MH 12 AB 3456" />
        </Field>
      </FormSection>
      <section aria-labelledby="transfer-lines" className="py-6">
        <h2 id="transfer-lines" className="mb-3 text-[15px] font-semibold text-slate-900">
          Products
        </h2>
        {errors.lines?.message && (
          <p role="alert" className="mb-2 text-xs text-danger-700">
            {errors.lines.message}
          </p>
        )}
        <ol className="space-y-3">
          {fields.map((f, i) => {
            const e = errors.lines?.[i];
            const product = picked[f.id] ?? null;
            return (
              <li key={f.id} className="grid grid-cols-[minmax(0,1fr)_2.25rem] gap-3 md:grid-cols-[minmax(0,1fr)_10rem_2.25rem] md:items-start">
                <ProductLineField control={control} index={i} error={e?.productId?.message} value={product} onPick={(p) => setPicked((m) => ({ ...m, [f.id]: p }))} warehouseId={fromId} />
                <LineQuantityField register={register} index={i} error={e?.quantity?.message} unit={product?.unit} hint={product ? `${qtyWithUnit(product.available, product.unit)} available` : undefined} />
                <div className="flex h-9 items-center justify-end max-md:col-start-2 max-md:row-start-2">
                  <Button variant="ghost" size="sm" className="px-2" disabled={fields.length === 1} onClick={() => remove(i)} aria-label={`Remove line ${i + 1}`}>
                    <XIcon className="size-4" />
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => append({ productId: "", quantity: "" })}>
          <PlusIcon className="size-4" />
          Add product
        </Button>
      </section>
      <div className="flex flex-wrap justify-end gap-2 pt-6">
        <Link href="/inventory/transfers" className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        <Button type="submit" loading={pending}>
          Transfer stock
        </Button>
      </div>
    </form>
  );
}
