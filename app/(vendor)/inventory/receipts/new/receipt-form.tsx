"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { Controller, useFieldArray, useForm, useWatch, type Resolver } from "react-hook-form";
import { DateInput } from "@/components/ui/date-input";
import type { z } from "zod";
import { applyServerErrors } from "@/components/form/field-errors";
import { FormSection } from "@/components/form/form-section";
import { lineUnitChecks, withUnitQuantities } from "@/components/form/unit-quantities";
import { PlusIcon, XIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { formatINR } from "@/lib/format";
import { createGoodsReceiptInput } from "@/lib/inventory/inventory.schemas";
import { createReceiptAction } from "../../actions";
import { lineAmount, sumAmounts } from "../../_components/money";
import { LineQuantityField, ProductLineField } from "../../_components/product-line-fields";
import type { PickedProduct } from "../../_components/product-picker";

type Values = z.input<typeof createGoodsReceiptInput>;
type Warehouse = { id: string; code: string; name: string; isDefault: boolean };
const emptyLine = { productId: "", quantity: "", unitCost: "" };

export function ReceiptForm({ warehouses, today }: { warehouses: Warehouse[]; today: string }) {
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [picked, setPicked] = useState<Record<string, PickedProduct | null>>({});
  const { register, control, handleSubmit, setError, formState } = useForm<Values>({
    resolver: withUnitQuantities(zodResolver(createGoodsReceiptInput) as unknown as Resolver<Values>, (v) => lineUnitChecks(v.lines, picked)),
    defaultValues: { warehouseId: warehouses.find((w) => w.isDefault)?.id ?? warehouses[0]?.id ?? "", supplierName: "", supplierInvoiceNo: "", receivedDate: today, notes: "", updateCostPrice: true, lines: [{ ...emptyLine }] },
  });
  const { fields, append, remove } = useFieldArray({ control, name: "lines" });
  const warehouseId = useWatch({ control, name: "warehouseId" });
  const lines = useWatch({ control, name: "lines" });
  const errors = formState.errors;
  const amounts = lines.map((l) => lineAmount(String(l.quantity ?? ""), l.unitCost ? String(l.unitCost) : null));

  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await createReceiptAction(values);
      if (res && !res.ok) {
        const names = ["warehouseId", "supplierName", "supplierInvoiceNo", "receivedDate", "notes", "lines", ...values.lines.flatMap((_, i) => [`lines.${i}.productId`, `lines.${i}.quantity`, `lines.${i}.unitCost`])];
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
      <FormSection title="Receipt" description="Where the goods arrived and the supplier's document.">
        <Field id="warehouseId" label="Warehouse" required error={errors.warehouseId?.message}>
          <Select {...register("warehouseId")} options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} />
        </Field>
        <Field id="receivedDate" label="Received on" required error={errors.receivedDate?.message}>
          {(p) => <Controller control={control} name="receivedDate" render={({ field }) => <DateInput {...p} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} max={today} />} />}
        </Field>
        <Field id="supplierName" label="Supplier" error={errors.supplierName?.message}>
          <Input autoComplete="off" placeholder="e.g. Annapurna Flour Mills" {...register("supplierName")} />
        </Field>
        <Field id="supplierInvoiceNo" label="Supplier invoice no." error={errors.supplierInvoiceNo?.message}>
          <Input autoComplete="off" className="font-mono" {...register("supplierInvoiceNo")} />
        </Field>
      </FormSection>

      <section aria-labelledby="lines-heading" className="py-6">
        <div className="mb-3 flex items-baseline justify-between">
          <h2 id="lines-heading" className="text-[15px] font-semibold text-slate-900">
            Products received
          </h2>
          {errors.lines?.message && (
            <p role="alert" className="text-xs text-danger-700">
              {errors.lines.message}
            </p>
          )}
        </div>
        <div className="hidden grid-cols-[minmax(0,1fr)_8rem_9rem_8rem_2.25rem] gap-3 px-1 pb-1.5 text-xs font-medium tracking-wide text-slate-500 uppercase md:grid">
          <span>Product</span>
          <span className="text-right">Quantity</span>
          <span className="text-right">Unit cost (₹)</span>
          <span className="text-right">Amount</span>
          <span />
        </div>
        <ol className="space-y-3">
          {fields.map((f, i) => {
            const e = errors.lines?.[i];
            const product = picked[f.id] ?? null;
            return (
              <li key={f.id} className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 p-3 md:grid-cols-[minmax(0,1fr)_8rem_9rem_8rem_2.25rem] md:items-start md:border-0 md:p-1">
                <ProductLineField control={control} index={i} error={e?.productId?.message} value={product} onPick={(p) => setPicked((m) => ({ ...m, [f.id]: p }))} warehouseId={warehouseId} />
                <LineQuantityField register={register} index={i} error={e?.quantity?.message} unit={product?.unit} />
                <Field id={`lines.${i}.unitCost`} label={`Unit cost in rupees, line ${i + 1}`} hideLabel error={e?.unitCost?.message}>
                  <Input inputMode="decimal" autoComplete="off" placeholder={product?.costPrice ? `₹${product.costPrice}` : "₹ per unit"} className="text-right tabular-nums" {...register(`lines.${i}.unitCost`)} />
                </Field>
                <p className="flex h-9 items-center justify-end text-sm text-slate-700 tabular-nums">{amounts[i] ? formatINR(amounts[i]) : <span className="text-slate-500">—</span>}</p>
                <div className="flex h-9 items-center justify-end">
                  <Button variant="ghost" size="sm" className="px-2" disabled={fields.length === 1} onClick={() => remove(i)} aria-label={`Remove line ${i + 1}`}>
                    <XIcon className="size-4" />
                  </Button>
                </div>
              </li>
            );
          })}
        </ol>
        <div className="mt-3 flex flex-wrap items-center justify-between gap-3 px-1">
          <Button variant="secondary" size="sm" onClick={() => append({ ...emptyLine })}>
            <PlusIcon className="size-4" />
            Add product
          </Button>
          <p className="text-sm text-slate-600">
            Total at cost <span className="ml-2 font-semibold text-slate-900 tabular-nums">{formatINR(sumAmounts(amounts))}</span>
          </p>
        </div>
      </section>

      <FormSection title="More" description="Optional.">
        <Field id="notes" label="Notes" error={errors.notes?.message} className="sm:col-span-2">
          <Textarea rows={2} {...register("notes")} />
        </Field>
        <label className="flex items-start gap-2 text-sm text-slate-700 sm:col-span-2">
          <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600" {...register("updateCostPrice")} />
          <span>
            Update cost prices to the weighted average
            <span className="block text-xs text-slate-500">(stock on hand × current cost + received × unit cost) ÷ total units</span>
          </span>
        </label>
      </FormSection>

      <div className="flex flex-wrap justify-end gap-2 pt-6">
        <Link href="/inventory/receipts" className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        <Button type="submit" loading={pending}>
          Receive stock
        </Button>
      </div>
    </form>
  );
}
