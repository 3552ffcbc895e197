"use client";
// Pay now: gets the invoice's pay link (or, with connectionId, the link for all owed to that vendor) and sends the browser to the gateway's pay page. Whether the
// browser ever comes back does not matter: the gateway's webhook records the payment.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { payNowAction, payOutstandingNowAction } from "../actions";

export function PayNowButton({ invoiceId, connectionId, label = "Pay now", size = "md" }: ({ invoiceId: string; connectionId?: undefined } | { connectionId: string; invoiceId?: undefined }) & { label?: string; size?: "sm" | "md" }) {
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        size={size}
        loading={pending}
        onClick={() =>
          start(async () => {
            setError(null);
            const res = connectionId ? await payOutstandingNowAction(connectionId) : await payNowAction(invoiceId!);
            if (res.ok && res.data.shortUrl) window.location.assign(res.data.shortUrl);
            else setError(res.ok ? "The payment page is not ready; try again." : res.error);
          })
        }
      >
        {label}
      </Button>
      {error && (
        <span role="alert" className="max-w-56 text-right text-xs text-danger-700">
          {error}
        </span>
      )}
    </span>
  );
}
