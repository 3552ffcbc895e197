"use client";
// Add or remove stock of one product in one warehouse, with a reason. The server's answer
// (including "only N available") shows next to the field it is about.
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { cn } from "@/lib/cn";
import { ADJUSTMENT_REASONS } from "@/lib/inventory/inventory.schemas";
import { adjustStockAction } from "../actions";
import { quantityInputProps, quantityUnitError, unitDecimals } from "@/lib/catalog/units";
import { qtyWithUnit, unitLabel } from "../_components/format";
import { ProductPicker, type PickedProduct } from "../_components/product-picker";

type Warehouse = { id: string; code: string; name: string; isDefault: boolean };

export function AdjustForm({ warehouses }: { warehouses: Warehouse[] }) {
  const [product, setProduct] = useState<PickedProduct | null>(null);
  const [warehouseId, setWarehouseId] = useState(warehouses.find((w) => w.isDefault)?.id ?? warehouses[0]?.id ?? "");
  const [direction, setDirection] = useState<"add" | "remove">("remove");
  const [quantity, setQuantity] = useState("");
  const [reason, setReason] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setFormError(null);
      setDone(null);
      const q = quantity.trim();
      // The unit's rule before the round trip (the server checks it again): whole pieces, ≤ 3 decimals of kg.
      const unitError = product ? quantityUnitError(q, product.unit) : null;
      if (unitError) {
        setErrors({ quantity: unitError });
        return;
      }
      const res = await adjustStockAction({ productId: product?.id ?? "", warehouseId, quantity: q && direction === "remove" ? `-${q.replace(/^[-+]/, "")}` : q, reason, note });
      if (res.ok) {
        setErrors({});
        setDone(`${res.data.product.name}: ${direction === "add" ? "added" : "removed"} ${qtyWithUnit(q, res.data.product.unit)} in ${res.data.warehouse.code}. On hand now ${qtyWithUnit(res.data.onHand, res.data.product.unit)}, available ${qtyWithUnit(res.data.available, res.data.product.unit)}.`);
        setQuantity("");
        setNote("");
        setProduct(null);
        return;
      }
      const fe = res.fieldErrors ?? {};
      const next = { productId: fe.productId?.[0], warehouseId: fe.warehouseId?.[0], quantity: fe.quantity?.[0], reason: fe.reason?.[0], note: fe.note?.[0] };
      setErrors(next);
      setFormError(Object.values(next).some(Boolean) ? null : res.error);
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {formError && <Alert tone="danger">{formError}</Alert>}
      {done && (
        <Alert tone="success" title="Stock adjusted">
          {done}
        </Alert>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="adj-product" label="Product" required error={errors.productId} className="sm:col-span-2">
          {(c) => <ProductPicker id={c.id} describedBy={c["aria-describedby"]} invalid={!!c["aria-invalid"]} value={product} onChange={setProduct} warehouseId={warehouseId} />}
        </Field>
        <Field id="adj-warehouse" label="Warehouse" required error={errors.warehouseId}>
          <Select value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)} options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} />
        </Field>
        <fieldset>
          <legend className="mb-1.5 text-sm font-medium text-slate-800">Change</legend>
          <div className="flex h-9 w-full rounded-lg border border-slate-300 bg-white p-0.5 text-sm shadow-xs">
            {(["remove", "add"] as const).map((d) => (
              <label key={d} className={cn("flex flex-1 cursor-pointer items-center justify-center rounded-md px-3 whitespace-nowrap has-focus-visible:outline-2 has-focus-visible:outline-brand-500", direction === d ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-50")}>
                <input type="radio" name="direction" value={d} checked={direction === d} onChange={() => setDirection(d)} className="sr-only" />
                {d === "remove" ? "− Remove" : "+ Add"}
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="adj-quantity" label={`Quantity${product ? ` (${unitLabel(product.unit)})` : ""}`} required error={errors.quantity} hint={product && warehouseId ? `${qtyWithUnit(product.available, product.unit)} available in this warehouse` : undefined}>
          <Input {...quantityInputProps(product?.unit)} autoComplete="off" className="tabular-nums" value={quantity} onChange={(e) => setQuantity(e.target.value)} placeholder={product && unitDecimals(product.unit) === 0 ? "e.g. 5" : "e.g. 5 or 2.5"} />
        </Field>
        <Field id="adj-reason" label="Reason" required error={errors.reason}>
          <Select value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Choose a reason" options={Object.entries(ADJUSTMENT_REASONS).map(([value, label]) => ({ value, label }))} />
        </Field>
        <Field id="adj-note" label="Note" required={reason === "other"} hint="What happened — shown in the ledger." error={errors.note} className="sm:col-span-2">
          <Input autoComplete="off" value={note} onChange={(e) => setNote(e.target.value)} placeholder="e.g. 3 packs torn while unloading" />
        </Field>
      </div>
      <div className="flex justify-end">
        <Button type="submit" loading={pending}>
          Save adjustment
        </Button>
      </div>
    </form>
  );
}
