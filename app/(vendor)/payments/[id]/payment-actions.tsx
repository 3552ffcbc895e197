"use client";
// Reallocate a receipt (oldest first or by hand) and void a payment with a reason (a bounced cheque).
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Dialog } from "@/components/form/dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { OpenDocument } from "@/lib/billing/get-receivable-account";
import { toPaise } from "@/lib/billing/paise";
import { formatINR } from "@/lib/format";
import { allocatePaymentAction, voidPaymentAction } from "../actions";
import { AllocationEditor, manualLines, type AllocationMode } from "../_components/allocation-editor";

export function ReallocateButton({ paymentId, number, available, docs, today }: { paymentId: string; number: string; available: string; docs: OpenDocument[]; today: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<AllocationMode>("auto");
  const [manual, setManual] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string[] | undefined>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const save = () =>
    start(async () => {
      setErrors({});
      setMessage(null);
      const res = await allocatePaymentAction(paymentId, { allocations: mode === "auto" ? "auto" : manualLines(docs, manual) });
      if (!res.ok) {
        setErrors(res.fieldErrors ?? {});
        setMessage(res.error);
        return;
      }
      setOpen(false);
      router.refresh();
    });
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Reallocate
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        wide
        title={`Reallocate ${number}`}
        description={<>Replaces what this receipt pays. {formatINR(available)} can be allocated; what is not allocated stays on account.</>}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Cancel
            </Button>
            <Button onClick={save} loading={pending}>
              Save allocation
            </Button>
          </>
        }
      >
        {message && (
          <Alert tone="danger" className="mb-3">
            {errors.allocations?.[0] ?? message}
          </Alert>
        )}
        <AllocationEditor docs={docs} amount={toPaise(available)} mode={mode} onMode={setMode} manual={manual} onManual={setManual} errors={errors} allowNone={false} today={today} />
      </Dialog>
    </>
  );
}

export function VoidButton({ paymentId, number, kind }: { paymentId: string; number: string; kind: "RECEIPT" | "REFUND" }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const submit = () =>
    start(async () => {
      setError(null);
      const res = await voidPaymentAction(paymentId, { reason });
      if (!res.ok) {
        setError(res.fieldErrors?.reason?.[0] ?? res.error);
        return;
      }
      setOpen(false);
      router.refresh();
    });
  return (
    <>
      <Button variant="danger" onClick={() => setOpen(true)}>
        Void
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`Void ${number}?`}
        description={kind === "RECEIPT" ? "For a bounced cheque or a receipt entered by mistake. The invoices it paid become open again and it leaves the ledger." : "The credit it paid back returns to the retailer's account."}
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={pending}>
              Keep
            </Button>
            <Button variant="danger" onClick={submit} loading={pending}>
              Void {kind === "RECEIPT" ? "receipt" : "refund"}
            </Button>
          </>
        }
      >
        <Field id={`void-reason-${paymentId}`} label="Reason" required error={error ?? undefined}>
          <Textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} placeholder="e.g. Cheque returned unpaid: insufficient funds" />
        </Field>
      </Dialog>
    </>
  );
}
