"use client";
import { ConfirmButton } from "@/app/(vendor)/retailers/_components/confirm-button";
import { clearCartAction } from "../actions";

export function ClearCartButton({ vendorCode, vendorName }: { vendorCode: string; vendorName: string }) {
  return (
    <ConfirmButton
      label="Empty cart"
      variant="ghost"
      title={`Empty your ${vendorName} cart?`}
      description="Every product in this cart is taken out. Your other carts stay as they are."
      confirmLabel="Empty cart"
      dismissLabel="Keep products"
      onConfirm={() => clearCartAction(vendorCode)}
    />
  );
}
