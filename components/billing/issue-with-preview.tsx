"use client";
// The last step before a GST document is issued, which cannot be undone: the button asks the server
// for the document as it will read (same pricing and tax engine as issuing; nothing is written),
// shows it in the document's own layout, and only the button in that dialog — naming the series and
// the number the document takes — issues it. Used by every door that issues an invoice or a note.
import { useState, useTransition } from "react";
import { Dialog } from "@/components/form/dialog";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import type { DocumentPreview } from "@/lib/billing/document-preview";
import type { ActionResult } from "@/lib/http/action";
import { formatDate, formatINR } from "@/lib/format";
import { InvoiceDocument, documentTitles } from "./invoice-document";

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

export function IssueWithPreview({
  label,
  ariaLabel,
  size,
  disabled,
  check,
  preview,
  issue,
  onIssued,
  onFailed,
}: {
  /** The button's words, e.g. "Issue invoice…". */
  label: string;
  ariaLabel?: string;
  size?: ButtonProps["size"];
  disabled?: boolean;
  /** Checks in the browser before asking the server (false: stop, the form shows why). */
  check?: () => boolean;
  preview: () => Promise<ActionResult<DocumentPreview>>;
  issue: () => Promise<ActionResult<{ id: string }>>;
  onIssued: (id: string) => void;
  /** The server refused (preview or issue): the form marks the fields named. */
  onFailed?: (res: Failure) => void;
}) {
  const [open, setOpen] = useState(false);
  const [doc, setDoc] = useState<DocumentPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, startLoading] = useTransition();
  const [issuing, startIssuing] = useTransition();

  const show = () => {
    if (check && !check()) return;
    setError(null);
    setDoc(null);
    setOpen(true);
    startLoading(async () => {
      const res = await preview();
      if (res.ok) return setDoc(res.data);
      setError(res.error);
      onFailed?.(res);
    });
  };
  const confirm = () =>
    startIssuing(async () => {
      setError(null);
      const res = await issue();
      if (res.ok) return onIssued(res.data.id);
      setError(res.error);
      onFailed?.(res);
    });

  const title = doc ? documentTitles[doc.type].replace("Tax invoice", "Invoice") : "Document";
  return (
    <>
      <Button type="button" size={size} onClick={show} disabled={disabled} loading={loading && !open} aria-label={ariaLabel}>
        {label}
      </Button>
      <Dialog
        open={open}
        onClose={() => !issuing && setOpen(false)}
        wide="document"
        title={doc ? `Issue ${title.toLowerCase()} ${doc.number}?` : "Preview before issuing"}
        description={
          doc ? (
            <>
              This cannot be undone: once issued, {title.toLowerCase()} {doc.number} (series {doc.series}) keeps its number and amounts for good, and is corrected only by a credit or debit note. Check it below.
            </>
          ) : undefined
        }
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} disabled={issuing}>
              Back to edit
            </Button>
            <Button onClick={confirm} loading={issuing} disabled={!doc}>
              {doc ? `Issue ${title.toLowerCase()} ${doc.number} for ${formatINR(doc.totals.grandTotal)}` : "Issue"}
            </Button>
          </>
        }
      >
        {error && (
          <Alert tone="danger" className="mb-4">
            {error}
          </Alert>
        )}
        {!doc && !error && (
          <p className="flex items-center gap-2 py-8 text-sm text-slate-500">
            <Spinner size="sm" /> Working out the document…
          </p>
        )}
        {doc && (
          <>
            {doc.backdated && (
              <Alert tone="warning" className="mb-4">
                Dated {formatDate(doc.issueDate)}, more than 30 days back: check the date (the IRP may refuse a late e-invoice).
              </Alert>
            )}
            <InvoiceDocument invoice={doc} basePath="/invoices" preview />
          </>
        )}
      </Dialog>
    </>
  );
}
