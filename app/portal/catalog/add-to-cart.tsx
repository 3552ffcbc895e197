"use client";
// "Add to cart" on a catalog card: a stepper that starts at the minimum order and moves in whole
// packs when the product sells in packs, then adds that much on top of what the cart holds.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { normaliseQuantity, QuantityStepper } from "@/app/portal/cart/_components/quantity-stepper";
import { CartIcon, CheckCircleIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { quantityUnitError } from "@/lib/catalog/units";
import { formatQuantity } from "@/lib/format";
import { addToCartAction } from "../cart/actions";

export function AddToCart({
  vendorCode,
  productId,
  productName,
  unit,
  min,
  step,
  inCart,
  disabled,
}: {
  vendorCode: string;
  productId: string;
  productName: string;
  unit: string;
  min: string;
  step: string;
  /** Quantity already in the cart (null: none). */
  inCart: string | null;
  disabled?: boolean;
}) {
  const initial = normaliseQuantity(min);
  const [quantity, setQuantity] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [justAdded, setJustAdded] = useState(false);
  const [pending, start] = useTransition();

  const add = () =>
    start(async () => {
      setError(null);
      setJustAdded(false);
      const unitError = quantityUnitError(quantity, unit);
      if (unitError) return setError(unitError);
      const res = await addToCartAction({ vendorCode, productId, quantity });
      if (!res.ok) {
        setError(res.fieldErrors?.quantity?.[0] ?? res.error);
        return;
      }
      setJustAdded(true);
      setQuantity(initial);
    });

  return (
    <div className="mt-3">
      <div className="flex gap-2">
        <QuantityStepper value={quantity} onChange={setQuantity} min={min} step={step} unit={unit} label={`Quantity of ${productName}`} disabled={disabled || pending} invalid={Boolean(error)} className="w-40 shrink-0" />
        <Button onClick={add} loading={pending} disabled={disabled} className="flex-1" aria-label={`Add ${productName} to cart`}>
          <CartIcon className="size-4" />
          Add
        </Button>
      </div>
      {error && (
        <p role="alert" className="mt-1.5 text-xs text-danger-700">
          {error}
        </p>
      )}
      {!error && inCart && (
        <p role={justAdded ? "status" : undefined} className="mt-1.5 flex items-center gap-1 text-xs text-success-700">
          <CheckCircleIcon className="size-3.5" />
          {justAdded ? "Added. " : ""}
          <Link href={`/portal/cart#cart-${vendorCode}`} className="font-medium underline-offset-2 hover:underline">
            {formatQuantity(inCart, unit)} in cart
          </Link>
        </p>
      )}
    </div>
  );
}
