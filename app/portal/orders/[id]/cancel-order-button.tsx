"use client";
// "Cancel order" with the reason the vendor will read; allowed until the vendor confirms.
import { useState, useTransition } from "react";
import { Dialog } from "@/components/form/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { cancelOrderAction } from "../actions";

export function CancelOrderButton({ orderId, number }: { orderId: string; number: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = () =>
    start(async () => {
      setError(null);
      setFieldError(null);
      const res = await cancelOrderAction(orderId, { reason });
      if (res.ok) {
        setOpen(false);
        return;
      }
      if (res.fieldErrors?.reason) setFieldError(res.fieldErrors.reason[0]);
      else setError(res.error);
    });

  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)} className="text-danger-700">
        Cancel order
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Cancel order ${number}?`}
        description="The vendor is told at once and the stock held for you is released. This cannot be undone."
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Keep order
            </Button>
            <Button variant="danger" onClick={submit} loading={pending}>
              Cancel order
            </Button>
          </>
        }
      >
        {error && (
          <Alert tone="danger" className="mb-4">
            {error}
          </Alert>
        )}
        <Field id="cancel-reason" label="Reason" required hint="For example: ordered by mistake, found it elsewhere." error={fieldError ?? undefined}>
          <Textarea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </Dialog>
    </>
  );
}
