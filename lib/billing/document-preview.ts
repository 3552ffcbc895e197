import "server-only";
// What a document will look like before it is issued: the same seller, buyer, place of supply, lines,
// tax and totals that issuing writes (the caller prices the lines with the same functions its issue
// function uses and passes the built document here), the series and the number it would take now.
// Nothing is written. The previews of a direct invoice, an order's invoice and a credit or debit note
// (preview-invoice.ts, preview-order-invoice.ts, preview-note.ts) all end here.
import type { BuiltDocument, FrozenParties } from "@/lib/billing/build-document";
import { lineFigures, placeOfSupplyOf, totalsFigures, type InvoiceLineView, type InvoiceView } from "@/lib/billing/invoice-views";
import { taxSplitByRate, type TaxSplitRow } from "@/lib/billing/tax-split";
import { isBackdated } from "@/lib/billing/write-document";
import type { PrismaClient, Tx } from "@/lib/db/client";
import type { BillingSettings } from "@/lib/generated/prisma/client";
import type { InvoiceType } from "@/lib/generated/prisma/enums";
import { peekBillingNumber } from "@/lib/inventory/numbering";
import { amountInWords } from "@/lib/tax/amount-in-words";

const DAY_MS = 24 * 60 * 60 * 1000;

export type DocumentPreviewLine = Omit<InvoiceLineView, "id" | "productId" | "orderLineId" | "originalLineId" | "creditedQuantity" | "creditedValue"> & {
  /** Where the GST rate came from: the dated rate schedule, the company's own rate, the product, or the invoice line a note corrects. */
  rateSource: "schedule" | "company" | "product" | "original";
};

export type DocumentPreview = Pick<InvoiceView, "type" | "issueDate" | "dueDate" | "order" | "original" | "noteReason" | "seller" | "buyer" | "shipTo" | "placeOfSupply" | "taxType" | "supplyType" | "buyerReference" | "notes" | "totals" | "amountInWords"> & {
  /** The series the document is numbered in (Settings → GST), e.g. "INV". */
  series: string;
  /** The number it takes if nothing else of the series is issued first, e.g. "INV/26-27/000124". */
  number: string;
  lines: DocumentPreviewLine[];
  /** CGST/SGST or IGST per GST rate. */
  taxSplit: TaxSplitRow[];
  /** The date is more than 30 days back (allowed, worth a second look). */
  backdated: boolean;
};

export type PreviewArgs = {
  companyId: string;
  type: InvoiceType;
  settings: BillingSettings;
  issueDate: Date;
  dueInDays: number;
  placeOfSupply: string;
  supplyType: string;
  parties: FrozenParties;
  built: BuiltDocument;
  order?: { id: string; number: string } | null;
  original?: { id: string; number: string; issueDate: Date } | null;
  noteReason?: string | null;
  buyerReference?: string | null;
  notes?: string | null;
  now: Date;
};

export async function toDocumentPreview(db: PrismaClient | Tx, a: PreviewArgs): Promise<DocumentPreview> {
  const series = a.type === "INVOICE" ? a.settings.invoiceSeries : a.type === "CREDIT_NOTE" ? a.settings.creditNoteSeries : a.settings.debitNoteSeries;
  const number = await peekBillingNumber(db, { companyId: a.companyId, series, table: "Invoice", date: a.issueDate });
  const t = a.built.totals;
  const lines: DocumentPreviewLine[] = a.built.lines.map((l) => ({
    position: l.position,
    ...lineFigures(l),
    rateSource: l.rateSource,
  }));
  const issueDay = a.issueDate.toISOString().slice(0, 10);
  return {
    type: a.type,
    series,
    number,
    issueDate: issueDay,
    dueDate: new Date(a.issueDate.getTime() + a.dueInDays * DAY_MS).toISOString().slice(0, 10),
    order: a.order ?? null,
    original: a.original ? { id: a.original.id, number: a.original.number, issueDate: a.original.issueDate.toISOString().slice(0, 10) } : null,
    noteReason: a.noteReason ?? null,
    seller: a.parties.seller,
    buyer: a.parties.buyer,
    shipTo: a.parties.shipTo,
    placeOfSupply: placeOfSupplyOf(a.placeOfSupply),
    taxType: a.built.taxType,
    supplyType: a.supplyType,
    buyerReference: a.buyerReference ?? null,
    notes: a.notes ?? null,
    lines,
    taxSplit: taxSplitByRate(lines),
    totals: totalsFigures(t),
    amountInWords: amountInWords(t.grandTotal),
    backdated: isBackdated(issueDay, a.now),
  };
}
