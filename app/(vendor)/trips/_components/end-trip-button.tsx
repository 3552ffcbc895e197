"use client";
// Bring a running trip back early: asks why (kept on the trip), says what follows, then refreshes.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Dialog } from "@/components/form/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import { endTripAction } from "../actions";

export function EndTripButton({ tripId, number, openStops }: { tripId: string; number: string; openStops: number }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [pending, start] = useTransition();
  const go = () =>
    start(async () => {
      setError(null);
      setFieldError(undefined);
      const res = await endTripAction(tripId, { reason });
      if (!res.ok) {
        setError(res.error);
        setFieldError(res.fieldErrors?.reason?.[0]);
        return;
      }
      setOpen(false);
      router.refresh();
    });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Bring back early
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Bring ${number} back to the depot?`}
        description={`${openStops} stop${openStops === 1 ? " is" : "s are"} not reached yet. They are marked not reached; their shipments wait at the depot, ready for another trip. Deliveries already recorded stay.`}
      >
        {error && !fieldError && (
          <Alert tone="danger" className="mb-4">
            {error}
          </Alert>
        )}
        <Field id="end-reason" label="Why" required error={fieldError}>
          <Textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="Van broke down near Wakad; goods back by tempo" />
        </Field>
        <div className="mt-5 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
            Back
          </Button>
          <Button variant="danger" onClick={go} loading={pending}>
            Bring back
          </Button>
        </div>
      </Dialog>
    </>
  );
}
