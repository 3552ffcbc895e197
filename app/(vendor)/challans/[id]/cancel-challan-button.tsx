"use client";
// Cancel a challan with a reason (refused while an e-way bill on it is live or once the goods left).
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { cancelChallanAction } from "../actions";

export function CancelChallanButton({ id, number }: { id: string; number: string }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (!open)
    return (
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Cancel challan
      </Button>
    );
  return (
    <form
      className="w-full rounded-lg border border-slate-200 bg-white p-4 sm:w-96"
      onSubmit={(e) => {
        e.preventDefault();
        start(async () => {
          const res = await cancelChallanAction(id, { reason });
          if (!res.ok) setError(res.fieldErrors?.reason?.[0] ?? res.error);
          else setOpen(false);
        });
      }}
    >
      <p className="mb-3 text-sm text-slate-600">Cancel {number}? The number stays used.</p>
      {error && (
        <Alert tone="danger" className="mb-3">
          {error}
        </Alert>
      )}
      <Field id="cancel-reason" label="Reason" required>
        <Input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} />
      </Field>
      <div className="mt-3 flex justify-end gap-2">
        <Button variant="ghost" onClick={() => setOpen(false)}>
          Keep it
        </Button>
        <Button type="submit" variant="danger" loading={pending}>
          Cancel challan
        </Button>
      </div>
    </form>
  );
}
