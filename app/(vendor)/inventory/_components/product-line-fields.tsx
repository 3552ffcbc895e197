"use client";
// The two fields every product-lines form repeats per line (goods receipts, transfers, orders): the
// product picker bound to `lines.N.productId`, and the quantity with the product's unit beside it
// bound to `lines.N.quantity` (a numeric keypad for whole units, decimals only where the unit allows
// them). Labels name the line, so screen readers and tests can tell them apart.
import type { ReactNode } from "react";
import { Controller, type Control, type FieldValues, type Path, type UseFormRegister } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { quantityInputProps } from "@/lib/catalog/units";
import { unitLabel } from "./format";
import { ProductPicker, type PickedProduct } from "./product-picker";

export function ProductLineField<T extends FieldValues>(props: {
  control: Control<T>;
  index: number;
  error?: string;
  value: PickedProduct | null;
  onPick: (p: PickedProduct | null) => void;
  warehouseId?: string;
  placeholder?: string;
  className?: string;
}) {
  const { control, index: i, error, value, onPick, warehouseId, placeholder, className } = props;
  return (
    <Field id={`lines.${i}.productId`} label={`Product, line ${i + 1}`} hideLabel error={error} className={className ?? "col-span-2 md:col-span-1"}>
      {(c) => (
        <Controller
          control={control}
          name={`lines.${i}.productId` as Path<T>}
          render={({ field }) => (
            <ProductPicker
              id={c.id}
              describedBy={c["aria-describedby"]}
              invalid={!!c["aria-invalid"]}
              warehouseId={warehouseId}
              placeholder={placeholder}
              value={value}
              onChange={(p) => {
                onPick(p);
                field.onChange(p?.id ?? "");
              }}
            />
          )}
        />
      )}
    </Field>
  );
}

export function LineQuantityField<T extends FieldValues>(props: { register: UseFormRegister<T>; index: number; error?: string; unit?: string | null; hint?: ReactNode }) {
  const { register, index: i, error, unit, hint } = props;
  return (
    <Field id={`lines.${i}.quantity`} label={`Quantity${unit ? ` (${unitLabel(unit)})` : ""}, line ${i + 1}`} hideLabel error={error} hint={hint}>
      {(c) => (
        <div className="relative">
          <Input {...c} {...quantityInputProps(unit)} autoComplete="off" placeholder="Qty" className="pr-10 text-right tabular-nums" {...register(`lines.${i}.quantity` as Path<T>)} />
          {unit && <span className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-xs text-slate-500">{unitLabel(unit)}</span>}
        </div>
      )}
    </Field>
  );
}
