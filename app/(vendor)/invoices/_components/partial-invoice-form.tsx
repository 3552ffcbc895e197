"use client";
// Partial invoice of an order: per line, how much of what is left (ordered − invoiced − returned) to
// invoice now. Prices are the order's; the GST rate is the one in force on the invoice date. Below the
// lines, the invoice as it will read (computed by the server as invoiceOrder will issue it), redone
// when a quantity or the date changes; issuing goes through the confirm step that names the number.
import { DateInput } from "@/components/ui/date-input";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { InvoiceDocument } from "@/components/billing/invoice-document";
import { IssueWithPreview } from "@/components/billing/issue-with-preview";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { quantityInputProps, quantityUnitError } from "@/lib/catalog/units";
import { formatINR, formatQuantity } from "@/lib/format";
import type { DocumentPreview } from "@/lib/billing/document-preview";
import { invoiceOrderAction, previewOrderInvoiceAction } from "../actions";

type OrderLineRow = { id: string; name: string; sku: string; unit: string; unitPrice: string; freeGoods: boolean; quantity: string; returnedQty: string; invoicedQty: string };

const left = (l: OrderLineRow) => Math.max(0, Number(l.quantity) - Number(l.invoicedQty) - Number(l.returnedQty));
const fmt = (n: number) => String(Math.round(n * 1000) / 1000);

export function PartialInvoiceForm({ orderId, lines, today }: { orderId: string; lines: OrderLineRow[]; today: string }) {
  const router = useRouter();
  const [qty, setQty] = useState<string[]>(lines.map((l) => fmt(left(l))));
  const [issueDate, setIssueDate] = useState(today);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [preview, setPreview] = useState<{ doc?: DocumentPreview; error?: string }>({});
  const chosen = lines.map((l, i) => ({ l, i, q: qty[i]!.trim() })).filter((x) => x.q !== "" && Number(x.q) > 0);
  const nothingLeft = lines.every((l) => left(l) === 0);
  const body = { issueDate, lines: chosen.map((c) => ({ orderLineId: c.l.id, quantity: c.q })) };
  const key = JSON.stringify(body);

  // Whole pieces, up to 3 decimals of kg: refused here before the server says the same.
  const unitErrors = (): Record<string, string[]> =>
    Object.fromEntries(chosen.flatMap((c) => {
      const e = quantityUnitError(c.q, c.l.unit);
      return e ? [[`line.${c.i}`, [e]]] : [];
    }));
  const showFailure = (res: { error: string; fieldErrors?: Record<string, string[]> }) => {
    setError(res.error);
    const mapped: Record<string, string[]> = {};
    for (const [k, v] of Object.entries(res.fieldErrors ?? {})) {
      const m = /^lines\.(\d+)\.quantity$/.exec(k);
      mapped[m ? `line.${chosen[Number(m[1])]?.i}` : k] = v;
    }
    setFieldErrors(mapped);
  };

  // The invoice as it will read, a moment after the quantities or the date stop changing.
  useEffect(() => {
    const parsed = JSON.parse(key) as typeof body;
    if (parsed.lines.length === 0 || nothingLeft) return;
    const t = setTimeout(async () => {
      const res = await previewOrderInvoiceAction(orderId, parsed);
      setPreview(res.ok ? { doc: res.data } : { error: res.error });
    }, 350);
    return () => clearTimeout(t);
  }, [key, orderId, nothingLeft]);

  if (nothingLeft) return <Alert tone="info">Everything on this order is invoiced or returned.</Alert>;
  return (
    <form className="space-y-6" onSubmit={(e) => e.preventDefault()}>
      {error && <Alert tone="danger">{error}</Alert>}
      <Card className="overflow-x-auto">
        <table className="w-full min-w-[640px] text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th className="px-4 py-2.5 text-left font-medium">Product</th>
              <th className="px-3 py-2.5 text-right font-medium">Ordered</th>
              <th className="px-3 py-2.5 text-right font-medium">Invoiced</th>
              <th className="px-3 py-2.5 text-right font-medium">Returned</th>
              <th className="px-3 py-2.5 text-right font-medium">Price</th>
              <th className="px-4 py-2.5 text-left font-medium">Invoice now</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {lines.map((l, i) => (
              <tr key={l.id}>
                <td className="px-4 py-2.5">
                  {l.name}
                  <span className="block font-mono text-xs text-slate-500">{l.sku}</span>
                </td>
                <td className="px-3 py-2.5 text-right tabular-nums">{formatQuantity(l.quantity, l.unit)}</td>
                <td className="px-3 py-2.5 text-right tabular-nums text-slate-600">{formatQuantity(l.invoicedQty, l.unit)}</td>
                <td className="px-3 py-2.5 text-right tabular-nums text-slate-600">{formatQuantity(l.returnedQty, l.unit)}</td>
                <td className="px-3 py-2.5 text-right tabular-nums">{l.freeGoods ? "Free goods" : formatINR(l.unitPrice)}</td>
                <td className="px-4 py-2.5">
                  {left(l) > 0 ? (
                    <>
                      <Input aria-label={`Quantity to invoice, ${l.name}`} {...quantityInputProps(l.unit)} className="w-28 text-right" value={qty[i]} invalid={!!fieldErrors[`line.${i}`]} onChange={(e) => setQty((all) => all.map((x, j) => (j === i ? e.target.value : x)))} />
                      <span className="ml-2 text-xs text-slate-500">of {fmt(left(l))}</span>
                      {fieldErrors[`line.${i}`] && <p className="mt-1 text-xs text-red-600">{fieldErrors[`line.${i}`]![0]}</p>}
                    </>
                  ) : (
                    <span className="text-xs text-slate-500">Nothing left</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Card>
      <Card>
        <CardBody className="flex flex-wrap items-end justify-between gap-4">
          <Field id="issueDate" label="Invoice date" error={fieldErrors.issueDate?.[0]}>
            <DateInput value={issueDate} max={today} onChange={(e) => setIssueDate(e.target.value)} className="w-44" />
          </Field>
          <div className="flex flex-col items-end gap-1">
            <IssueWithPreview
              label="Issue invoice…"
              disabled={chosen.length === 0}
              check={() => {
                const errs = unitErrors();
                setFieldErrors(errs);
                setError(null);
                return Object.keys(errs).length === 0;
              }}
              preview={() => previewOrderInvoiceAction(orderId, body)}
              issue={() => invoiceOrderAction(orderId, body)}
              onIssued={(id) => router.push(`/invoices/${id}`)}
              onFailed={showFailure}
            />
            <span className="text-xs text-slate-500">You see the invoice once more before it is issued.</span>
          </div>
        </CardBody>
      </Card>
      <section aria-label="Invoice preview" aria-live="polite">
        {chosen.length === 0 ? (
          <p className="text-sm text-slate-500">Enter a quantity to invoice to see the invoice.</p>
        ) : preview.error ? (
          <Alert tone="warning">{preview.error}</Alert>
        ) : preview.doc ? (
          <InvoiceDocument invoice={preview.doc} basePath="/invoices" preview />
        ) : (
          <p className="text-sm text-slate-500">Working out the invoice…</p>
        )}
      </section>
    </form>
  );
}
