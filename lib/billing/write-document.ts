import "server-only";
// The shared tail of every issue function (invoice, invoice from an order, credit note, debit note),
// run inside the caller's transaction after it has locked the connection: write the document and its lines (each with its unit
// cost at issue, for margin), add it to the sales rollups and to the open receivables, decide the
// e-invoice status, enqueue the mail, IRP and PDF jobs in the same transaction (they exist exactly when
// the document does), write the audit row, and — last — take the next number of the series
// (gapless: a rollback gives it back; the counter is locked only from that statement to the commit).
// Callers must issue no statement after it.
import { recordAudit } from "@/lib/audit/record-audit";
import type { BuiltDocument, BuiltLine, FrozenParties } from "@/lib/billing/build-document";
import { moveOpenReceivables, receivableOf } from "@/lib/billing/open-receivables";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import type { BillingSettings, Prisma } from "@/lib/generated/prisma/client";
import type { InvoiceType } from "@/lib/generated/prisma/enums";
import { assignNumberLast, billingNumberWidth, provisionalNumber } from "@/lib/inventory/assign-number-last";
import { financialYearLabel } from "@/lib/inventory/numbering";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { dayToDbDate, istDay } from "@/lib/pricing/dates";
import { recordSalesRollups } from "@/lib/reporting/sales/record-sales-rollups";

const DAY_MS = 24 * 60 * 60 * 1000;
/** GST came into force on 1 July 2017: no GST document is dated before it. */
const GST_START = "2017-07-01";

export type WriteDocumentArgs = {
  companyId: string;
  connectionId: string;
  retailerId: string;
  type: InvoiceType;
  settings: BillingSettings;
  issueDate: Date;
  /** Days after the issue date the document falls due (0 for credit notes). */
  dueInDays: number;
  supplierStateCode: string;
  placeOfSupply: string;
  supplyType: string;
  parties: FrozenParties;
  built: BuiltDocument;
  orderId?: string | null;
  originalInvoiceId?: string | null;
  noteReason?: string | null;
  buyerReference?: string | null;
  notes?: string | null;
  /**
   * The caller's own writes for the document (allocations, order lines, the order's timeline), run
   * before the number is taken so that the counter's lock is not held through them. The document
   * carries a provisional number until then; an order timeline entry returned here may name it and
   * gets the real number with the document.
   */
  beforeNumber?: (doc: { id: string; provisionalNumber: string }) => Promise<{ orderEventId?: string } | void>;
};

export async function writeDocument(ctx: Ctx, tx: Prisma.TransactionClient, a: WriteDocumentArgs): Promise<{ id: string; number: string }> {
  const series = a.type === "INVOICE" ? a.settings.invoiceSeries : a.type === "CREDIT_NOTE" ? a.settings.creditNoteSeries : a.settings.debitNoteSeries;
  const width = billingNumberWidth(series);
  const provisional = provisionalNumber();
  const buyerGstin = a.parties.buyer.gstin;
  // E-invoicing covers B2B documents: a registered buyer (or an SEZ unit, which always has a GSTIN).
  const eInvoice = a.settings.eInvoiceEnabled && buyerGstin !== null;
  const costs = await unitCosts(tx, a.companyId, a.built.lines);
  const doc = await tx.invoice.create({
    data: {
      companyId: a.companyId,
      type: a.type,
      // The real number is taken by the last statement (assignNumberLast), so the series' counter is
      // locked only from there to the commit.
      number: provisional,
      series,
      financialYear: financialYearLabel(a.issueDate),
      issueDate: a.issueDate,
      dueDate: new Date(a.issueDate.getTime() + a.dueInDays * DAY_MS),
      connectionId: a.connectionId,
      retailerId: a.retailerId,
      orderId: a.orderId ?? null,
      originalInvoiceId: a.originalInvoiceId ?? null,
      noteReason: a.noteReason ?? null,
      supplyType: a.supplyType,
      taxType: a.built.taxType,
      supplierStateCode: a.supplierStateCode,
      placeOfSupply: a.placeOfSupply,
      sellerGstin: a.parties.seller.gstin,
      seller: a.parties.seller,
      buyerGstin,
      buyerName: a.parties.buyer.legalName,
      buyer: a.parties.buyer,
      shipTo: a.parties.shipTo ?? undefined,
      buyerReference: a.buyerReference ?? null,
      notes: a.notes ?? null,
      taxableTotal: a.built.totals.taxable,
      discountTotal: a.built.totals.discount,
      cgstTotal: a.built.totals.cgst,
      sgstTotal: a.built.totals.sgst,
      igstTotal: a.built.totals.igst,
      cessTotal: a.built.totals.cess,
      roundOff: a.built.totals.roundOff,
      grandTotal: a.built.totals.grandTotal,
      eInvoiceStatus: eInvoice ? "PENDING" : "NOT_REQUIRED",
      issuedById: ctx.actor.userId,
      lines: { create: a.built.lines.map(({ rateSource: _source, ...l }, i) => ({ ...l, companyId: a.companyId, unitCost: costs[i] })) },
    },
    select: { id: true, number: true, companyId: true, connectionId: true, type: true, status: true, issueDate: true, dueDate: true, grandTotal: true, settledAmount: true },
  });
  await recordSalesRollups(tx, { companyId: a.companyId, invoiceId: doc.id, sign: 1 });
  await moveOpenReceivables(tx, null, receivableOf(doc));
  if (a.settings.emailOnIssue && a.parties.buyer.email) await enqueueJob(tx, "invoice-email", { invoiceId: doc.id });
  if (eInvoice) await enqueueJob(tx, "einvoice-generate", { invoiceId: doc.id });
  await enqueueJob(tx, "invoice-pdf", { invoiceId: doc.id, companyId: a.companyId });
  await recordAudit(ctx, tx, {
    action: `${a.type.toLowerCase()}.issue`,
    entityType: "Invoice",
    entityId: doc.id,
    companyId: a.companyId,
    retailerId: a.retailerId,
    after: {
      number: null,
      type: a.type,
      issueDate: istDayOf(a.issueDate),
      orderId: a.orderId ?? null,
      originalInvoiceId: a.originalInvoiceId ?? null,
      noteReason: a.noteReason ?? null,
      taxType: a.built.taxType,
      grandTotal: a.built.totals.grandTotal.toFixed(2),
      lines: a.built.lines.map((l) => ({ hsnCode: l.hsnCode, quantity: l.quantity.toFixed(3), taxableValue: l.taxableValue.toFixed(2), gstRate: l.gstRate.toFixed(2), rateSource: l.rateSource })),
    },
  });
  const patch = (await a.beforeNumber?.({ id: doc.id, provisionalNumber: provisional })) ?? {};
  const number = await assignNumberLast(tx, { table: "Invoice", id: doc.id, companyId: a.companyId, series, width, date: a.issueDate, auditAction: `${a.type.toLowerCase()}.issue`, provisional, orderEventId: patch.orderEventId });
  return { id: doc.id, number };
}

/**
 * The document date: the day given (YYYY-MM-DD) or today in India. Never in the future (a dated-ahead
 * invoice would take a number out of order) and never before GST began.
 */
export function documentDate(ctx: Ctx, day: string | undefined, field = "issueDate"): Date {
  const today = istDay(ctx.now());
  const d = day ?? today;
  const date = dayToDbDate(d);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== d) throw new AppError("validation", "Issue date is not a calendar day", { fieldErrors: { [field]: ["Not a calendar day"] } });
  if (d > today) throw new AppError("validation", "The issue date cannot be in the future", { fieldErrors: { [field]: ["Cannot be in the future"] } });
  if (d < GST_START) throw new AppError("validation", "The issue date is before GST began (1 July 2017)", { fieldErrors: { [field]: ["Before 1 July 2017"] } });
  return date;
}

/** More than 30 days back: allowed, but the forms warn (a late invoice may be refused by the IRP). */
export function isBackdated(issueDay: string, now: Date): boolean {
  return dayToDbDate(istDay(now)).getTime() - dayToDbDate(issueDay).getTime() > 30 * DAY_MS;
}

/**
 * What each line's goods cost when sold: a note's line takes the cost of the invoice line it corrects
 * (a return reverses the cost that was booked), a product line the product's cost now, other lines none.
 */
async function unitCosts(tx: Prisma.TransactionClient, companyId: string, lines: BuiltLine[]): Promise<(Prisma.Decimal | null)[]> {
  const originalIds = [...new Set(lines.flatMap((l) => (l.originalLineId ? [l.originalLineId] : [])))];
  const productIds = [...new Set(lines.flatMap((l) => (!l.originalLineId && l.productId ? [l.productId] : [])))];
  const originals = originalIds.length ? await tx.invoiceLine.findMany({ where: { companyId, id: { in: originalIds } }, select: { id: true, unitCost: true } }) : [];
  const products = productIds.length ? await tx.product.findMany({ where: { companyId, id: { in: productIds } }, select: { id: true, costPrice: true } }) : [];
  const byLine = new Map(originals.map((o) => [o.id, o.unitCost]));
  const byProduct = new Map(products.map((p) => [p.id, p.costPrice]));
  return lines.map((l) => (l.originalLineId ? (byLine.get(l.originalLineId) ?? null) : l.productId ? (byProduct.get(l.productId) ?? null) : null));
}

function istDayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}
