"use client";
// "Email PDF": mails the document to the buyer again and says where it went.
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { emailInvoiceAgainAction } from "../actions";

export function EmailAgainButton({ invoiceId }: { invoiceId: string }) {
  const [pending, start] = useTransition();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <span className="inline-flex flex-col items-end">
      <Button
        variant="secondary"
        loading={pending}
        onClick={() =>
          start(async () => {
            const res = await emailInvoiceAgainAction(invoiceId);
            setResult(res.ok ? { ok: true, text: `Mailed to ${res.data.to}` } : { ok: false, text: res.error });
          })
        }
      >
        Email PDF
      </Button>
      {result && (
        <span role={result.ok ? "status" : "alert"} className={result.ok ? "mt-1 text-xs text-emerald-700" : "mt-1 max-w-64 text-right text-xs text-red-600"}>
          {result.text}
        </span>
      )}
    </span>
  );
}
