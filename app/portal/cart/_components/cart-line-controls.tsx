"use client";
// Quantity and remove for one cart line: − / + save at once, a typed quantity saves on Enter or
// when leaving the field; a suggested quantity (minimum order, whole packs) is one tap away.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { quantityUnitError } from "@/lib/catalog/units";
import { plainQuantity } from "@/lib/format";
import { formatQuantity } from "@/lib/format";
import { removeCartItemAction, setCartItemAction } from "../actions";
import { QuantityStepper } from "./quantity-stepper";

export function CartLineControls({
  vendorCode,
  productId,
  productName,
  unit,
  quantity,
  min,
  step,
  suggestedQuantity,
  canChange,
}: {
  vendorCode: string;
  productId: string;
  productName: string;
  unit: string;
  quantity: string;
  min: string;
  step: string;
  suggestedQuantity: string | null;
  /** False while the vendor has paused orders: the line can only be removed. */
  canChange: boolean;
}) {
  const saved = plainQuantity(quantity);
  const [value, setValue] = useState(saved);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const save = (next: string) => {
    if (next === saved) return;
    // Whole pieces, up to 3 decimals of kg: said at once, not after a round trip.
    const unitError = quantityUnitError(next, unit);
    if (unitError) {
      setError(unitError);
      return;
    }
    start(async () => {
      setError(null);
      const res = await setCartItemAction({ vendorCode, productId, quantity: next });
      if (!res.ok) {
        setError(res.fieldErrors?.quantity?.[0] ?? res.error);
        setValue(saved);
      }
    });
  };
  const remove = () =>
    start(async () => {
      setError(null);
      const res = await removeCartItemAction(vendorCode, productId);
      if (!res.ok) setError(res.error);
    });

  return (
    <div className="flex flex-col items-stretch gap-1.5 sm:items-end">
      <div className="flex items-center gap-2">
        <QuantityStepper
          value={value}
          onChange={setValue}
          onCommit={save}
          min={min}
          step={step}
          unit={unit}
          size="sm"
          label={`Quantity of ${productName}`}
          disabled={pending || !canChange}
          invalid={Boolean(error)}
          className="w-36"
        />
        <Button variant="ghost" size="sm" onClick={remove} disabled={pending} aria-label={`Remove ${productName}`} className="text-slate-500 hover:text-danger-700">
          Remove
        </Button>
      </div>
      {suggestedQuantity && canChange && (
        <Button variant="secondary" size="sm" onClick={() => (setValue(plainQuantity(suggestedQuantity)), save(plainQuantity(suggestedQuantity)))} disabled={pending} className="self-start sm:self-end">
          Change to {formatQuantity(suggestedQuantity, unit)}
        </Button>
      )}
      {error && (
        <p role="alert" className="text-xs text-danger-700">
          {error}
        </p>
      )}
    </div>
  );
}
