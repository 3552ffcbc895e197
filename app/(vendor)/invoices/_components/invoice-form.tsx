"use client";
// Direct invoice form: retailer, date, place of supply, lines (a catalog product at the retailer's
// price unless overridden, or a free-text line with its own HSN, unit and rate) and live totals
// computed on the server by the same code that issues (previewInvoiceAction → build-document).
// A line given free under a scheme is marked free goods (no price, no tax), never priced at 0.
// Issuing goes through the confirm step: the whole invoice as it will read, then the final click.
import { DateInput } from "@/components/ui/date-input";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { IssueWithPreview } from "@/components/billing/issue-with-preview";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { InvoicePreview } from "@/lib/billing/preview-invoice";
import { quantityInputProps, quantityUnitError } from "@/lib/catalog/units";
import { formatINR } from "@/lib/format";
import { activeGstStates } from "@/lib/integrations/gst/states";
import { issueInvoiceAction, previewInvoiceAction } from "../actions";

type ProductOption = { id: string; label: string; unit: string; hsnCode: string; gstRate: string };
type Line = { kind: "product" | "text"; productId: string; description: string; hsnCode: string; unit: string; gstRate: string; quantity: string; unitPrice: string; discount: string; freeGoods: boolean };
const blank = (): Line => ({ kind: "product", productId: "", description: "", hsnCode: "", unit: "NOS", gstRate: "18", quantity: "1", unitPrice: "", discount: "", freeGoods: false });

export function InvoiceForm({ retailers, products, today }: { retailers: { value: string; label: string }[]; products: ProductOption[]; today: string }) {
  const router = useRouter();
  const [connectionId, setConnectionId] = useState("");
  const [issueDate, setIssueDate] = useState(today);
  const [placeOfSupply, setPlaceOfSupply] = useState("");
  const [buyerReference, setBuyerReference] = useState("");
  const [notes, setNotes] = useState("");
  const [lines, setLines] = useState<Line[]>([blank()]);
  const [preview, setPreview] = useState<{ data?: InvoicePreview; error?: string }>({});
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});

  const body = {
    connectionId,
    issueDate,
    placeOfSupply: placeOfSupply || undefined,
    buyerReference: buyerReference || undefined,
    notes: notes || undefined,
    lines: lines.map((l) =>
      l.freeGoods
        ? l.kind === "product"
          ? { productId: l.productId, quantity: l.quantity, freeGoods: true }
          : { description: l.description, hsnCode: l.hsnCode, unit: l.unit, gstRate: l.gstRate, quantity: l.quantity, unitPrice: "0", freeGoods: true }
        : l.kind === "product"
          ? { productId: l.productId, quantity: l.quantity, ...(l.unitPrice ? { unitPrice: l.unitPrice } : {}), ...(l.discount ? { discount: l.discount } : {}) }
          : { description: l.description, hsnCode: l.hsnCode, unit: l.unit, gstRate: l.gstRate, quantity: l.quantity, unitPrice: l.unitPrice, ...(l.discount ? { discount: l.discount } : {}) },
    ),
  };
  const key = JSON.stringify(body);

  // Live totals: the server prices and taxes the lines as issuing would, a moment after typing stops.
  useEffect(() => {
    if (!connectionId || lines.some((l) => (l.kind === "product" ? !l.productId : !l.description || (!l.unitPrice && !l.freeGoods)))) return;
    const t = setTimeout(async () => {
      const res = await previewInvoiceAction(JSON.parse(key));
      setPreview(res.ok ? { data: res.data } : { error: res.error });
    }, 400);
    return () => clearTimeout(t);
  }, [key, connectionId, lines]);

  const set = (i: number, patch: Partial<Line>) => setLines((all) => all.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  // The unit a line's quantity is counted in: the product's, or the free-text line's own code.
  const unitOf = (l: Line) => (l.kind === "product" ? products.find((p) => p.id === l.productId)?.unit : l.unit);
  const err = (name: string) => fieldErrors[name]?.[0];
  const failed = (res: { error: string; fieldErrors?: Record<string, string[]> }) => {
    setError(res.error);
    setFieldErrors(res.fieldErrors ?? {});
  };
  const t = preview.data?.totals;

  return (
    <form className="grid gap-6 lg:grid-cols-[1fr_20rem]" onSubmit={(e) => e.preventDefault()}>
      <div className="space-y-6">
        {error && <Alert tone="danger">{error}</Alert>}
        <Card>
          <CardBody className="grid gap-4 sm:grid-cols-2">
            <Field id="connectionId" label="Retailer" error={err("connectionId")} required>
              <Select value={connectionId} onChange={(e) => setConnectionId(e.target.value)} placeholder="Choose a retailer" options={retailers} />
            </Field>
            <Field id="issueDate" label="Invoice date" error={err("issueDate")} hint={preview.data?.backdated ? "More than 30 days back: check the date" : "Today unless the supply was earlier"}>
              <DateInput value={issueDate} max={today} onChange={(e) => setIssueDate(e.target.value)} />
            </Field>
            <Field id="placeOfSupply" label="Place of supply" error={err("placeOfSupply")} hint="Leave as is for the retailer's usual place of supply">
              <Select value={placeOfSupply} onChange={(e) => setPlaceOfSupply(e.target.value)} placeholder="Retailer's default" options={activeGstStates.map((s) => ({ value: s.code, label: `${s.code} · ${s.name}` }))} />
            </Field>
            <Field id="buyerReference" label="Buyer's reference" error={err("buyerReference")} hint="Their PO number, if any">
              <Input value={buyerReference} maxLength={60} onChange={(e) => setBuyerReference(e.target.value)} />
            </Field>
          </CardBody>
        </Card>

        <Card>
          <CardHeader title="Lines" description="Catalog products are priced from the retailer's price list on the invoice date unless you enter a price. The GST rate is the one in force on that date." />
          {err("lines") && <p className="px-5 pt-3 text-sm text-red-600">{err("lines")}</p>}
          <ul className="divide-y divide-slate-100">
            {lines.map((l, i) => (
              <li key={i} className="grid gap-3 px-5 py-4 sm:grid-cols-6">
                <Field id={`lines.${i}.kind`} label={`Line ${i + 1}`} className="sm:col-span-6">
                  <Select value={l.kind} onChange={(e) => set(i, { kind: e.target.value as Line["kind"] })} options={[{ value: "product", label: "Catalog product" }, { value: "text", label: "Free-text line (service, other goods)" }]} className="sm:w-72" />
                </Field>
                {l.kind === "product" ? (
                  <Field id={`lines.${i}.productId`} label="Product" error={err(`lines.${i}.productId`) ?? err(`lines.${i}`)} className="sm:col-span-3">
                    <Select value={l.productId} onChange={(e) => set(i, { productId: e.target.value })} placeholder="Choose a product" options={products.map((p) => ({ value: p.id, label: p.label }))} />
                  </Field>
                ) : (
                  <>
                    <Field id={`lines.${i}.description`} label="Description" error={err(`lines.${i}.description`) ?? err(`lines.${i}`)} className="sm:col-span-3">
                      <Input value={l.description} onChange={(e) => set(i, { description: e.target.value })} />
                    </Field>
                    <Field id={`lines.${i}.hsnCode`} label="HSN/SAC" error={err(`lines.${i}.hsnCode`)}>
                      <Input value={l.hsnCode} inputMode="numeric" onChange={(e) => set(i, { hsnCode: e.target.value })} />
                    </Field>
                    <Field id={`lines.${i}.unit`} label="Unit" error={err(`lines.${i}.unit`)}>
                      <Input value={l.unit} onChange={(e) => set(i, { unit: e.target.value.toUpperCase() })} />
                    </Field>
                    <Field id={`lines.${i}.gstRate`} label="GST %" error={err(`lines.${i}.gstRate`)}>
                      <Input value={l.gstRate} inputMode="decimal" onChange={(e) => set(i, { gstRate: e.target.value })} />
                    </Field>
                  </>
                )}
                <Field id={`lines.${i}.quantity`} label="Quantity" error={err(`lines.${i}.quantity`) ?? quantityUnitError(l.quantity, unitOf(l)) ?? undefined}>
                  <Input value={l.quantity} {...quantityInputProps(unitOf(l))} className="text-right" onChange={(e) => set(i, { quantity: e.target.value })} />
                </Field>
                <Field id={`lines.${i}.unitPrice`} label="Unit price (₹)" error={err(`lines.${i}.unitPrice`)} hint={l.freeGoods ? "Free goods: no price" : l.kind === "product" ? "Blank: price list" : undefined}>
                  <Input value={l.freeGoods ? "" : l.unitPrice} disabled={l.freeGoods} inputMode="decimal" className="text-right" onChange={(e) => set(i, { unitPrice: e.target.value })} />
                </Field>
                <Field id={`lines.${i}.discount`} label="Discount (₹)" error={err(`lines.${i}.discount`)}>
                  <Input value={l.freeGoods ? "" : l.discount} disabled={l.freeGoods} inputMode="decimal" className="text-right" onChange={(e) => set(i, { discount: e.target.value })} />
                </Field>
                <label className="flex items-center gap-2 text-sm text-slate-700 sm:col-span-6">
                  <input type="checkbox" className="size-4 rounded border-slate-300 accent-brand-600" checked={l.freeGoods} onChange={(e) => set(i, { freeGoods: e.target.checked })} />
                  Free goods (a scheme&apos;s free quantity: no price, no GST on this line)
                </label>
                {lines.length > 1 && (
                  <div className="flex items-end sm:col-span-6">
                    <Button type="button" variant="ghost" size="sm" onClick={() => setLines((all) => all.filter((_, j) => j !== i))}>
                      Remove line {i + 1}
                    </Button>
                  </div>
                )}
              </li>
            ))}
          </ul>
          <div className="border-t border-slate-100 px-5 py-3">
            <Button type="button" variant="secondary" size="sm" onClick={() => setLines((all) => [...all, blank()])}>
              Add line
            </Button>
          </div>
        </Card>
        <Card>
          <CardBody>
            <Field id="notes" label="Notes" hint="Printed on the invoice" error={err("notes")}>
              <Textarea rows={3} value={notes} maxLength={1000} onChange={(e) => setNotes(e.target.value)} />
            </Field>
          </CardBody>
        </Card>
      </div>

      <aside className="lg:sticky lg:top-4 lg:self-start">
        <Card>
          <CardHeader title="Totals" description={preview.data ? (preview.data.taxType === "intra" ? "Intra-state: CGST + SGST" : "Inter-state: IGST") : "Choose a retailer and fill the lines"} />
          <CardBody>
            {preview.error && <p className="mb-3 text-sm text-red-600">{preview.error}</p>}
            <dl className="grid grid-cols-2 gap-y-1.5 text-sm">
              <dt className="text-slate-600">Taxable value</dt>
              <dd className="text-right tabular-nums">{t ? formatINR(t.taxable) : "—"}</dd>
              {(!preview.data || preview.data.taxType === "intra") && (
                <>
                  <dt className="text-slate-600">CGST</dt>
                  <dd className="text-right tabular-nums">{t ? formatINR(t.cgst) : "—"}</dd>
                  <dt className="text-slate-600">SGST</dt>
                  <dd className="text-right tabular-nums">{t ? formatINR(t.sgst) : "—"}</dd>
                </>
              )}
              {preview.data?.taxType === "inter" && (
                <>
                  <dt className="text-slate-600">IGST</dt>
                  <dd className="text-right tabular-nums">{formatINR(t!.igst)}</dd>
                </>
              )}
              {t && Number(t.cess) > 0 && (
                <>
                  <dt className="text-slate-600">Cess</dt>
                  <dd className="text-right tabular-nums">{formatINR(t.cess)}</dd>
                </>
              )}
              <dt className="text-slate-500">Round-off</dt>
              <dd className="text-right text-slate-500 tabular-nums">{t ? formatINR(t.roundOff) : "—"}</dd>
              <dt className="border-t border-slate-200 pt-2 font-semibold">Total</dt>
              <dd className="border-t border-slate-200 pt-2 text-right text-base font-semibold tabular-nums">{t ? formatINR(t.grandTotal) : "—"}</dd>
            </dl>
            <div className="mt-4 grid">
              <IssueWithPreview
                label="Issue invoice…"
                disabled={!connectionId}
                check={() => {
                  setError(null);
                  setFieldErrors({});
                  return true;
                }}
                preview={async () => {
                  const res = await previewInvoiceAction(body);
                  return res.ok ? { ok: true as const, data: res.data.document } : res;
                }}
                issue={() => issueInvoiceAction(body)}
                onIssued={(id) => router.push(`/invoices/${id}`)}
                onFailed={failed}
              />
            </div>
            <p className="mt-2 text-xs text-slate-500">You see the whole invoice before it is issued. Issued invoices cannot be edited; correct them with a credit or debit note.</p>
          </CardBody>
        </Card>
      </aside>
    </form>
  );
}
