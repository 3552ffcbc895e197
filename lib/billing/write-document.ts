import "server-only";
// The shared tail of every issue function (invoice, invoice from an order, credit note, debit note),
// run inside the caller's transaction: enqueue the mail, IRP and PDF jobs (they exist exactly when the
// document does); then one statement that locks the retailer's connection row (the caller may hold it
// already) and writes the document, its lines (each with its unit cost at issue, for margin), what it
// holds open and its audit row; the caller's own writes (beforeNumber); the sales rollups; and — last —
// the next number of the series (gapless: a rollback gives it back). The rows everybody shares — the
// day's rollups and the series' counter — are locked by the last two statements only, so documents of
// other retailers do not queue behind each other's work.
// Callers must issue no statement after it.
import { toJson } from "@/lib/audit/record-audit";
import type { BuiltDocument, FrozenParties } from "@/lib/billing/build-document";
import { queueIssuedDocumentJobs } from "@/lib/billing/issued-document-jobs";
import { addToOpenReceivablesSql } from "@/lib/billing/open-receivables";
import type { Ctx } from "@/lib/ctx";
import { rowId } from "@/lib/db/row-id";
import type { SqlTx } from "@/lib/db/sql-tx";
import { AppError } from "@/lib/errors";
import type { BillingSettings } from "@/lib/generated/prisma/client";
import type { InvoiceType } from "@/lib/generated/prisma/enums";
import { assignNumberLast, billingNumberWidth, provisionalNumber } from "@/lib/inventory/assign-number-last";
import { financialYearLabel } from "@/lib/inventory/numbering";
import { enqueueJobOn } from "@/lib/jobs/enqueue";
import { dayToDbDate, istDay } from "@/lib/pricing/dates";
import { recordSalesRollups } from "@/lib/reporting/sales/record-sales-rollups";

const DAY_MS = 24 * 60 * 60 * 1000;
/** GST came into force on 1 July 2017: no GST document is dated before it. */
const GST_START = "2017-07-01";

/** The billing settings issuing reads: the series, e-invoicing and mail on issue. */
export type DocumentSettings = Pick<BillingSettings, "invoiceSeries" | "creditNoteSeries" | "debitNoteSeries" | "eInvoiceEnabled" | "emailOnIssue">;

export type WriteDocumentArgs = {
  companyId: string;
  connectionId: string;
  retailerId: string;
  type: InvoiceType;
  settings: DocumentSettings;
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

/** t: the issuing transaction (lib/db/sql-tx.ts: the app's pooled connection, or sqlTxOf a caller's Prisma transaction). */
export async function writeDocument(ctx: Ctx, t: SqlTx, a: WriteDocumentArgs): Promise<{ id: string; number: string }> {
  const series = a.type === "INVOICE" ? a.settings.invoiceSeries : a.type === "CREDIT_NOTE" ? a.settings.creditNoteSeries : a.settings.debitNoteSeries;
  const width = billingNumberWidth(series);
  const provisional = provisionalNumber();
  const buyerGstin = a.parties.buyer.gstin;
  // E-invoicing covers B2B documents: a registered buyer (or an SEZ unit, which always has a GSTIN).
  const eInvoice = a.settings.eInvoiceEnabled && buyerGstin !== null;
  const id = rowId();
  const totals = a.built.totals;
  const dueDate = new Date(a.issueDate.getTime() + a.dueInDays * DAY_MS);
  const doc = {
    id,
    companyId: a.companyId,
    type: a.type,
    // The real number is taken by the last statement (assignNumberLast), so the series' counter is
    // locked only from there to the commit.
    number: provisional,
    series,
    financialYear: financialYearLabel(a.issueDate),
    issueDate: istDayOf(a.issueDate),
    dueDate: istDayOf(dueDate),
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
    shipTo: a.parties.shipTo,
    buyerReference: a.buyerReference ?? null,
    notes: a.notes ?? null,
    taxableTotal: totals.taxable,
    discountTotal: totals.discount,
    cgstTotal: totals.cgst,
    sgstTotal: totals.sgst,
    igstTotal: totals.igst,
    cessTotal: totals.cess,
    roundOff: totals.roundOff,
    grandTotal: totals.grandTotal,
    eInvoiceStatus: eInvoice ? "PENDING" : "NOT_REQUIRED",
    issuedById: ctx.actor.userId,
  };
  const lines = a.built.lines.map(({ rateSource: _source, ...l }) => ({ id: rowId(), ...l }));
  const audit = {
    id: rowId(),
    retailerId: a.retailerId,
    actorUserId: ctx.actor.userId,
    actorKind: ctx.actor.kind,
    action: `${a.type.toLowerCase()}.issue`,
    after: toJson({
      number: null,
      type: a.type,
      issueDate: istDayOf(a.issueDate),
      orderId: a.orderId ?? null,
      originalInvoiceId: a.originalInvoiceId ?? null,
      noteReason: a.noteReason ?? null,
      taxType: a.built.taxType,
      grandTotal: totals.grandTotal.toFixed(2),
      lines: a.built.lines.map((l) => ({ hsnCode: l.hsnCode, quantity: l.quantity.toFixed(3), taxableValue: l.taxableValue.toFixed(2), gstRate: l.gstRate.toFixed(2), rateSource: l.rateSource })),
    }),
    requestId: ctx.requestId,
  };
  // The jobs first: they need only the document's id, and exist only if the transaction commits.
  // An e-invoiced document is drawn and mailed once its IRN and signed QR are on it (the e-invoice job
  // queues both): without them it is not a valid invoice, and a PDF drawn before would be drawn again.
  if (eInvoice) await enqueueJobOn(t.jobs, "einvoice-generate", { invoiceId: id });
  else await queueIssuedDocumentJobs(t.jobs, { invoiceId: id, companyId: a.companyId, mail: a.settings.emailOnIssue && Boolean(a.parties.buyer.email) });
  // The retailer's connection row is locked here (a caller may hold it already) and kept to the commit:
  // its ledger is written one document at a time (lib/billing/open-receivables.ts). The document, its
  // lines (each with its unit cost at issue, for margin), what it holds open and its audit row are the
  // same statement, written only while the connection is not back to pending.
  const [written] = await t.run.query(writeDocumentSql, [JSON.stringify(doc), JSON.stringify(lines), JSON.stringify(audit)]);
  if (!written) throw new AppError("conflict", "This retailer's connection is not approved yet", { fieldErrors: { connectionId: ["Not approved yet"] } });
  const patch = (await a.beforeNumber?.({ id, provisionalNumber: provisional })) ?? {};
  // The sales rollups' rows (per product and day, per retailer and day: shared by every document of
  // the day) are locked by the second-to-last statement, and the series' counter by the last.
  await recordSalesRollups(t.run, { companyId: a.companyId, invoiceId: id, sign: 1 });
  const number = await assignNumberLast(t.run, { table: "Invoice", id, companyId: a.companyId, series, width, date: a.issueDate, auditAction: audit.action, provisional, orderEventId: patch.orderEventId });
  return { id, number };
}

/**
 * With its connection row locked (and not pending): the document ($1), its lines ($2) and its audit row ($3), and what it holds open (lib/billing/
 * open-receivables.ts's receivableOf at issue: nothing settled yet, so its grand total, on its due
 * day — a credit note's on its issue day). A line's unit cost is the cost of the invoice line it
 * corrects (a return reverses the cost that was booked), else the product's cost now, else none.
 */
export const writeDocumentSql = `
WITH lk AS (
  SELECT c.status FROM "Connection" c, jsonb_to_record($1::jsonb) AS x(id text, "companyId" text, "connectionId" text)
  WHERE c.id = x."connectionId" AND c."companyId" = x."companyId"
  FOR UPDATE OF c
),
d AS (
  INSERT INTO "Invoice" (id, "companyId", type, number, series, "financialYear", "issueDate", "dueDate", "connectionId", "retailerId", "orderId",
                         "originalInvoiceId", "noteReason", "supplyType", "taxType", "supplierStateCode", "placeOfSupply", "sellerGstin", seller,
                         "buyerGstin", "buyerName", buyer, "shipTo", "buyerReference", notes, "taxableTotal", "discountTotal", "cgstTotal", "sgstTotal",
                         "igstTotal", "cessTotal", "roundOff", "grandTotal", "eInvoiceStatus", "issuedById", "updatedAt")
  SELECT x.id, x."companyId", x.type::"InvoiceType", x.number, x.series, x."financialYear", x."issueDate", x."dueDate", x."connectionId", x."retailerId", x."orderId",
         x."originalInvoiceId", x."noteReason", x."supplyType", x."taxType", x."supplierStateCode", x."placeOfSupply", x."sellerGstin", x.seller,
         x."buyerGstin", x."buyerName", x.buyer, CASE WHEN jsonb_typeof(x."shipTo") = 'object' THEN x."shipTo" END, x."buyerReference", x.notes,
         x."taxableTotal", x."discountTotal", x."cgstTotal", x."sgstTotal", x."igstTotal", x."cessTotal", x."roundOff", x."grandTotal",
         x."eInvoiceStatus"::"EInvoiceStatus", x."issuedById", now()
  FROM lk, jsonb_to_record($1::jsonb) AS x(id text, "companyId" text, type text, number text, series text, "financialYear" text, "issueDate" date, "dueDate" date,
       "connectionId" text, "retailerId" text, "orderId" text, "originalInvoiceId" text, "noteReason" text, "supplyType" text, "taxType" text,
       "supplierStateCode" text, "placeOfSupply" text, "sellerGstin" text, seller jsonb, "buyerGstin" text, "buyerName" text, buyer jsonb, "shipTo" jsonb,
       "buyerReference" text, notes text, "taxableTotal" numeric, "discountTotal" numeric, "cgstTotal" numeric, "sgstTotal" numeric, "igstTotal" numeric,
       "cessTotal" numeric, "roundOff" numeric, "grandTotal" numeric, "eInvoiceStatus" text, "issuedById" text)
  WHERE lk.status <> 'PENDING'
  RETURNING id, "companyId", "connectionId", "retailerId", type, "issueDate", "dueDate", "grandTotal"
),
l AS (
  INSERT INTO "InvoiceLine" (id, "invoiceId", "companyId", position, "productId", "orderLineId", "originalLineId", sku, description, "hsnCode", unit, quantity,
                             "unitPrice", "freeGoods", "taxInclusive", "grossValue", discount, "taxableValue", "gstRate", "cessRate", "cgstAmount", "sgstAmount",
                             "igstAmount", "cessAmount", "lineTotal", "unitCost")
  SELECT x.id, d.id, d."companyId", x.position, x."productId", x."orderLineId", x."originalLineId", x.sku, x.description, x."hsnCode", x.unit, x.quantity,
         x."unitPrice", x."freeGoods", x."taxInclusive", x."grossValue", x.discount, x."taxableValue", x."gstRate", x."cessRate", x."cgstAmount", x."sgstAmount",
         x."igstAmount", x."cessAmount", x."lineTotal",
         CASE WHEN x."originalLineId" IS NOT NULL THEN ol."unitCost" WHEN x."productId" IS NOT NULL THEN p."costPrice" END
  FROM d CROSS JOIN jsonb_to_recordset($2::jsonb) AS x(id text, position int, "productId" text, "orderLineId" text, "originalLineId" text, sku text,
       description text, "hsnCode" text, unit text, quantity numeric, "unitPrice" numeric, "freeGoods" boolean, "taxInclusive" boolean, "grossValue" numeric,
       discount numeric, "taxableValue" numeric, "gstRate" numeric, "cessRate" numeric, "cgstAmount" numeric, "sgstAmount" numeric, "igstAmount" numeric,
       "cessAmount" numeric, "lineTotal" numeric)
  LEFT JOIN "InvoiceLine" ol ON ol.id = x."originalLineId" AND ol."companyId" = d."companyId"
  LEFT JOIN "Product" p ON p.id = x."productId" AND p."companyId" = d."companyId"
  RETURNING 1
),
r AS (
  INSERT INTO "OpenReceivables" ("companyId", kind, day, "connectionId", amount, documents)
  SELECT d."companyId", CASE WHEN d.type = 'CREDIT_NOTE' THEN 'CREDIT' ELSE 'DUE' END::"ReceivableKind",
         CASE WHEN d.type = 'CREDIT_NOTE' THEN d."issueDate" ELSE d."dueDate" END, d."connectionId", d."grandTotal", 1
  FROM d WHERE d."grandTotal" > 0
  ${addToOpenReceivablesSql}
  RETURNING 1
),
a AS (
  INSERT INTO "AuditLog" (id, "companyId", "retailerId", "actorUserId", "actorKind", action, "entityType", "entityId", after, "requestId")
  SELECT x.id, d."companyId", x."retailerId", x."actorUserId", x."actorKind", x.action, 'Invoice', d.id, x.after, x."requestId"
  FROM d, jsonb_to_record($3::jsonb) AS x(id text, "retailerId" text, "actorUserId" text, "actorKind" text, action text, after jsonb, "requestId" text)
  RETURNING 1
)
SELECT d.id, (SELECT count(*) FROM l)::int AS lines FROM d`;

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

function istDayOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}
