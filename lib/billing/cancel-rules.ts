// When an issued document may be cancelled — one rule for cancelInvoice (which refuses with it) and
// for the invoice view (which offers "cancel" only when it would be accepted).
import { AppError } from "@/lib/errors";
import type { EInvoiceStatus, InvoiceStatus, InvoiceType } from "@/lib/generated/prisma/enums";

/** The IRP accepts a cancellation of an IRN within 24 hours of its acknowledgement. */
export const IRN_CANCEL_WINDOW_MS = 24 * 60 * 60 * 1000;

export const kindName = { INVOICE: "Invoice", CREDIT_NOTE: "Credit note", DEBIT_NOTE: "Debit note" } as const;

type Cancellable = { id: string; type: InvoiceType; number: string; status: InvoiceStatus; eInvoiceStatus: EInvoiceStatus; irn: string | null; ackDate: Date | null; ewayBillNo: string | null };

/** Until when the document's IRN can be cancelled; null without an acknowledgement. */
export function irnCancellableUntil(ackDate: Date | null): Date | null {
  return ackDate ? new Date(ackDate.getTime() + IRN_CANCEL_WINDOW_MS) : null;
}

/** Why the document cannot be cancelled now (the error cancelInvoice throws), or null when it can. */
export function cancelRefusal(inv: Cancellable, liveNoteNumbers: string[], now: Date): AppError | null {
  const what = kindName[inv.type];
  if (inv.status === "CANCELLED") return new AppError("invalid_transition", `${what} ${inv.number} is already cancelled`);
  if (liveNoteNumbers.length) {
    return new AppError("conflict", `${what} ${inv.number} has notes issued against it (${liveNoteNumbers.join(", ")}). Cancel those first.`, { details: { notes: liveNoteNumbers } });
  }
  if (inv.ewayBillNo) {
    return new AppError("conflict", `E-way bill ${inv.ewayBillNo} is active for ${inv.number}. Cancel the e-way bill on the e-way bill portal first.`, { details: { ewayBillNo: inv.ewayBillNo } });
  }
  if (inv.eInvoiceStatus === "GENERATED") {
    const until = irnCancellableUntil(inv.ackDate);
    if (!until || now.getTime() > until.getTime()) {
      return new AppError("conflict", "IRN can no longer be cancelled (24 hours have passed). Issue a credit note instead.", {
        details: { suggestion: "credit_note", irn: inv.irn, ackDate: inv.ackDate?.toISOString() ?? null, cancellableUntil: until?.toISOString() ?? null, creditNoteUrl: `/invoices/${inv.id}/credit-note` },
      });
    }
  }
  return null;
}
