"use client";
// Release an order from credit hold (needs orders.approve_credit), with an optional note for the timeline.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Dialog } from "@/components/form/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { formatINR } from "@/lib/format";
import { releaseHoldAction } from "../actions";

export function ReleaseHoldButton({ orderId, number, retailer, amount, reason, label = "Release" }: { orderId: string; number: string; retailer: string; amount: string; reason?: string | null; label?: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const release = () =>
    start(async () => {
      setError(null);
      const res = await releaseHoldAction(orderId, { note: note.trim() || undefined });
      if (!res.ok) {
        setError(res.fieldErrors?.note?.[0] ?? res.error);
        return;
      }
      setOpen(false);
      router.refresh();
    });
  return (
    <>
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`Release credit hold on ${number}`}>
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Release ${number} from credit hold?`}
        description={
          <>
            {retailer}&rsquo;s order of {formatINR(amount)} goes over their credit limit. Releasing it lets your team confirm and ship it.
            {reason && <span className="mt-1 block">{reason}</span>}
          </>
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Keep on hold
            </Button>
            <Button onClick={release} loading={pending}>
              Release hold
            </Button>
          </>
        }
      >
        {error && (
          <Alert tone="danger" className="mb-3">
            {error}
          </Alert>
        )}
        <Field id={`release-note-${orderId}`} label="Note" hint="Optional: why it is fine to go over the limit this time.">
          <Textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </Field>
      </Dialog>
    </>
  );
}
