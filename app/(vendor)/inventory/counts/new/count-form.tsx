"use client";
// Start a count sheet: a warehouse, and either every active product or the ones you pick.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { XIcon } from "@/components/shell/icons";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { cn } from "@/lib/cn";
import { createCountAction } from "../../actions";
import { ProductPicker, type PickedProduct } from "../../_components/product-picker";

type Warehouse = { id: string; code: string; name: string; isDefault: boolean };

export function CountForm({ warehouses }: { warehouses: Warehouse[] }) {
  const [warehouseId, setWarehouseId] = useState(warehouses.find((w) => w.isDefault)?.id ?? warehouses[0]?.id ?? "");
  const [scope, setScope] = useState<"all" | "chosen">("all");
  const [chosen, setChosen] = useState<PickedProduct[]>([]);
  const [notes, setNotes] = useState("");
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (scope === "chosen" && chosen.length === 0) {
      setErrors({ productIds: "Pick at least one product" });
      return;
    }
    start(async () => {
      setFormError(null);
      const res = await createCountAction({ warehouseId, notes, ...(scope === "chosen" ? { productIds: chosen.map((p) => p.id) } : {}) });
      if (res && !res.ok) {
        const fe = res.fieldErrors ?? {};
        const next = { warehouseId: fe.warehouseId?.[0], productIds: fe.productIds?.[0] ?? Object.entries(fe).find(([k]) => k.startsWith("productIds."))?.[1]?.[0], notes: fe.notes?.[0] };
        setErrors(next);
        setFormError(Object.values(next).some(Boolean) ? null : res.error);
      }
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-5">
      {formError && <Alert tone="danger">{formError}</Alert>}
      <Field id="count-warehouse" label="Warehouse" required error={errors.warehouseId} className="max-w-sm">
        <Select value={warehouseId} onChange={(e) => setWarehouseId(e.target.value)} options={warehouses.map((w) => ({ value: w.id, label: `${w.code} · ${w.name}` }))} />
      </Field>
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-slate-800">What to count</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {(
            [
              ["all", "Every product", "All active products, plus anything with stock in this warehouse."],
              ["chosen", "Chosen products", "A cycle count of a few products."],
            ] as const
          ).map(([value, label, hint]) => (
            <label key={value} className={cn("flex cursor-pointer gap-3 rounded-lg border p-3 text-sm", scope === value ? "border-brand-500 bg-brand-50/50 ring-1 ring-brand-500" : "border-slate-200 hover:border-slate-300")}>
              <input type="radio" name="scope" value={value} checked={scope === value} onChange={() => setScope(value)} className="mt-0.5 accent-brand-600" />
              <span>
                <span className="font-medium text-slate-900">{label}</span>
                <span className="block text-slate-500">{hint}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {scope === "chosen" && (
        <Field id="count-products" label="Products" required error={errors.productIds} hint="Pick each product to count.">
          {(c) => (
            <div className="space-y-2">
              <ProductPicker id={c.id} describedBy={c["aria-describedby"]} invalid={!!c["aria-invalid"]} value={null} warehouseId={warehouseId} onChange={(p) => p && setChosen((xs) => (xs.some((x) => x.id === p.id) ? xs : [...xs, p]))} />
              {chosen.length > 0 && (
                <ul className="flex flex-wrap gap-2">
                  {chosen.map((p) => (
                    <li key={p.id} className="inline-flex items-center gap-1 rounded-md bg-slate-100 py-1 pr-1 pl-2 text-xs text-slate-700">
                      <span className="font-mono">{p.sku}</span> {p.name}
                      <button type="button" onClick={() => setChosen((xs) => xs.filter((x) => x.id !== p.id))} aria-label={`Remove ${p.name}`} className="rounded p-0.5 hover:bg-slate-200">
                        <XIcon className="size-3.5" />
                      </button>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </Field>
      )}
      <Field id="count-notes" label="Notes" error={errors.notes}>
        <Textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} placeholder="e.g. Month-end count, aisle A" />
      </Field>
      <div className="flex justify-end gap-2">
        <Link href="/inventory/counts" className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </Link>
        <Button type="submit" loading={pending}>
          Start count
        </Button>
      </div>
    </form>
  );
}
