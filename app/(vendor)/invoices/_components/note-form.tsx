"use client";
// Credit or debit note form: a reason, and per invoice line either a quantity (returned or
// short-billed, at the line's price and rate) or a taxable-value amount — or, for a credit note,
// "credit everything still creditable". Errors come back from lib/billing and sit next to the line.
// Issuing goes through the confirm step: the note as it will read, then the final click.
import { DateInput } from "@/components/ui/date-input";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { IssueWithPreview } from "@/components/billing/issue-with-preview";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { InvoiceLineView } from "@/lib/billing/invoice-views";
import { quantityInputProps, quantityUnitError } from "@/lib/catalog/units";
import { formatINR, formatQuantity } from "@/lib/format";
import { issueNoteAction, previewNoteAction } from "../actions";

const reasons = [
  { value: "RETURN", label: "Goods returned" },
  { value: "RATE_DIFFERENCE", label: "Rate difference" },
  { value: "DISCOUNT", label: "Discount after sale" },
  { value: "DEFICIENCY", label: "Deficiency in supply" },
  { value: "OTHER", label: "Other" },
];

type LineState = { mode: "none" | "quantity" | "amount"; value: string };

export function NoteForm({ kind, invoiceId, lines, today, minDate }: { kind: "credit" | "debit"; invoiceId: string; lines: InvoiceLineView[]; today: string; minDate: string }) {
  const router = useRouter();
  const [reason, setReason] = useState(kind === "credit" ? "RETURN" : "RATE_DIFFERENCE");
  const [issueDate, setIssueDate] = useState(today);
  const [notes, setNotes] = useState("");
  const [full, setFull] = useState(false);
  const [state, setState] = useState<LineState[]>(lines.map(() => ({ mode: "none", value: "" })));
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  const chosen = state.map((s, i) => ({ s, line: lines[i]! })).filter((x) => x.s.mode !== "none");
  const body = {
    reason,
    issueDate,
    notes: notes || undefined,
    lines: full ? "full" : chosen.map(({ s, line }) => (s.mode === "quantity" ? { originalLineId: line.id, quantity: s.value } : { originalLineId: line.id, amount: s.value })),
  };
  const failed = (res: { error: string; fieldErrors?: Record<string, string[]> }) => {
    setError(res.error);
    // lines.<k>.x of the request → the screen line it came from.
    const mapped: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(res.fieldErrors ?? {})) {
      const m = /^lines\.(\d+)\.(\w+)$/.exec(k);
      const screen = m ? lines.indexOf(chosen[Number(m[1])]?.line as InvoiceLineView) : -1;
      mapped[m && screen >= 0 ? `line.${screen}` : k] = v;
    }
    setFieldErrors(mapped);
  };

  return (
    <form className="space-y-6" onSubmit={(e) => e.preventDefault()}>
      {error && <Alert tone="danger">{error}</Alert>}
      <Card>
        <CardBody className="grid gap-4 sm:grid-cols-3">
          <Field id="reason" label="Reason" error={fieldErrors.reason?.[0]} required>
            <Select value={reason} onChange={(e) => setReason(e.target.value)} options={reasons} />
          </Field>
          <Field id="issueDate" label="Date" error={fieldErrors.issueDate?.[0]} hint="Not before the invoice, not in the future">
            <DateInput value={issueDate} min={minDate} max={today} onChange={(e) => setIssueDate(e.target.value)} />
          </Field>
          {kind === "credit" && (
            <label className="flex items-center gap-2 self-end pb-2 text-sm text-slate-700">
              <input type="checkbox" checked={full} onChange={(e) => setFull(e.target.checked)} className="size-4 rounded border-slate-300" />
              Credit everything still creditable
            </label>
          )}
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Lines" description={kind === "credit" ? "Per line: a quantity that came back (at the invoiced price and rate), or an amount of taxable value to credit." : "Per line: a quantity short-billed, or an amount of taxable value to add."} />
        {fieldErrors.lines && <p className="px-5 pt-3 text-sm text-red-600">{fieldErrors.lines[0]}</p>}
        <div className="overflow-x-auto">
          <table className="w-full min-w-[720px] text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-4 py-2 text-left font-medium">Line</th>
                <th className="px-3 py-2 text-right font-medium">Invoiced</th>
                {kind === "credit" && <th className="px-3 py-2 text-right font-medium">Credited</th>}
                <th className="px-3 py-2 text-right font-medium">Taxable</th>
                <th className="px-3 py-2 text-left font-medium">Correct by</th>
                <th className="px-4 py-2 text-left font-medium">Value</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {lines.map((l, i) => {
                const s = state[i]!;
                const err = fieldErrors[`line.${i}`]?.[0];
                // A quantity in the line's unit: whole pieces, up to 3 decimals of kg.
                const unitErr = s.mode === "quantity" && s.value.trim() ? quantityUnitError(s.value, l.unit) : null;
                const set = (patch: Partial<LineState>) => setState((all) => all.map((x, j) => (j === i ? { ...x, ...patch } : x)));
                return (
                  <tr key={l.id} className={full ? "opacity-50" : undefined}>
                    <td className="px-4 py-2.5">
                      <span className="text-slate-900">{l.description}</span>
                      <span className="block text-xs text-slate-500">HSN {l.hsnCode} · {Number(l.gstRate)}% · {l.freeGoods ? "free goods" : `${formatINR(l.unitPrice)}/${l.unit}`}</span>
                    </td>
                    <td className="px-3 py-2.5 text-right tabular-nums">{formatQuantity(l.quantity, l.unit)}</td>
                    {kind === "credit" && <td className="px-3 py-2.5 text-right tabular-nums text-slate-600">{formatQuantity(l.creditedQuantity, l.unit)}<span className="block text-xs">{formatINR(l.creditedValue)}</span></td>}
                    <td className="px-3 py-2.5 text-right tabular-nums">{formatINR(l.taxableValue)}</td>
                    <td className="px-3 py-2.5">
                      <Select
                        aria-label={`How to correct line ${i + 1}`}
                        disabled={full}
                        value={s.mode}
                        onChange={(e) => set({ mode: e.target.value as LineState["mode"] })}
                        options={[{ value: "none", label: "—" }, { value: "quantity", label: "Quantity" }, { value: "amount", label: "Amount (₹)" }]}
                        className="w-36"
                      />
                    </td>
                    <td className="px-4 py-2.5">
                      {s.mode !== "none" && !full && (
                        <>
                          <Input aria-label={`${s.mode === "quantity" ? "Quantity" : "Amount"} for line ${i + 1}`} inputMode={s.mode === "quantity" ? quantityInputProps(l.unit).inputMode : "decimal"} value={s.value} onChange={(e) => set({ value: e.target.value })} invalid={!!(err ?? unitErr)} className="w-32" placeholder={s.mode === "quantity" ? l.unit : "0.00"} />
                          {(err ?? unitErr) && <p className="mt-1 text-xs text-red-600">{err ?? unitErr}</p>}
                        </>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </Card>

      <Card>
        <CardBody>
          <Field id="notes" label="Notes" hint="Printed on the note">
            <Textarea rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} maxLength={1000} />
          </Field>
        </CardBody>
      </Card>
      <div className="flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={() => router.back()}>
          Back
        </Button>
        <IssueWithPreview
          label={`Issue ${kind === "credit" ? "credit note" : "debit note"}…`}
          disabled={!full && chosen.length === 0}
          check={() => {
            setError(null);
            setFieldErrors({});
            return true;
          }}
          preview={() => previewNoteAction(invoiceId, kind, body)}
          issue={() => issueNoteAction(invoiceId, kind, body)}
          onIssued={(id) => router.push(`/invoices/${id}`)}
          onFailed={failed}
        />
      </div>
    </form>
  );
}
