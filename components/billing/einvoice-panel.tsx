"use client";
// The e-invoice block of an invoice or note page: IRP status and reason, IRN and acknowledgement,
// and the actions — generate/retry, view the IRP JSON with its problems, cancel (within 24 hours of
// the IRN; after that the way is a credit note), and the e-way bill JSON when the value needs one.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime, formatINR } from "@/lib/format";
import { CancelInvoiceDialog, EwayBillDialog, IrpJsonDialog } from "./einvoice-dialogs";
import { getEwayBillNeedAction, requestEInvoiceAction } from "./einvoice-actions";

export type EInvoicePanelProps = {
  invoiceId: string;
  type: "INVOICE" | "CREDIT_NOTE" | "DEBIT_NOTE";
  status: "ISSUED" | "CANCELLED";
  eInvoice: {
    status: "NOT_REQUIRED" | "PENDING" | "GENERATED" | "FAILED" | "CANCELLED";
    error: string | null;
    irn: string | null;
    ackNo: string | null;
    ackDate: string | null;
    ewayBillNo: string | null;
    irnCancellableUntil: string | null;
  };
  canWrite: boolean;
};

const statusBadge: Record<EInvoicePanelProps["eInvoice"]["status"], { label: string; tone: BadgeTone }> = {
  NOT_REQUIRED: { label: "Not required", tone: "neutral" },
  PENDING: { label: "Pending", tone: "info" },
  GENERATED: { label: "IRN generated", tone: "success" },
  FAILED: { label: "Failed", tone: "danger" },
  CANCELLED: { label: "IRN cancelled", tone: "warning" },
};

const docName = { INVOICE: "invoice", CREDIT_NOTE: "credit note", DEBIT_NOTE: "debit note" } as const;

export function EInvoicePanel({ invoiceId, type, status, eInvoice, canWrite }: EInvoicePanelProps) {
  const router = useRouter();
  const [dialog, setDialog] = useState<"json" | "cancel" | "eway" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [eway, setEway] = useState<{ required: boolean; threshold: string } | null>(null);
  // The page's render time: whether the 24 hours are over is decided against it (the server decides again).
  const [renderedAt] = useState(() => Date.now());
  const [openedAt, setOpenedAt] = useState(renderedAt);
  const badge = statusBadge[eInvoice.status];
  const issued = status === "ISSUED";

  useEffect(() => {
    if (type !== "INVOICE" || !issued) return;
    let live = true;
    getEwayBillNeedAction(invoiceId).then((r) => live && r.ok && setEway({ required: r.data.required, threshold: r.data.threshold }));
    return () => {
      live = false;
    };
  }, [invoiceId, type, issued]);

  const request = () =>
    start(async () => {
      setError(null);
      const res = await requestEInvoiceAction(invoiceId);
      if (!res.ok) setError(res.error);
      else router.refresh();
    });

  const canGenerate = canWrite && issued && (eInvoice.status === "NOT_REQUIRED" || eInvoice.status === "FAILED");
  const cancellableUntil = eInvoice.irnCancellableUntil ? new Date(eInvoice.irnCancellableUntil) : null;

  return (
    <Card>
      <CardHeader
        as="h2"
        title="E-invoice"
        description="Invoice Registration Portal (IRP)"
        actions={
          <Badge tone={badge.tone} dot>
            {badge.label}
          </Badge>
        }
      />
      <div className="space-y-4 px-5 py-4 text-sm">
        {eInvoice.status === "PENDING" && <p className="text-slate-600">Queued for the IRP. The IRN appears here once the IRP answers; reload in a moment.</p>}
        {eInvoice.status === "NOT_REQUIRED" && <p className="text-slate-600">{issued ? "Not reported to the IRP (e-invoicing was off or the buyer is unregistered)." : "Cancelled before it was reported to the IRP."}</p>}
        {eInvoice.status === "FAILED" && (
          <Alert tone="danger" title="The IRP did not generate an IRN">
            <span className="whitespace-pre-line">{eInvoice.error ?? "No reason was given."}</span>
          </Alert>
        )}
        {eInvoice.status === "GENERATED" && eInvoice.error && <Alert tone="warning">{eInvoice.error}</Alert>}
        {(eInvoice.status === "GENERATED" || eInvoice.status === "CANCELLED") && eInvoice.irn && (
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[8rem_1fr]">
            <dt className="text-slate-500">IRN</dt>
            <dd className="font-mono text-xs break-all text-slate-900">{eInvoice.irn}</dd>
            <dt className="text-slate-500">Ack. number</dt>
            <dd className="font-mono text-slate-900 tabular-nums">{eInvoice.ackNo ?? "—"}</dd>
            <dt className="text-slate-500">Ack. date</dt>
            <dd className="text-slate-900">{eInvoice.ackDate ? formatDateTime(eInvoice.ackDate) : "—"}</dd>
            {eInvoice.status === "GENERATED" && issued && cancellableUntil && (
              <>
                <dt className="text-slate-500">Cancellable until</dt>
                <dd className="text-slate-900">{formatDateTime(cancellableUntil)}</dd>
              </>
            )}
            {eInvoice.ewayBillNo && (
              <>
                <dt className="text-slate-500">E-way bill</dt>
                <dd className="font-mono text-slate-900">{eInvoice.ewayBillNo}</dd>
              </>
            )}
          </dl>
        )}
        {eInvoice.status === "GENERATED" && !issued && <p className="text-slate-600">The {docName[type]} is cancelled; the IRN is being cancelled at the IRP.</p>}
        {error && <Alert tone="danger">{error}</Alert>}
        {type === "INVOICE" && issued && eway?.required && !eInvoice.ewayBillNo && (
          <p className="text-slate-600">The value is above {formatINR(eway.threshold)}: goods on this invoice need an e-way bill.</p>
        )}
        <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4">
          {canGenerate && (
            <Button size="sm" onClick={request} loading={pending}>
              {eInvoice.status === "FAILED" ? "Retry" : "Generate e-invoice"}
            </Button>
          )}
          <Button size="sm" variant="secondary" onClick={() => setDialog("json")}>
            View IRP JSON
          </Button>
          {type === "INVOICE" && issued && eway?.required && (
            <Button size="sm" variant="secondary" onClick={() => setDialog("eway")}>
              E-way bill JSON
            </Button>
          )}
          {canWrite && issued && (
            <Button size="sm" variant="ghost" className="text-danger-700 hover:bg-danger-50 hover:text-danger-800" onClick={() => {
                setOpenedAt(Date.now());
                setDialog("cancel");
              }}>
              Cancel {docName[type]}
            </Button>
          )}
          {canWrite && issued && type === "INVOICE" && eInvoice.status === "GENERATED" && cancellableUntil && cancellableUntil.getTime() < renderedAt && (
            <Link href={`/invoices/${invoiceId}/credit-note`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
              Issue a credit note
            </Link>
          )}
        </div>
      </div>
      {dialog === "json" && <IrpJsonDialog open onClose={() => setDialog(null)} invoiceId={invoiceId} />}
      {dialog === "cancel" && (
      <CancelInvoiceDialog
        open
        onClose={() => setDialog(null)}
        onDone={() => {
          setDialog(null);
          router.refresh();
        }}
        invoiceId={invoiceId}
        docName={docName[type]}
        eInvoiced={eInvoice.status === "GENERATED"}
        cancellableUntil={cancellableUntil}
        openedAt={openedAt}
      />
      )}
      {type === "INVOICE" && dialog === "eway" && <EwayBillDialog open onClose={() => setDialog(null)} invoiceId={invoiceId} />}
    </Card>
  );
}
