"use client";
// One tap: the order's lines go into the cart at today's prices; the cart then says what was left out.
import { useState, useTransition } from "react";
import { CartIcon } from "@/components/shell/icons";
import { Button } from "@/components/ui/button";
import { reorderAction } from "../actions";

export function ReorderButton({ orderId, variant = "primary" }: { orderId: string; variant?: "primary" | "secondary" }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant={variant}
        loading={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const res = await reorderAction(orderId);
            if (res && !res.ok) setError(res.error);
          })
        }
      >
        <CartIcon className="size-4" />
        Reorder
      </Button>
      {error && (
        <span role="alert" className="max-w-xs text-right text-xs text-danger-700">
          {error}
        </span>
      )}
    </span>
  );
}
