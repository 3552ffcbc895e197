import "server-only";
// InvoiceView: an invoice, credit note or debit note as the API, the vendor page and the portal page
// show it. Amounts are decimal strings, dates "YYYY-MM-DD" (IST calendar days), and the caller's
// available actions are decided here so screens and API agree.
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { cancelRefusal, irnCancellableUntil } from "@/lib/billing/cancel-rules";
import { invoiceScope, type InvoiceDocument } from "@/lib/billing/invoice-access";
import type { BuyerSnapshot, SellerSnapshot, ShipToSnapshot } from "@/lib/billing/parties";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { revive } from "@/lib/db/revive";
import { runnerFor, type SqlRunner } from "@/lib/db/sql-runner";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EInvoiceStatus, InvoiceStatus, InvoiceType } from "@/lib/generated/prisma/enums";
import { stateName } from "@/lib/integrations/gst/states";
import { dayToDbDate, istDay } from "@/lib/pricing/dates";
import { amountInWords } from "@/lib/tax/amount-in-words";

type Db = PrismaClient | Tx;
const D = Prisma.Decimal;
const DAY_MS = 24 * 60 * 60 * 1000;

export type InvoiceAction = "credit_note" | "debit_note" | "cancel" | "email";
export type PaymentStatus = "unpaid" | "partly_paid" | "paid" | "unapplied" | "partly_applied" | "applied";

export type InvoiceLineView = {
  id: string;
  position: number;
  productId: string | null;
  orderLineId: string | null;
  originalLineId: string | null;
  sku: string | null;
  description: string;
  hsnCode: string;
  unit: string;
  quantity: string;
  unitPrice: string;
  /** Given free under a scheme: unit price 0, no taxable value; documents print it as free goods. */
  freeGoods: boolean;
  taxInclusive: boolean;
  grossValue: string;
  discount: string;
  taxableValue: string;
  gstRate: string;
  cessRate: string;
  cgstAmount: string;
  sgstAmount: string;
  igstAmount: string;
  cessAmount: string;
  lineTotal: string;
  /** Invoices: quantity and taxable value already credited by issued credit notes (for the note forms). */
  creditedQuantity: string;
  creditedValue: string;
};

export type InvoiceView = {
  id: string;
  type: InvoiceType;
  number: string;
  status: InvoiceStatus;
  financialYear: string;
  issueDate: string;
  dueDate: string;
  order: { id: string; number: string } | null;
  original: { id: string; number: string; issueDate: string } | null;
  noteReason: string | null;
  connectionId: string;
  retailerId: string;
  seller: SellerSnapshot;
  buyer: BuyerSnapshot;
  shipTo: ShipToSnapshot | null;
  supplierStateCode: string;
  placeOfSupply: { code: string; name: string };
  taxType: "intra" | "inter";
  supplyType: string;
  reverseCharge: boolean;
  buyerReference: string | null;
  notes: string | null;
  lines: InvoiceLineView[];
  totals: { taxable: string; discount: string; cgst: string; sgst: string; igst: string; cess: string; tax: string; roundOff: string; grandTotal: string };
  amountInWords: string;
  settledAmount: string;
  balanceDue: string;
  paymentStatus: PaymentStatus;
  overdueDays: number;
  eInvoice: { status: EInvoiceStatus; error: string | null; irn: string | null; ackNo: string | null; ackDate: string | null; ewayBillNo: string | null; irnCancellableUntil: string | null };
  notesIssued: { id: string; number: string; type: InvoiceType; status: InvoiceStatus; issueDate: string; total: string }[];
  /** Invoices: what credit notes may still credit (grand total − issued credit notes). */
  creditableAmount: string;
  cancelledAt: string | null;
  cancelReason: string | null;
  availableActions: InvoiceAction[];
  createdAt: string;
};

/** The printed figures of a line: everything but its position, its ids and what notes credited. */
export type LineFigures = Omit<InvoiceLineView, "id" | "position" | "productId" | "orderLineId" | "originalLineId" | "creditedQuantity" | "creditedValue">;
type LineAmounts = Pick<LineFigures, "sku" | "description" | "hsnCode" | "unit" | "freeGoods" | "taxInclusive"> & {
  [K in "quantity" | "unitPrice" | "grossValue" | "discount" | "taxableValue" | "gstRate" | "cessRate" | "cgstAmount" | "sgstAmount" | "igstAmount" | "cessAmount" | "lineTotal"]: Prisma.Decimal;
};
type DocumentAmounts = Record<"taxable" | "discount" | "cgst" | "sgst" | "igst" | "cess" | "roundOff" | "grandTotal", Prisma.Decimal>;

type NoteRow = { id: string; number: string; type: InvoiceType; status: InvoiceStatus; issueDate: Date; grandTotal: Prisma.Decimal };
type Credited = Map<string, { quantity: Prisma.Decimal; value: Prisma.Decimal }>;

/**
 * One document in the actor's scope, with its notes and credited quantities; not_found otherwise. One
 * statement (invoiceViewSql), not the six the ORM needed: every issue answers with it.
 */
export async function loadInvoiceView(db: Db, actor: Actor, invoiceId: string, now: Date): Promise<InvoiceView> {
  const scope = invoiceScope(actor);
  const [row] = await runnerFor(db).query<InvoiceViewRow>(invoiceViewSql, [invoiceId, "companyId" in scope ? scope.companyId : null, "retailerId" in scope ? scope.retailerId : null]);
  if (!row) throw notFound("Invoice");
  return toInvoiceView(actor, reviveDocument(row), reviveNotes(row.notes), new Map(row.credited.map((c) => [c.originalLineId, { quantity: new D(c.quantity), value: new D(c.value) }])), now);
}

/**
 * The document ($1) in a company's ($2) or a retailer's ($3) scope as JSON: its row and lines as they
 * are stored, the invoice it corrects, its order, its notes, and per line what issued credit notes took.
 */
export const invoiceViewSql = `
WITH i AS MATERIALIZED (
  SELECT * FROM "Invoice" WHERE id = $1::text AND ("companyId" = $2::text OR "retailerId" = $3::text)
)
SELECT to_jsonb(i) AS invoice,
  (SELECT coalesce(jsonb_agg(to_jsonb(l) ORDER BY l.position), '[]') FROM "InvoiceLine" l WHERE l."invoiceId" = i.id) AS lines,
  (SELECT jsonb_build_object('id', o.id, 'number', o.number, 'issueDate', o."issueDate", 'type', o.type) FROM "Invoice" o
    WHERE o.id = i."originalInvoiceId") AS "originalInvoice",
  (SELECT jsonb_build_object('id', r.id, 'number', r.number) FROM "Order" r WHERE r.id = i."orderId") AS "order",
  (SELECT coalesce(jsonb_agg(jsonb_build_object('id', n.id, 'number', n.number, 'type', n.type, 'status', n.status, 'issueDate', n."issueDate",
            'grandTotal', n."grandTotal"::text) ORDER BY n."issueDate", n.number), '[]')
     FROM "Invoice" n WHERE n."companyId" = i."companyId" AND n."originalInvoiceId" = i.id) AS notes,
  -- Per line of an invoice (a lateral lookup by "originalLineId", whatever the plan): what issued credit notes took.
  (SELECT coalesce(jsonb_agg(jsonb_build_object('originalLineId', ol.id, 'quantity', c.quantity::text, 'value', c.value::text)), '[]')
     FROM "InvoiceLine" ol
     CROSS JOIN LATERAL (
       SELECT sum(cl.quantity) AS quantity, sum(cl."taxableValue") AS value
       FROM "InvoiceLine" cl JOIN "Invoice" cn ON cn.id = cl."invoiceId"
       WHERE cl."originalLineId" = ol.id AND cn."companyId" = i."companyId" AND cn.type = 'CREDIT_NOTE' AND cn.status = 'ISSUED'
     ) c
     WHERE ol."invoiceId" = i.id AND i.type = 'INVOICE' AND c.quantity IS NOT NULL) AS credited
FROM i`;

type Json = Record<string, unknown>;
type InvoiceViewRow = {
  invoice: Json;
  lines: Json[];
  originalInvoice: Json | null;
  order: { id: string; number: string } | null;
  notes: Json[];
  credited: { originalLineId: string; quantity: string; value: string }[];
};

// The columns a JSON row carries as numbers or ISO strings that Prisma gives as Decimal and Date
// (tests/integration/invoice-view-sql.test.ts compares the whole view with the one from the ORM's reads).
const INVOICE_DECIMALS = ["taxableTotal", "discountTotal", "cgstTotal", "sgstTotal", "igstTotal", "cessTotal", "roundOff", "grandTotal", "settledAmount"];
const INVOICE_DATES = ["issueDate", "dueDate", "ackDate", "irnCancelledAt", "ewayBillDate", "ewayBillValidUntil", "cancelledAt", "createdAt", "updatedAt"];
const LINE_DECIMALS = ["quantity", "unitPrice", "grossValue", "discount", "taxableValue", "gstRate", "cessRate", "cgstAmount", "sgstAmount", "igstAmount", "cessAmount", "lineTotal", "unitCost"];

function reviveDocument(row: InvoiceViewRow): InvoiceDocument {
  return {
    ...revive<Omit<InvoiceDocument, "lines" | "originalInvoice" | "order">>(row.invoice, { decimals: INVOICE_DECIMALS, dates: INVOICE_DATES }),
    lines: row.lines.map((l) => revive<InvoiceDocument["lines"][number]>(l, { decimals: LINE_DECIMALS })),
    originalInvoice: row.originalInvoice && revive<NonNullable<InvoiceDocument["originalInvoice"]>>(row.originalInvoice, { dates: ["issueDate"] }),
    order: row.order,
  };
}

function reviveNotes(rows: Json[]): NoteRow[] {
  return rows.map((n) => revive<NoteRow>(n, { decimals: ["grandTotal"], dates: ["issueDate"] }));
}

/** Quantity and taxable value of each invoice line already credited by issued credit notes. */
export async function creditedByLine(run: SqlRunner, companyId: string, lineIds: string[]): Promise<Credited> {
  const out: Credited = new Map();
  if (lineIds.length === 0) return out;
  const rows = await run.query<{ originalLineId: string; quantity: string; value: string }>(
    `SELECT l."originalLineId", sum(l.quantity)::text AS quantity, sum(l."taxableValue")::text AS value
     FROM "InvoiceLine" l JOIN "Invoice" n ON n.id = l."invoiceId"
     WHERE l."companyId" = $1::text AND l."originalLineId" = ANY($2::text[]) AND n.type = 'CREDIT_NOTE' AND n.status = 'ISSUED'
     GROUP BY l."originalLineId"`,
    [companyId, lineIds],
  );
  for (const r of rows) out.set(r.originalLineId, { quantity: new D(r.quantity), value: new D(r.value) });
  return out;
}

export function toInvoiceView(actor: Actor, d: InvoiceDocument, notes: NoteRow[], credited: Credited, now: Date): InvoiceView {
  const cancelled = d.status === "CANCELLED";
  const { balance, overdueDays } = settlementOf(d, dayToDbDate(istDay(now)));
  const creditedTotal = notes.filter((n) => n.type === "CREDIT_NOTE" && n.status === "ISSUED").reduce((s, n) => s.plus(n.grandTotal), new D(0));
  const creditable = d.type === "INVOICE" && !cancelled ? D.max(d.grandTotal.minus(creditedTotal), 0) : new D(0);
  const cancellableUntil = d.irnCancelledAt ? null : irnCancellableUntil(d.ackDate);
  const staffWrite = actor.kind === "staff" && can(actor, "billing.write");
  const actions: InvoiceAction[] = [];
  if (staffWrite && !cancelled) {
    if (d.type === "INVOICE" && creditable.gt(0)) actions.push("credit_note");
    if (d.type === "INVOICE") actions.push("debit_note");
    const liveNotes = notes.filter((n) => n.status === "ISSUED").map((n) => n.number);
    if (!cancelRefusal(d, liveNotes, now)) actions.push("cancel");
    if ((d.buyer as BuyerSnapshot).email) actions.push("email");
  }
  return {
    id: d.id,
    type: d.type,
    number: d.number,
    status: d.status,
    financialYear: d.financialYear,
    issueDate: day(d.issueDate),
    dueDate: day(d.dueDate),
    order: d.order ? { id: d.order.id, number: d.order.number } : null,
    original: d.originalInvoice ? { id: d.originalInvoice.id, number: d.originalInvoice.number, issueDate: day(d.originalInvoice.issueDate) } : null,
    noteReason: d.noteReason,
    connectionId: d.connectionId,
    retailerId: d.retailerId,
    seller: d.seller as SellerSnapshot,
    buyer: d.buyer as BuyerSnapshot,
    shipTo: (d.shipTo as ShipToSnapshot | null) ?? null,
    supplierStateCode: d.supplierStateCode,
    placeOfSupply: placeOfSupplyOf(d.placeOfSupply),
    taxType: d.taxType === "inter" ? "inter" : "intra",
    supplyType: d.supplyType,
    reverseCharge: d.reverseCharge,
    buyerReference: d.buyerReference,
    notes: d.notes,
    lines: d.lines.map((l) => ({
      id: l.id,
      position: l.position,
      productId: l.productId,
      orderLineId: l.orderLineId,
      originalLineId: l.originalLineId,
      ...lineFigures(l),
      creditedQuantity: (credited.get(l.id)?.quantity ?? new D(0)).toFixed(3),
      creditedValue: (credited.get(l.id)?.value ?? new D(0)).toFixed(2),
    })),
    totals: totalsFigures({ taxable: d.taxableTotal, discount: d.discountTotal, cgst: d.cgstTotal, sgst: d.sgstTotal, igst: d.igstTotal, cess: d.cessTotal, roundOff: d.roundOff, grandTotal: d.grandTotal }),
    amountInWords: amountInWords(d.grandTotal),
    settledAmount: d.settledAmount.toFixed(2),
    balanceDue: balance.toFixed(2),
    paymentStatus: paymentStatusOf(d.type, d.grandTotal, d.settledAmount),
    overdueDays,
    eInvoice: {
      status: d.eInvoiceStatus,
      error: d.eInvoiceError,
      irn: d.irn,
      ackNo: d.ackNo,
      ackDate: d.ackDate?.toISOString() ?? null,
      ewayBillNo: d.ewayBillNo,
      irnCancellableUntil: cancellableUntil?.toISOString() ?? null,
    },
    notesIssued: notes.map((n) => ({ id: n.id, number: n.number, type: n.type, status: n.status, issueDate: day(n.issueDate), total: n.grandTotal.toFixed(2) })),
    creditableAmount: creditable.toFixed(2),
    cancelledAt: d.cancelledAt?.toISOString() ?? null,
    cancelReason: d.cancelReason,
    availableActions: actions,
    createdAt: d.createdAt.toISOString(),
  };
}

/**
 * A line as printed, but for its position and ids: the product, and the quantity, price and every tax
 * figure as decimal strings. Issued documents (toInvoiceView) and previews (toDocumentPreview) both
 * print their lines, totals and place of supply with these, so a preview reads as the document it becomes.
 */
export function lineFigures(l: LineAmounts): LineFigures {
  return {
    sku: l.sku,
    description: l.description,
    hsnCode: l.hsnCode,
    unit: l.unit,
    quantity: l.quantity.toFixed(3),
    unitPrice: l.unitPrice.toFixed(2),
    freeGoods: l.freeGoods,
    taxInclusive: l.taxInclusive,
    grossValue: l.grossValue.toFixed(2),
    discount: l.discount.toFixed(2),
    taxableValue: l.taxableValue.toFixed(2),
    gstRate: l.gstRate.toFixed(2),
    cessRate: l.cessRate.toFixed(2),
    cgstAmount: l.cgstAmount.toFixed(2),
    sgstAmount: l.sgstAmount.toFixed(2),
    igstAmount: l.igstAmount.toFixed(2),
    cessAmount: l.cessAmount.toFixed(2),
    lineTotal: l.lineTotal.toFixed(2),
  };
}

/** A document's totals as printed, the tax being CGST + SGST + IGST + cess. */
export function totalsFigures(t: DocumentAmounts): InvoiceView["totals"] {
  return {
    taxable: t.taxable.toFixed(2),
    discount: t.discount.toFixed(2),
    cgst: t.cgst.toFixed(2),
    sgst: t.sgst.toFixed(2),
    igst: t.igst.toFixed(2),
    cess: t.cess.toFixed(2),
    tax: t.cgst.plus(t.sgst).plus(t.igst).plus(t.cess).toFixed(2),
    roundOff: t.roundOff.toFixed(2),
    grandTotal: t.grandTotal.toFixed(2),
  };
}

/** A place of supply by its GST state code with its name ("96" is an export: "Other Countries"). */
export function placeOfSupplyOf(code: string): InvoiceView["placeOfSupply"] {
  return { code, name: code === "96" ? "Other Countries" : (stateName(code) ?? code) };
}

/** What is still open on a document (nothing once cancelled) and, for invoices and debit notes, how many days past due it is on `today` (a @db.Date day). */
export function settlementOf(d: Pick<InvoiceDocument, "type" | "status" | "grandTotal" | "settledAmount" | "dueDate">, today: Date): { balance: Prisma.Decimal; overdueDays: number } {
  const balance = d.status === "CANCELLED" ? new D(0) : d.grandTotal.minus(d.settledAmount);
  const overdue = d.type !== "CREDIT_NOTE" && balance.gt(0) && today > d.dueDate;
  return { balance, overdueDays: overdue ? Math.round((today.getTime() - d.dueDate.getTime()) / DAY_MS) : 0 };
}

/** Invoices and debit notes: unpaid / partly_paid / paid. Credit notes: unapplied / partly_applied / applied. */
export function paymentStatusOf(type: InvoiceType, grandTotal: Prisma.Decimal, settled: Prisma.Decimal): PaymentStatus {
  const credit = type === "CREDIT_NOTE";
  if (settled.lte(0)) return credit ? "unapplied" : "unpaid";
  if (settled.gte(grandTotal)) return credit ? "applied" : "paid";
  return credit ? "partly_applied" : "partly_paid";
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}
