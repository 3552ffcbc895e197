"use client";
// "Make default" with a confirmation that says what changes.
import { ConfirmButton } from "@/app/(vendor)/retailers/_components/confirm-button";
import { setDefaultPriceListAction } from "./actions";

export function SetDefaultButton({ id, name, size = "sm" }: { id: string; name: string; size?: "sm" | "md" }) {
  return (
    <ConfirmButton
      label="Make default"
      size={size}
      title={`Make “${name}” the default?`}
      description="Retailers without a price list of their own will buy on this list from now on. Retailers with their own list keep it."
      confirmLabel="Make default"
      confirmVariant="primary"
      onConfirm={() => setDefaultPriceListAction(id)}
    />
  );
}
