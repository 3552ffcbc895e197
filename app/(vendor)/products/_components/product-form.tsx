"use client";
// One form for adding and editing a product: the same zod schema as the API checks it in the
// browser, and the server's field errors (a duplicate SKU, say) land next to their fields.
import { zodResolver } from "@hookform/resolvers/zod";
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { useForm, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { applyFieldErrors } from "@/components/form/field-errors";
import { FormSection } from "@/components/form/form-section";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardBody, CardFooter } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { createProductInput, GST_RATES } from "@/lib/catalog/catalog.schemas";
import { quantityInputProps, UNITS } from "@/lib/catalog/units";
import type { ProductView } from "@/lib/catalog/product-view";
import { createProductAction, updateProductAction } from "../actions";
import type { CategoryOption } from "../products-table";

export type ProductFormValues = {
  name: string;
  sku: string;
  brand: string;
  categoryId: string;
  barcode: string;
  description: string;
  active: boolean;
  hsnCode: string;
  gstRate: string;
  cessRate: string;
  unit: string;
  packUnit: string;
  packSize: string;
  sellInPacks: boolean;
  mrp: string;
  basePrice: string;
  costPrice: string;
  taxInclusive: boolean;
  minOrderQty: string;
  reorderLevel: string;
  leadTimeDays: string;
};
type Output = z.output<typeof createProductInput>;
const FIELDS = ["name", "sku", "brand", "categoryId", "barcode", "description", "active", "hsnCode", "gstRate", "cessRate", "unit", "packUnit", "packSize", "sellInPacks", "mrp", "basePrice", "costPrice", "taxInclusive", "minOrderQty", "reorderLevel", "leadTimeDays"] as const;

const unitOptions = Object.entries(UNITS).map(([code, name]) => ({ value: code, label: `${code} — ${name}` }));
const gstOptions = GST_RATES.map((r) => ({ value: r, label: `${r}%` }));

export function productFormDefaults(p?: ProductView): ProductFormValues {
  return {
    name: p?.name ?? "",
    sku: p?.sku ?? "",
    brand: p?.brand ?? "",
    categoryId: p?.categoryId ?? "",
    barcode: p?.barcode ?? "",
    description: p?.description ?? "",
    active: p?.active ?? true,
    hsnCode: p?.hsnCode ?? "",
    gstRate: p?.gstRate ?? "18",
    cessRate: p?.cessRate ?? "0",
    unit: p?.unit ?? "PCS",
    packUnit: p?.packUnit ?? "",
    packSize: p?.packSize ?? "",
    sellInPacks: p?.sellInPacks ?? false,
    mrp: p?.mrp ?? "",
    basePrice: p?.basePrice ?? "",
    costPrice: p?.costPrice ?? "",
    taxInclusive: p?.taxInclusive ?? false,
    minOrderQty: p?.minOrderQty ?? "1",
    reorderLevel: p?.reorderLevel ?? "0",
    leadTimeDays: p?.leadTimeDays == null ? "" : String(p.leadTimeDays),
  };
}

export function ProductForm({ product, categories }: { product?: ProductView; categories: CategoryOption[] }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, watch, formState } = useForm<ProductFormValues, unknown, Output>({
    resolver: zodResolver(createProductInput) as unknown as Resolver<ProductFormValues, unknown, Output>,
    defaultValues: productFormDefaults(product),
    mode: "onTouched",
  });
  const errors = formState.errors;
  const unit = watch("unit");
  const packUnit = watch("packUnit");
  const packSize = watch("packSize");
  // Quantities of the product are counted in its unit: a numeric keypad for pieces, decimals for kg.
  const qtyInput = quantityInputProps(unit);

  const onSubmit = handleSubmit(
    (values) =>
      startTransition(async () => {
        setFormError(null);
        const res = product ? await updateProductAction(product.id, values) : await createProductAction(values);
        if (res.ok) {
          router.push(`/products/${res.data.id}?saved=${product ? "updated" : "created"}`);
          return;
        }
        const rest = applyFieldErrors(setError, res.fieldErrors, FIELDS);
        if (!res.fieldErrors || rest.length) setFormError(rest.length ? `${res.error} (${rest.join("; ")})` : res.error);
      }),
    () => setFormError("Some fields need attention — see the messages next to them."),
  );

  return (
    <form onSubmit={onSubmit} method="post" noValidate aria-label={product ? "Edit product" : "Add product"}>
      <Card>
        <CardBody className="divide-y divide-slate-100 py-6">
          {formError && (
            <Alert tone="danger" className="mb-6">
              {formError}
            </Alert>
          )}
          <FormSection title="Basics" description="How the product appears in your lists, on orders and on invoices.">
            <Field id="name" label="Name" required error={errors.name?.message} className="sm:col-span-2">
              <Input autoComplete="off" autoFocus={!product} placeholder="e.g. Poha (thick) 1 kg" {...register("name")} />
            </Field>
            <Field id="sku" label="SKU" required hint="Your own code, unique in your catalog. Letters, digits, . _ / -" error={errors.sku?.message}>
              <Input autoComplete="off" className="font-mono uppercase" placeholder="SGF-POHA-1KG" {...register("sku")} />
            </Field>
            <Field id="brand" label="Brand" error={errors.brand?.message}>
              <Input autoComplete="off" placeholder="e.g. Shree Ganesh" {...register("brand")} />
            </Field>
            <Field id="categoryId" label="Category" error={errors.categoryId?.message} hint={categories.length === 0 ? <Link href="/products/categories" className="underline">Create categories</Link> : undefined}>
              <Select {...register("categoryId")}>
                <option value="">No category</option>
                {categories.map((c) => (
                  <option key={c.id} value={c.id}>
                    {"\u00a0\u00a0\u00a0".repeat(c.depth)}
                    {c.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="barcode" label="Barcode" hint="EAN / UPC printed on the pack" error={errors.barcode?.message}>
              <Input autoComplete="off" inputMode="numeric" className="font-mono" placeholder="8901234567890" {...register("barcode")} />
            </Field>
            <Field id="description" label="Description" error={errors.description?.message} className="sm:col-span-2">
              <Textarea rows={3} {...register("description")} />
            </Field>
            {product && (
              <div className="sm:col-span-2">
                <label className="flex items-start gap-3 text-sm">
                  <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600" {...register("active")} />
                  <span>
                    <span className="font-medium text-slate-900">Active</span>
                    <span className="block text-slate-500">Inactive products stay on record but cannot be ordered.</span>
                  </span>
                </label>
              </div>
            )}
          </FormSection>

          <FormSection title="Tax" description="Printed on GST invoices. HSN is 4, 6 or 8 digits; e-invoices need at least 6.">
            <Field id="hsnCode" label="HSN code" required error={errors.hsnCode?.message}>
              <Input autoComplete="off" inputMode="numeric" className="font-mono" placeholder="19041090" {...register("hsnCode")} />
            </Field>
            <Field id="gstRate" label="GST rate" required error={errors.gstRate?.message}>
              <Select {...register("gstRate")} options={gstOptions} />
            </Field>
            <Field id="cessRate" label="Cess" hint="Compensation cess in percent, if it applies" error={errors.cessRate?.message}>
              {(control) => (
                <div className="relative">
                  <Input inputMode="decimal" className="pr-8" {...control} {...register("cessRate")} />
                  <span className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-sm text-slate-500">%</span>
                </div>
              )}
            </Field>
          </FormSection>

          <FormSection title="Units & pack" description="The unit you price and stock in, and an optional pack it ships in (a box of 12 pieces).">
            <Field id="unit" label="Unit" required error={errors.unit?.message}>
              <Select {...register("unit")} options={unitOptions} />
            </Field>
            <div className="hidden sm:block" />
            <Field id="packUnit" label="Pack unit" error={errors.packUnit?.message}>
              <Select {...register("packUnit")}>
                <option value="">No pack</option>
                {unitOptions.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </Select>
            </Field>
            <Field id="packSize" label="Units per pack" hint={packUnit && packSize ? `1 ${packUnit} = ${packSize} ${unit}` : undefined} error={errors.packSize?.message}>
              <Input {...qtyInput} placeholder="12" {...register("packSize")} />
            </Field>
            <div className="sm:col-span-2">
              <label className="flex items-start gap-3 text-sm">
                <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600" aria-describedby="sellInPacks-error" {...register("sellInPacks")} />
                <span>
                  <span className="font-medium text-slate-900">Sell in whole packs only</span>
                  <span className="block text-slate-500">Order quantities must be a multiple of the pack size.</span>
                </span>
              </label>
              {errors.sellInPacks?.message && (
                <p id="sellInPacks-error" role="alert" className="mt-1.5 text-xs text-danger-700">
                  {errors.sellInPacks.message}
                </p>
              )}
            </div>
          </FormSection>

          <FormSection title="Prices" description="Per unit, in rupees. Price lists can give retailers other prices; this is the price when none applies.">
            <Field id="basePrice" label="Selling price" required error={errors.basePrice?.message}>
              <MoneyInput {...register("basePrice")} />
            </Field>
            <Field id="mrp" label="MRP" hint="Maximum retail price printed on the pack" error={errors.mrp?.message}>
              <MoneyInput {...register("mrp")} />
            </Field>
            <Field id="costPrice" label="Cost price" hint="What one unit costs you; used to value stock" error={errors.costPrice?.message}>
              <MoneyInput {...register("costPrice")} />
            </Field>
            <div className="flex items-end pb-1.5">
              <label className="flex items-start gap-3 text-sm">
                <input type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 accent-brand-600" {...register("taxInclusive")} />
                <span>
                  <span className="font-medium text-slate-900">Prices include GST</span>
                  <span className="block text-slate-500">Otherwise GST is added on the invoice.</span>
                </span>
              </label>
            </div>
          </FormSection>

          <FormSection title="Stock rules" description="The smallest order you accept, the level at which the product counts as low stock, and how long it takes to arrive once you order it.">
            <Field id="minOrderQty" label="Minimum order quantity" hint={`In ${unit || "units"}`} error={errors.minOrderQty?.message}>
              <Input {...qtyInput} {...register("minOrderQty")} />
            </Field>
            <Field id="reorderLevel" label="Reorder level" hint="Low stock at or below this many" error={errors.reorderLevel?.message}>
              <Input {...qtyInput} {...register("reorderLevel")} />
            </Field>
            <Field id="leadTimeDays" label="Lead time (days)" hint="Days from ordering to receiving this product. Leave empty to use the reorder report's default lead time." error={errors.leadTimeDays?.message}>
              <Input type="number" inputMode="numeric" min={0} max={365} step={1} placeholder="Report default" {...register("leadTimeDays")} />
            </Field>
          </FormSection>
        </CardBody>
        <CardFooter className="flex-col-reverse sm:flex-row">
          <Link href={product ? `/products/${product.id}` : "/products"} className={buttonClasses({ variant: "ghost", className: "w-full sm:w-auto" })}>
            Cancel
          </Link>
          <Button type="submit" loading={pending} className="w-full sm:w-auto">
            {product ? "Save changes" : "Add product"}
          </Button>
        </CardFooter>
      </Card>
    </form>
  );
}

function MoneyInput(props: React.ComponentProps<typeof Input>) {
  return (
    <div className="relative">
      <span className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-sm text-slate-500">₹</span>
      <Input inputMode="decimal" className="pl-7 tabular-nums" placeholder="0.00" {...props} />
    </div>
  );
}
