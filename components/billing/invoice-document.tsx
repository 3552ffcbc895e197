// A GST invoice, credit note or debit note laid out like the document: seller and buyer blocks,
// place of supply, lines with HSN, rate and CGST/SGST or IGST, totals with round-off, the amount in
// words. Shared by the vendor page and the portal page (read-only there), and by the preview shown
// before a document is issued (`preview`: the number is the series' next one, nothing is paid yet).
import { IntentLink as Link } from "@/components/ui/intent-link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import type { InvoiceLineView, InvoiceView, PaymentStatus } from "@/lib/billing/invoice-views";
import { taxSplitByRate } from "@/lib/billing/tax-split";
import type { BuyerSnapshot, PartyAddress, SellerSnapshot } from "@/lib/billing/parties";
import { formatDate, formatINR, formatQuantity } from "@/lib/format";
import { stateName } from "@/lib/integrations/gst/states";

export const documentTitles: Record<InvoiceView["type"], string> = { INVOICE: "Tax invoice", CREDIT_NOTE: "Credit note", DEBIT_NOTE: "Debit note" };
export const noteReasonLabels: Record<string, string> = { RETURN: "Goods returned", RATE_DIFFERENCE: "Rate difference", DISCOUNT: "Discount", DEFICIENCY: "Deficiency in supply", OTHER: "Other" };

const paymentTones: Record<PaymentStatus, { tone: BadgeTone; label: string }> = {
  unpaid: { tone: "warning", label: "Unpaid" },
  partly_paid: { tone: "info", label: "Partly paid" },
  paid: { tone: "success", label: "Paid" },
  unapplied: { tone: "warning", label: "Unapplied" },
  partly_applied: { tone: "info", label: "Partly applied" },
  applied: { tone: "success", label: "Applied" },
};

export function PaymentBadge({ status, overdueDays, cancelled }: { status: PaymentStatus; overdueDays?: number; cancelled?: boolean }) {
  if (cancelled) return <Badge tone="danger">Cancelled</Badge>;
  if (overdueDays && overdueDays > 0) return <Badge tone="danger" dot>{`Overdue ${overdueDays} d`}</Badge>;
  const t = paymentTones[status];
  return <Badge tone={t.tone} dot>{t.label}</Badge>;
}

const eInvoiceTones: Record<InvoiceView["eInvoice"]["status"], { tone: BadgeTone; label: string } | null> = {
  NOT_REQUIRED: null,
  PENDING: { tone: "info", label: "IRN pending" },
  GENERATED: { tone: "success", label: "IRN" },
  FAILED: { tone: "danger", label: "IRN failed" },
  CANCELLED: { tone: "neutral", label: "IRN cancelled" },
};

export function EInvoiceBadge({ status }: { status: InvoiceView["eInvoice"]["status"] }) {
  const t = eInvoiceTones[status];
  return t ? <Badge tone={t.tone}>{t.label}</Badge> : null;
}

/** What the layout needs: an issued document (InvoiceView) or one not issued yet (lib/billing/document-preview.ts). */
export type DocumentLayoutData = Pick<InvoiceView, "type" | "number" | "issueDate" | "dueDate" | "order" | "original" | "noteReason" | "buyerReference" | "seller" | "buyer" | "shipTo" | "placeOfSupply" | "taxType" | "supplyType" | "notes" | "totals" | "amountInWords"> & {
  lines: Pick<InvoiceLineView, "position" | "sku" | "description" | "hsnCode" | "unit" | "quantity" | "unitPrice" | "freeGoods" | "taxInclusive" | "discount" | "taxableValue" | "gstRate" | "cessRate" | "cgstAmount" | "sgstAmount" | "igstAmount" | "cessAmount" | "lineTotal">[];
  status?: InvoiceView["status"];
  settledAmount?: string;
  balanceDue?: string;
};

export function InvoiceDocument({ invoice: v, basePath, orderHref, preview }: { invoice: DocumentLayoutData; basePath: string; orderHref?: (id: string) => string; preview?: boolean }) {
  const intra = v.taxType === "intra";
  const isNote = v.type !== "INVOICE";
  const split = taxSplitByRate(v.lines);
  return (
    <Card className="overflow-hidden" aria-label={preview ? `Preview of ${documentTitles[v.type].toLowerCase()} ${v.number}` : undefined} role={preview ? "region" : undefined}>
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-200 bg-slate-50 px-5 py-4">
        <div>
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
            {documentTitles[v.type]}
            {preview && <span className="ml-2 rounded bg-warning-100 px-1.5 py-0.5 text-[11px] font-semibold tracking-normal text-warning-800 normal-case">Preview · not issued</span>}
          </p>
          <p className="mt-0.5 font-mono text-lg font-semibold text-slate-900">{v.number}</p>
          {preview && <p className="text-xs text-slate-500">Next number of the series; taken when issued</p>}
          {v.original && (
            <p className="mt-1 text-sm text-slate-600">
              Against invoice{" "}
              <Link className="font-mono text-brand-700 hover:underline" href={`${basePath}/${v.original.id}`}>
                {v.original.number}
              </Link>{" "}
              of {formatDate(v.original.issueDate)}
              {v.noteReason && <> · {noteReasonLabels[v.noteReason] ?? v.noteReason}</>}
            </p>
          )}
        </div>
        <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm">
          <dt className="text-slate-500">Date</dt>
          <dd className="text-right font-medium text-slate-900">{formatDate(v.issueDate)}</dd>
          {!isNote || v.type === "DEBIT_NOTE" ? (
            <>
              <dt className="text-slate-500">Due</dt>
              <dd className="text-right font-medium text-slate-900">{formatDate(v.dueDate)}</dd>
            </>
          ) : null}
          {v.order && (
            <>
              <dt className="text-slate-500">Order</dt>
              <dd className="text-right font-mono whitespace-nowrap">{orderHref ? <Link className="text-brand-700 hover:underline" href={orderHref(v.order.id)}>{v.order.number}</Link> : v.order.number}</dd>
            </>
          )}
          {v.buyerReference && (
            <>
              <dt className="text-slate-500">Buyer ref.</dt>
              <dd className="text-right">{v.buyerReference}</dd>
            </>
          )}
        </dl>
      </div>

      <div className="grid gap-6 px-5 py-4 sm:grid-cols-3">
        <Party title="Seller" party={v.seller} />
        <Party title="Buyer" party={v.buyer} extra={v.buyer.customerCode ? `Customer code ${v.buyer.customerCode}` : null} />
        <div className="space-y-3 text-sm">
          {v.shipTo ? <Party title="Ship to" party={{ legalName: v.shipTo.name, tradeName: null, gstin: null, ...v.shipTo }} /> : null}
          <div>
            <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Place of supply</p>
            <p className="mt-1 text-slate-900">
              {v.placeOfSupply.name} ({v.placeOfSupply.code})
            </p>
            <p className="text-slate-500">{intra ? "Intra-state: CGST + SGST" : "Inter-state: IGST"}{v.supplyType !== "regular" ? ` · ${v.supplyType.replace(/_/g, " ")}` : ""}</p>
          </div>
        </div>
      </div>

      <div className="overflow-x-auto border-t border-slate-200">
        <table className="w-full min-w-[760px] text-sm">
          <thead className="bg-slate-50 text-xs text-slate-500 uppercase">
            <tr>
              <th className="px-3 py-2 text-left font-medium">#</th>
              <th className="px-3 py-2 text-left font-medium">Description</th>
              <th className="px-3 py-2 text-left font-medium">HSN</th>
              <th className="px-3 py-2 text-right font-medium">Qty</th>
              <th className="px-3 py-2 text-right font-medium">Rate</th>
              <th className="px-3 py-2 text-right font-medium">Taxable</th>
              <th className="px-3 py-2 text-right font-medium">GST %</th>
              {intra ? (
                <>
                  <th className="px-3 py-2 text-right font-medium">CGST</th>
                  <th className="px-3 py-2 text-right font-medium">SGST</th>
                </>
              ) : (
                <th className="px-3 py-2 text-right font-medium">IGST</th>
              )}
              <th className="px-3 py-2 text-right font-medium">Total</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {v.lines.map((l) => (
              <tr key={l.position}>
                <td className="px-3 py-2 text-slate-500 tabular-nums">{l.position}</td>
                <td className="px-3 py-2">
                  <span className="text-slate-900">{l.description}</span>
                  {l.freeGoods && <span className="block text-xs font-medium text-success-700">Free goods (scheme): no charge, no taxable value</span>}
                  {l.sku && <span className="block font-mono text-xs text-slate-500">{l.sku}</span>}
                  {Number(l.discount) > 0 && <span className="block text-xs text-slate-500">Discount {formatINR(l.discount)}</span>}
                </td>
                <td className="px-3 py-2 font-mono text-xs">{l.hsnCode}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{Number(l.quantity) === 0 ? <span className="text-slate-500">value</span> : formatQuantity(l.quantity, l.unit)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{l.freeGoods ? "Free" : formatINR(l.unitPrice)}{!l.freeGoods && l.taxInclusive && <span className="block text-xs text-slate-500">incl. GST</span>}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatINR(l.taxableValue)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{Number(l.gstRate)}%{Number(l.cessRate) > 0 && <span className="block text-xs text-slate-500">+ cess {Number(l.cessRate)}%</span>}</td>
                {intra ? (
                  <>
                    <td className="px-3 py-2 text-right tabular-nums">{formatINR(l.cgstAmount)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{formatINR(l.sgstAmount)}</td>
                  </>
                ) : (
                  <td className="px-3 py-2 text-right tabular-nums">{formatINR(l.igstAmount)}</td>
                )}
                <td className="px-3 py-2 text-right font-medium tabular-nums">{formatINR(l.lineTotal)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {split.length > 0 && (
        <div className="overflow-x-auto border-t border-slate-200">
          <table className="w-full min-w-[480px] text-sm" aria-label="Tax by GST rate">
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th className="px-5 py-2 text-left font-medium">GST rate</th>
                <th className="px-3 py-2 text-right font-medium">Taxable</th>
                {intra ? (
                  <>
                    <th className="px-3 py-2 text-right font-medium">CGST</th>
                    <th className="px-3 py-2 text-right font-medium">SGST</th>
                  </>
                ) : (
                  <th className="px-3 py-2 text-right font-medium">IGST</th>
                )}
                {split.some((r) => Number(r.cess) > 0) && <th className="px-3 py-2 text-right font-medium">Cess</th>}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {split.map((r) => (
                <tr key={r.gstRate}>
                  <td className="px-5 py-1.5 tabular-nums">{intra ? `${Number(r.gstRate)}% (${Number(r.gstRate) / 2}% + ${Number(r.gstRate) / 2}%)` : `${Number(r.gstRate)}%`}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatINR(r.taxable)}</td>
                  {intra ? (
                    <>
                      <td className="px-3 py-1.5 text-right tabular-nums">{formatINR(r.cgst)}</td>
                      <td className="px-3 py-1.5 text-right tabular-nums">{formatINR(r.sgst)}</td>
                    </>
                  ) : (
                    <td className="px-3 py-1.5 text-right tabular-nums">{formatINR(r.igst)}</td>
                  )}
                  {split.some((x) => Number(x.cess) > 0) && <td className="px-3 py-1.5 text-right tabular-nums">{formatINR(r.cess)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <div className="grid gap-6 border-t border-slate-200 px-5 py-4 sm:grid-cols-2">
        <div className="space-y-2 text-sm">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Amount in words</p>
          <p className="text-slate-900">{v.amountInWords}</p>
          {v.notes && <p className="pt-2 whitespace-pre-line text-slate-600">{v.notes}</p>}
        </div>
        <dl className="grid grid-cols-2 gap-y-1 text-sm">
          <Row label="Taxable value" value={v.totals.taxable} />
          {Number(v.totals.discount) > 0 && <Row label="Discounts (included)" value={v.totals.discount} muted />}
          {intra ? (
            <>
              <Row label="CGST" value={v.totals.cgst} />
              <Row label="SGST" value={v.totals.sgst} />
            </>
          ) : (
            <Row label="IGST" value={v.totals.igst} />
          )}
          {Number(v.totals.cess) > 0 && <Row label="Cess" value={v.totals.cess} />}
          <Row label="Round-off" value={v.totals.roundOff} muted />
          <dt className="border-t border-slate-200 pt-2 font-semibold text-slate-900">Total</dt>
          <dd className="border-t border-slate-200 pt-2 text-right text-base font-semibold text-slate-900 tabular-nums">{formatINR(v.totals.grandTotal)}</dd>
          {v.status === "ISSUED" && v.settledAmount !== undefined && v.balanceDue !== undefined && (
            <>
              <Row label={v.type === "CREDIT_NOTE" ? "Applied" : "Paid / credited"} value={v.settledAmount} muted />
              <dt className="font-medium text-slate-900">{v.type === "CREDIT_NOTE" ? "Unapplied" : "Balance due"}</dt>
              <dd className="text-right font-medium text-slate-900 tabular-nums">{formatINR(v.balanceDue)}</dd>
            </>
          )}
        </dl>
      </div>
    </Card>
  );
}

function Row({ label, value, muted }: { label: string; value: string; muted?: boolean }) {
  return (
    <>
      <dt className={muted ? "text-slate-500" : "text-slate-700"}>{label}</dt>
      <dd className={`text-right tabular-nums ${muted ? "text-slate-500" : "text-slate-900"}`}>{formatINR(value)}</dd>
    </>
  );
}

function Party({ title, party, extra }: { title: string; party: Pick<SellerSnapshot | BuyerSnapshot, "legalName" | "tradeName" | "gstin"> & PartyAddress; extra?: string | null }) {
  return (
    <div className="text-sm">
      <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</p>
      <p className="mt-1 font-medium text-slate-900">{party.legalName}</p>
      {party.tradeName && party.tradeName !== party.legalName && <p className="text-slate-600">{party.tradeName}</p>}
      <p className="text-slate-600">
        {party.address1}
        {party.address2 ? `, ${party.address2}` : ""}
      </p>
      <p className="text-slate-600">
        {party.city} {party.pincode} · {stateName(party.stateCode) ?? party.stateCode}
      </p>
      <p className="mt-1 font-mono text-xs text-slate-700">GSTIN {party.gstin ?? "URP (unregistered)"}</p>
      {extra && <p className="text-xs text-slate-500">{extra}</p>}
    </div>
  );
}
