"use client";
// Sets all prices of one product in this list: pick the product, then one row per quantity slab
// and validity period. Saving replaces what the list had for that product.
import { zodResolver } from "@hookform/resolvers/zod";
import { withUnitQuantities } from "@/components/form/unit-quantities";
import { quantityInputProps } from "@/lib/catalog/units";
import { useEffect, useState, useTransition } from "react";
import { Controller, useFieldArray, useForm, type Resolver } from "react-hook-form";
import { DateInput } from "@/components/ui/date-input";
import { applyFieldErrors } from "@/components/form/field-errors";
import { PlusIcon, SearchIcon, XIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { formatINR } from "@/lib/format";
import type { PricedProduct } from "@/lib/pricing/price-list-items";
import { setItemPricesInput } from "@/lib/pricing/pricing.schemas";
import type { PriceListItemView } from "@/lib/pricing/views";
import { findProductsAction, setItemPricesAction } from "../actions";

type Slab = { minQty: string; price: string; validFrom: string; validTo: string };
type Values = { productId: string; slabs: Slab[] };
const SLAB_FIELDS = ["minQty", "price", "validFrom", "validTo"] as const;

export function SlabEditor({ priceListId, product: initial, slabs, onDone }: { priceListId: string; product: PricedProduct | null; slabs: PriceListItemView[]; onDone: () => void }) {
  const [product, setProduct] = useState<PricedProduct | null>(initial);
  const [error, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const { register, control, handleSubmit, setError, setValue, formState } = useForm<Values>({
    resolver: withUnitQuantities(zodResolver(setItemPricesInput) as unknown as Resolver<Values>, (v) =>
      (v.slabs ?? []).map((slab, i) => ({ field: `slabs.${i}.minQty`, quantity: slab.minQty as string | undefined, unit: product?.unit, label: "Minimum quantity" })),
    ),
    defaultValues: {
      productId: initial?.id ?? "",
      slabs: slabs.length ? slabs.map((s) => ({ minQty: s.minQty, price: s.price, validFrom: s.validFrom ?? "", validTo: s.validTo ?? "" })) : [{ minQty: "1", price: "", validFrom: "", validTo: "" }],
    },
  });
  const { fields, append, remove } = useFieldArray({ control, name: "slabs" });
  const errors = formState.errors;

  const onSubmit = handleSubmit((values) =>
    start(async () => {
      setFormError(null);
      const res = await setItemPricesAction(priceListId, values);
      if (!res.ok) {
        const names = ["productId", ...values.slabs.flatMap((_, i) => SLAB_FIELDS.map((f) => `slabs.${i}.${f}`))];
        const rest = applyFieldErrors(setError, res.fieldErrors, names);
        if (!res.fieldErrors || rest.length) setFormError(rest.length ? `${res.error} (${rest.join("; ")})` : res.error);
        return;
      }
      onDone();
    }),
  );

  return (
    <Card>
      <form onSubmit={onSubmit} noValidate aria-label="Set product prices">
        <CardHeader
          title={initial ? `Prices of ${initial.name}` : "Add product price"}
          description="Each row applies from its minimum quantity up, on the days between its dates (inclusive; blank = open). Rows with the same minimum quantity may not share a day."
        />
        <CardBody className="space-y-5 py-5">
          {error && <Alert tone="danger">{error}</Alert>}
          <input type="hidden" {...register("productId")} />
          {product ? (
            <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm">
              <div>
                <p className="font-medium text-slate-900">{product.name}</p>
                <p className="text-xs text-slate-500">
                  <span className="font-mono">{product.sku}</span> · base price {formatINR(product.basePrice)} per {product.unit}
                  {product.mrp && <> · MRP {formatINR(product.mrp)}</>}
                </p>
              </div>
              {!initial && (
                <Button
                  size="sm"
                  variant="ghost"
                  onClick={() => {
                    setProduct(null);
                    setValue("productId", "");
                  }}
                >
                  Change product
                </Button>
              )}
            </div>
          ) : (
            <ProductPicker
              error={errors.productId?.message}
              onPick={(p) => {
                setProduct(p);
                setValue("productId", p.id, { shouldValidate: true });
              }}
            />
          )}

          <fieldset className="space-y-3">
            <legend className="mb-2 text-sm font-semibold text-slate-900">Prices</legend>
            {fields.map((f, i) => {
              const e = errors.slabs?.[i];
              return (
                <div key={f.id} className="grid grid-cols-2 gap-3 rounded-lg border border-slate-200 p-3 sm:grid-cols-[8rem_9rem_1fr_1fr_auto] sm:items-start sm:border-0 sm:p-0">
                  <Field id={`slab-${i}-minQty`} label="From quantity" error={e?.minQty?.message}>
                    <Input {...quantityInputProps(product?.unit)} autoComplete="off" className="tabular-nums" {...register(`slabs.${i}.minQty`)} />
                  </Field>
                  <Field id={`slab-${i}-price`} label="Price (₹ per unit)" error={e?.price?.message}>
                    <Input inputMode="decimal" autoComplete="off" className="tabular-nums" placeholder="0.00" {...register(`slabs.${i}.price`)} />
                  </Field>
                  <Field id={`slab-${i}-validFrom`} label="Valid from" error={e?.validFrom?.message}>
                    {(p) => <Controller control={control} name={`slabs.${i}.validFrom`} render={({ field }) => <DateInput {...p} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} />} />}
                  </Field>
                  <Field id={`slab-${i}-validTo`} label="Valid to" error={e?.validTo?.message}>
                    {(p) => <Controller control={control} name={`slabs.${i}.validTo`} render={({ field }) => <DateInput {...p} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} />} />}
                  </Field>
                  <div className="col-span-2 flex justify-end sm:col-span-1 sm:pt-6">
                    <Button size="sm" variant="ghost" onClick={() => remove(i)} aria-label={`Remove price row ${i + 1}`} className="text-slate-500">
                      <XIcon className="size-4" />
                      <span className="sm:sr-only">Remove row</span>
                    </Button>
                  </div>
                </div>
              );
            })}
            {fields.length === 0 && <p className="text-sm text-slate-500">No rows: saving removes this product from the list.</p>}
            <Button size="sm" variant="secondary" onClick={() => append({ minQty: fields.length ? "" : "1", price: "", validFrom: "", validTo: "" })}>
              <PlusIcon className="size-4" />
              Add a quantity slab or period
            </Button>
          </fieldset>
        </CardBody>
        <CardFooter>
          <Button variant="secondary" onClick={onDone} disabled={pending}>
            Cancel
          </Button>
          <Button type="submit" loading={pending} disabled={!product}>
            Save prices
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

function ProductPicker({ onPick, error }: { onPick: (p: PricedProduct) => void; error?: string }) {
  const [q, setQ] = useState("");
  const [results, setResults] = useState<PricedProduct[] | null>(null);
  const [searching, start] = useTransition();
  useEffect(() => {
    const t = setTimeout(
      () =>
        start(async () => {
          const res = await findProductsAction(q.trim());
          setResults(res.ok ? res.data : []);
        }),
      q ? 250 : 0,
    );
    return () => clearTimeout(t);
  }, [q]);
  return (
    <Field id="product-search" label="Product" required error={error} hint="Search by SKU, name or barcode">
      {(control) => (
        <div className="space-y-2">
          <div className="relative">
            <SearchIcon aria-hidden className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-slate-500" />
            <Input {...control} type="search" value={q} onChange={(e) => setQ(e.target.value)} className="pl-9" autoComplete="off" autoFocus placeholder="e.g. POHA or Besan" />
            {searching && <Spinner className="absolute top-1/2 right-3 -translate-y-1/2 text-slate-500" label="Searching" />}
          </div>
          {results && (
            <ul className="max-h-64 divide-y divide-slate-100 overflow-y-auto rounded-lg border border-slate-200" aria-label="Matching products">
              {results.length === 0 && <li className="px-3 py-2 text-sm text-slate-500">No products match.</li>}
              {results.map((p) => (
                <li key={p.id}>
                  <button type="button" onClick={() => onPick(p)} className="flex w-full items-center justify-between gap-3 px-3 py-2 text-left text-sm hover:bg-slate-50 focus-visible:bg-brand-50 focus-visible:outline-none">
                    <span>
                      <span className="font-medium text-slate-900">{p.name}</span>
                      <span className="ml-2 font-mono text-xs text-slate-500">{p.sku}</span>
                    </span>
                    <span className="shrink-0 text-xs text-slate-500 tabular-nums">base {formatINR(p.basePrice)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Field>
  );
}
