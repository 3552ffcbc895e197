"use client";
// The e-invoice panel's dialogs: the IRP JSON with its problems, cancelling the document, and the
// e-way bill JSON download. The server checks everything again; its messages show by the field.
import { IntentLink as Link } from "@/components/ui/intent-link";
import { useEffect, useState, useTransition } from "react";
import { Dialog } from "@/components/form/dialog";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { Textarea } from "@/components/ui/textarea";
import { formatDateTime } from "@/lib/format";
import type { EInvoiceJsonView } from "@/lib/billing/einvoice/get-einvoice-json";
import { cancelInvoiceAction, getEInvoiceJsonAction, getEwayBillJsonAction } from "./einvoice-actions";

type Open = { open: boolean; onClose: () => void; invoiceId: string };

function download(filename: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
  const a = Object.assign(document.createElement("a"), { href: url, download: filename });
  a.click();
  URL.revokeObjectURL(url);
}

const fileName = (number: string, kind: string) => `${number.replace(/\//g, "-")}-${kind}.json`;

/** Mounted only while open, so every opening builds the JSON afresh. */
export function IrpJsonDialog({ open, onClose, invoiceId }: Open) {
  const [view, setView] = useState<EInvoiceJsonView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    getEInvoiceJsonAction(invoiceId).then((r) => live && (r.ok ? setView(r.data) : setError(r.error)));
    return () => {
      live = false;
    };
  }, [invoiceId]);
  const errors = view?.problems.filter((p) => p.level === "error") ?? [];
  const warnings = view?.problems.filter((p) => p.level === "warning") ?? [];
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="IRP JSON (schema 1.1)"
      description={view?.irpMode === "SANDBOX" ? "Local IRP sandbox — not reported to GSTN." : "What is sent to the NIC IRP."}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            Close
          </Button>
          {view && <Button onClick={() => download(fileName(view.number, "irp"), view.json)}>Download JSON</Button>}
        </>
      }
    >
      {error && <Alert tone="danger">{error}</Alert>}
      {!view && !error && (
        <div className="flex items-center gap-2 py-6 text-sm text-slate-500">
          <Spinner size="sm" /> Building the JSON…
        </div>
      )}
      {view && (
        <div className="space-y-3">
          {errors.length === 0 ? (
            <Alert tone="success">No problems: the IRP should accept this document.</Alert>
          ) : (
            <Alert tone="danger" title={`${errors.length} problem${errors.length === 1 ? "" : "s"} to fix before the IRP accepts it`}>
              <ul className="list-disc space-y-0.5 pl-4">
                {errors.map((p) => (
                  <li key={p.path + p.message}>{p.message}</li>
                ))}
              </ul>
            </Alert>
          )}
          {warnings.length > 0 && (
            <Alert tone="warning">
              <ul className="list-disc space-y-0.5 pl-4">
                {warnings.map((p) => (
                  <li key={p.path + p.message}>{p.message}</li>
                ))}
              </ul>
            </Alert>
          )}
          <pre className="max-h-72 overflow-auto rounded-lg bg-slate-50 p-3 font-mono text-[11px] leading-snug text-slate-800 ring-1 ring-slate-200">{JSON.stringify(view.json, null, 2)}</pre>
        </div>
      )}
    </Dialog>
  );
}

const reasons = [
  { value: "1", label: "1 — Duplicate" },
  { value: "2", label: "2 — Data entry mistake" },
  { value: "3", label: "3 — Order cancelled" },
  { value: "4", label: "4 — Others" },
];

/** `openedAt`: when the user opened it (the 24-hour line is checked against it, and again by the server). */
export function CancelInvoiceDialog({ open, onClose, onDone, invoiceId, docName, eInvoiced, cancellableUntil, openedAt }: Open & { onDone: () => void; docName: string; eInvoiced: boolean; cancellableUntil: Date | null; openedAt: number }) {
  const [reasonCode, setReasonCode] = useState("");
  const [remark, setRemark] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [creditNote, setCreditNote] = useState(false);
  const [pending, start] = useTransition();
  const expired = eInvoiced && cancellableUntil !== null && cancellableUntil.getTime() < openedAt;
  const showCreditNote = expired || creditNote;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setError(null);
      setFieldErrors({});
      const res = await cancelInvoiceAction(invoiceId, { reasonCode: reasonCode === "" ? undefined : Number(reasonCode), remark });
      if (res.ok) return onDone();
      setFieldErrors(res.fieldErrors ?? {});
      setCreditNote(Boolean(res.creditNote));
      if (!res.fieldErrors) setError(res.error);
    });
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={`Cancel this ${docName}`}
      description={
        showCreditNote
          ? undefined
          : eInvoiced && cancellableUntil
            ? `Its IRN is cancelled at the IRP too. Allowed until ${formatDateTime(cancellableUntil)} (24 hours after the acknowledgement).`
            : `A cancelled ${docName} stays on record with its number; payments applied to it go back on account.`
      }
    >
      {showCreditNote ? (
        <div className="space-y-4">
          <Alert tone="warning" title="The IRN can no longer be cancelled">
            24 hours have passed since the IRP acknowledged this {docName}. Correct it with a credit note instead.
          </Alert>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onClose}>
              Back
            </Button>
            <Link href={`/invoices/${invoiceId}/credit-note`} className={buttonClasses({ variant: "primary" })}>
              Issue a credit note
            </Link>
          </div>
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          {error && <Alert tone="danger">{error}</Alert>}
          <Field id="cancel-reason" label="Reason" required error={fieldErrors.reasonCode?.[0]}>
            <Select value={reasonCode} onChange={(e) => setReasonCode(e.target.value)} options={reasons} placeholder="Choose a reason" />
          </Field>
          <Field id="cancel-remark" label="Remark" required hint={`${remark.length}/100 characters`} error={fieldErrors.remark?.[0]}>
            <Textarea rows={3} maxLength={100} value={remark} onChange={(e) => setRemark(e.target.value)} placeholder="e.g. Wrong rate entered on line 2" />
          </Field>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="secondary" onClick={onClose} disabled={pending}>
              Back
            </Button>
            <Button type="submit" variant="danger" loading={pending}>
              Cancel {docName}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

export function EwayBillDialog({ open, onClose, invoiceId }: Open) {
  const [vehicleNo, setVehicleNo] = useState("");
  const [distanceKm, setDistanceKm] = useState("");
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [problems, setProblems] = useState<{ path: string; message: string }[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setError(null);
      setFieldErrors({});
      setProblems([]);
      const res = await getEwayBillJsonAction(invoiceId, { vehicleNo, distanceKm: distanceKm === "" ? undefined : distanceKm });
      if (!res.ok) {
        setFieldErrors(res.fieldErrors ?? {});
        if (!res.fieldErrors) setError(res.error);
        return;
      }
      if (res.data.problems.length) return setProblems(res.data.problems);
      download(fileName(res.data.number, "ewaybill"), { version: "1.0.0621", billLists: [res.data.json] });
      onClose();
    });
  };
  const fieldProblem = (k: string) => fieldErrors[k]?.[0] ?? problems.find((p) => p.path === k)?.message;
  const other = problems.filter((p) => p.path !== "vehicleNo" && p.path !== "transDistance");

  return (
    <Dialog open={open} onClose={onClose} title="E-way bill JSON" description="For upload on the e-way bill portal (bulk generation). Part B is filled when you give the vehicle number.">
      <form onSubmit={submit} noValidate className="space-y-4">
        {error && <Alert tone="danger">{error}</Alert>}
        {other.length > 0 && (
          <Alert tone="danger" title="Fix these before the portal accepts it">
            <ul className="list-disc space-y-0.5 pl-4">
              {other.map((p) => (
                <li key={p.path + p.message}>{p.message}</li>
              ))}
            </ul>
          </Alert>
        )}
        <Field id="eway-vehicle" label="Vehicle number" hint="e.g. KA12TR1234" error={fieldProblem("vehicleNo")}>
          <Input value={vehicleNo} onChange={(e) => setVehicleNo(e.target.value.toUpperCase())} autoComplete="off" />
        </Field>
        <Field id="eway-distance" label="Distance (km)" required hint="1 day of validity per 200 km" error={fieldProblem("distanceKm") ?? fieldProblem("transDistance")}>
          <Input inputMode="numeric" value={distanceKm} onChange={(e) => setDistanceKm(e.target.value)} />
        </Field>
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <Button variant="secondary" onClick={onClose} disabled={pending}>
            Close
          </Button>
          <Button type="submit" loading={pending}>
            Download JSON
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
