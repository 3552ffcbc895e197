"use client";
// The home page's reorder shortcut: one click puts the last quantity of a usual item into that
// vendor's cart (on top of what is there), at today's price; the cart is one link away.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useState, useTransition } from "react";
import { CartIcon, CheckCircleIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { formatQuantity } from "@/lib/format";
import { addToCartAction } from "../cart/actions";

export function ReorderItemButton({ vendorCode, productId, name, quantity, unit }: { vendorCode: string; productId: string; name: string; quantity: string; unit: string }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [inCart, setInCart] = useState<string | null>(null);
  const qty = formatQuantity(quantity, unit);
  return (
    <div className="flex shrink-0 flex-col items-end gap-1">
      <Button
        size="sm"
        variant="secondary"
        loading={pending}
        aria-label={`Add ${qty} of ${name} to cart`}
        onClick={() =>
          start(async () => {
            setError(null);
            const res = await addToCartAction({ vendorCode, productId, quantity });
            if (!res.ok) return setError(res.fieldErrors?.quantity?.[0] ?? res.error);
            setInCart(res.data.cartQuantity);
          })
        }
      >
        <CartIcon className="size-4" />
        Add {qty}
      </Button>
      {error && (
        <p role="alert" className="max-w-48 text-right text-xs text-danger-700">
          {error}
        </p>
      )}
      {!error && inCart && (
        <p role="status" className="flex items-center gap-1 text-xs text-success-700">
          <CheckCircleIcon className="size-3.5" />
          <Link href={`/portal/cart#cart-${vendorCode}`} className="font-medium underline-offset-2 hover:underline">
            {formatQuantity(inCart, unit)} in cart
          </Link>
        </p>
      )}
    </div>
  );
}
