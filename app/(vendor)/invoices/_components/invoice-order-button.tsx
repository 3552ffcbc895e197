"use client";
// "Invoice" on a row of the invoiceable orders: everything left on the order, then to the invoice.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { invoiceOrderAction } from "../actions";

export function InvoiceOrderButton({ orderId, label }: { orderId: string; label: string }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <Button
        size="sm"
        aria-label={label}
        loading={pending}
        onClick={() =>
          start(async () => {
            const res = await invoiceOrderAction(orderId, {});
            if (res.ok) router.push(`/invoices/${res.data.id}`);
            else setError(res.error);
          })
        }
      >
        Invoice
      </Button>
      {error && <span role="alert" className="mt-1 max-w-56 text-right text-xs text-red-600">{error}</span>}
    </span>
  );
}
