import "server-only";
// Credit notes and debit notes (CGST Act s. 34) against an issued tax invoice of the same company.
// A note corrects the invoice: its seller, buyer, ship-to, place of supply, supply type and hence
// tax type are the invoice's frozen ones, and each line keeps the rate of the invoice line it
// corrects (the tax that was charged is the tax that is reversed or topped up).
//
// Lines name an invoice line and either a quantity (goods returned or short-supplied: price,
// discount share and rate from the invoice line) or an amount (a taxable-value difference on that
// line: rate difference, discount, deficiency), or "full" for everything still creditable.
// Credit notes can never add up to more than the invoice's grand total, and a credit note is
// applied at once to what is still open on its invoice; any rest stays as the retailer's
// unapplied credit (lib/billing/allocations.ts).
import { assertCan } from "@/lib/auth/permissions";
import { quantityUnitError } from "@/lib/catalog/units";
import { allocate } from "@/lib/billing/allocations";
import { issueNoteInput, type IssueNoteInput } from "@/lib/billing/billing.schemas";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { buildDocument, type BuiltDocument, type DocumentLineInput } from "@/lib/billing/build-document";
import { creditedByLine, loadInvoiceView, type InvoiceView } from "@/lib/billing/invoice-views";
import type { BuyerSnapshot, SellerSnapshot, ShipToSnapshot } from "@/lib/billing/parties";
import { documentDate, writeDocument } from "@/lib/billing/write-document";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { runnerFor, type SqlRunner } from "@/lib/db/sql-runner";
import { sqlTransaction, type SqlTx } from "@/lib/db/sql-tx";
import { Prisma, type Invoice, type InvoiceLine } from "@/lib/generated/prisma/client";
import { formatINR } from "@/lib/format";
import { lockConnectionOn } from "@/lib/orders/credit";
import type { SupplyType } from "@/lib/tax/invoice-tax";
import { parseInput } from "@/lib/validation";

const D = Prisma.Decimal;
type Decimal = Prisma.Decimal;
export type NoteType = "CREDIT_NOTE" | "DEBIT_NOTE";

/** `inTx` runs in the note's own transaction once it is written (e.g. marking a credit-note draft issued). */
export function issueCreditNote(ctx: Ctx, invoiceId: string, input: IssueNoteInput | unknown, opts: NoteHooks = {}): Promise<InvoiceView> {
  return issueNote(ctx, invoiceId, input, "CREDIT_NOTE", opts);
}

export function issueDebitNote(ctx: Ctx, invoiceId: string, input: IssueNoteInput | unknown): Promise<InvoiceView> {
  return issueNote(ctx, invoiceId, input, "DEBIT_NOTE");
}

type NoteHooks = { inTx?: (t: SqlTx, note: { id: string; number: string }) => Promise<void> };

async function issueNote(ctx: Ctx, invoiceId: string, input: unknown, type: NoteType, opts: NoteHooks = {}): Promise<InvoiceView> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(issueNoteInput, input);
  const issueDate = documentDate(ctx, data.issueDate);

  // Read and priced before the transaction: the invoice with its lines, what its credit notes already
  // took, the settings. The transaction then writes, once it has checked under the locks that what the
  // price rests on is unchanged: the invoice's status and its credit notes (notes only ever appear, and
  // go from issued to cancelled, never back, so the same list at both ends means nothing moved between).
  // If either moved, the note is priced again there from what is locked.
  // The basis is read before the credited amounts priceNote reads (beside the invoice, whose lines never change).
  const [invoice, [readBasis]] = await Promise.all([
    ctx.db.invoice.findFirst({ where: { id: invoiceId, companyId }, include: { lines: { orderBy: { position: "asc" } } } }),
    runnerFor(ctx.db).query<NoteBasis>(noteBasisSql.read, [invoiceId, companyId]),
  ]);
  if (!invoice) throw notFound("Invoice");
  const [priced, settings] = await Promise.all([priceNote(runnerFor(ctx.db), { companyId, invoice, type, data, issueDate }), getBillingSettings(ctx.db, companyId)]);

  const id = await sqlTransaction(ctx.db, async (t) => {
    const connection = await lockConnectionOn(t.run, companyId, invoice.connectionId);
    if (!connection) throw notFound("Invoice");
    // The invoice is locked after its connection, as every writer of both does.
    const [basis] = await t.run.query<NoteBasis>(noteBasisSql.lock, [invoiceId, companyId]);
    if (!basis) throw notFound("Invoice");
    const moved = basis.status !== invoice.status || basis.creditNotes !== readBasis?.creditNotes;
    const { built } = moved ? await priceNote(t.run, { companyId, invoice: { ...invoice, status: basis.status }, type, data, issueDate }) : priced;

    const doc = await writeDocument(ctx, t, {
      companyId,
      connectionId: invoice.connectionId,
      retailerId: invoice.retailerId,
      type,
      settings,
      issueDate,
      dueInDays: type === "CREDIT_NOTE" ? 0 : connection.paymentTermsDays,
      supplierStateCode: invoice.supplierStateCode,
      placeOfSupply: invoice.placeOfSupply,
      supplyType: invoice.supplyType,
      parties: { seller: invoice.seller as SellerSnapshot, buyer: invoice.buyer as BuyerSnapshot, shipTo: (invoice.shipTo as ShipToSnapshot | null) ?? null },
      built,
      orderId: invoice.orderId,
      originalInvoiceId: invoice.id,
      noteReason: data.reason,
      buyerReference: invoice.buyerReference,
      notes: data.notes,
      beforeNumber: async (doc) => {
        if (type !== "CREDIT_NOTE") return;
        // What is still open on the invoice, as locked (a payment may have settled part of it since the read).
        const open = invoice.grandTotal.minus(basis.settledAmount);
        const apply = D.min(open, built.totals.grandTotal);
        if (apply.gt(0)) await allocate(t.run, { companyId, connectionId: invoice.connectionId, userId: ctx.actor.userId, source: { creditNoteId: doc.id }, target: { invoiceId: invoice.id }, amount: apply });
      },
    });
    // The one exception to "the number is the last statement": a credit note issued from a return's
    // draft marks the draft and audits it with the note's number (two statements, returns only).
    await opts.inTx?.(t, { id: doc.id, number: doc.number });
    return doc.id;
  });
  return loadInvoiceView(ctx.db, ctx.actor, id, ctx.now());
}

/** What a note's price rests on besides the invoice's frozen lines: its status and its credit notes (each id with its status). */
type NoteBasis = { status: Invoice["status"]; settledAmount: string; creditNotes: string };

const noteBasisSelect = `
SELECT i.status::text AS status, i."settledAmount"::text AS "settledAmount",
       coalesce((SELECT string_agg(n.id || ':' || n.status, ',' ORDER BY n.id) FROM "Invoice" n WHERE n."originalInvoiceId" = i.id AND n.type = 'CREDIT_NOTE'), '') AS "creditNotes"
FROM "Invoice" i WHERE i.id = $1::text AND i."companyId" = $2::text`;
/** $1 invoice, $2 company: read before the transaction, and again locked (after the connection) inside it. */
const noteBasisSql = { read: noteBasisSelect, lock: `${noteBasisSelect} FOR UPDATE OF i` };

type ParsedNote = ReturnType<typeof issueNoteInput.parse>;

/**
 * The note's lines priced and taxed at the invoice's rates, with every rule checked (a note against a
 * live tax invoice, not dated before it, no more credited than is left), without writing anything:
 * issueNote uses it inside its transaction, and the preview before issuing (preview-note.ts) on its own.
 */
export async function priceNote(
  run: SqlRunner,
  args: { companyId: string; invoice: Invoice & { lines: InvoiceLine[] }; type: NoteType; data: ParsedNote; issueDate: Date },
): Promise<{ built: BuiltDocument }> {
  const { companyId, invoice, type, data, issueDate } = args;
  if (type === "DEBIT_NOTE" && data.lines === "full") throw new AppError("validation", "A debit note names its lines", { fieldErrors: { lines: ["Name the lines and quantities or amounts"] } });
  if (invoice.type !== "INVOICE") throw new AppError("conflict", "Credit and debit notes are issued against a tax invoice, not against another note");
  if (invoice.status !== "ISSUED") throw new AppError("conflict", `Invoice ${invoice.number} is cancelled`);
  if (issueDate < invoice.issueDate) throw new AppError("validation", "A note cannot be dated before its invoice", { fieldErrors: { issueDate: [`On or after ${invoice.issueDate.toISOString().slice(0, 10)}`] } });

  const credited = type === "CREDIT_NOTE" ? await creditedByLine(run, companyId, invoice.lines.map((l) => l.id)) : new Map<string, { quantity: Decimal; value: Decimal }>();
  const lines = data.lines === "full" ? fullCredit(invoice.lines, credited) : data.lines.map((l, i) => noteLine(type, invoice.lines, credited, l, i));
  if (lines.length === 0) throw new AppError("conflict", `Everything on invoice ${invoice.number} has already been credited`);

  const built = buildDocument({
    supplierStateCode: invoice.supplierStateCode,
    placeOfSupply: invoice.placeOfSupply,
    buyerGstin: invoice.buyerGstin,
    supplyType: invoice.supplyType as SupplyType,
    issueDate,
    taxRates: [],
    lines,
  });

  if (type === "CREDIT_NOTE") {
    const [sum] = await run.query<{ total: string }>(
      `SELECT coalesce(sum("grandTotal"), 0)::text AS total FROM "Invoice" WHERE "companyId" = $1::text AND "originalInvoiceId" = $2::text AND type = 'CREDIT_NOTE' AND status = 'ISSUED'`,
      [companyId, invoice.id],
    );
    const already = new D(sum!.total);
    if (already.plus(built.totals.grandTotal).gt(invoice.grandTotal)) {
      const left = D.max(invoice.grandTotal.minus(already), 0);
      throw new AppError(
        "conflict",
        `Credit notes cannot exceed the invoice: ${invoice.number} is ${formatINR(invoice.grandTotal)}, ${formatINR(already)} is already credited, so at most ${formatINR(left)} can be credited (this note is ${formatINR(built.totals.grandTotal)})`,
        { fieldErrors: { lines: [`At most ${formatINR(left)} can still be credited`] }, details: { invoiceTotal: invoice.grandTotal.toFixed(2), alreadyCredited: already.toFixed(2), creditable: left.toFixed(2) } },
      );
    }
  }
  return { built };
}

type Credited = Map<string, { quantity: Decimal; value: Decimal }>;
type ParsedNoteLine = { originalLineId: string; quantity: string } | { originalLineId: string; amount: string };

function noteLine(type: NoteType, originals: InvoiceLine[], credited: Credited, l: ParsedNoteLine, i: number): DocumentLineInput {
  const field = (name: string) => `lines.${i}.${name}`;
  const orig = originals.find((o) => o.id === l.originalLineId);
  if (!orig) throw invalid(field("originalLineId"), "Not a line of this invoice");
  const done = credited.get(orig.id) ?? { quantity: new D(0), value: new D(0) };
  if ("quantity" in l) {
    const quantity = new D(l.quantity);
    const unitError = quantityUnitError(quantity, orig.unit);
    if (unitError) throw invalid(field("quantity"), unitError);
    if (type === "CREDIT_NOTE") {
      const left = orig.quantity.minus(done.quantity);
      if (quantity.gt(left)) throw invalid(field("quantity"), left.gt(0) ? `At most ${left.toFixed(3)} ${orig.unit} can still be credited` : "This line is fully credited");
    }
    return quantityLine(orig, quantity);
  }
  const amount = new D(l.amount);
  if (type === "CREDIT_NOTE") {
    const left = orig.taxableValue.minus(done.value);
    if (amount.gt(left)) throw invalid(field("amount"), left.gt(0) ? `At most ${left.toFixed(2)} of taxable value can still be credited` : "This line is fully credited");
  }
  return valueLine(orig, amount);
}

/** Everything still creditable: the remaining quantity of each line, or its remaining value when value notes already credited part of it. */
function fullCredit(originals: InvoiceLine[], credited: Credited): DocumentLineInput[] {
  const out: DocumentLineInput[] = [];
  for (const orig of originals) {
    const done = credited.get(orig.id) ?? { quantity: new D(0), value: new D(0) };
    const qtyLeft = orig.quantity.minus(done.quantity);
    const valueLeft = orig.taxableValue.minus(done.value);
    // Free goods have no value to credit, but the goods come back with the rest.
    if (orig.freeGoods) {
      if (qtyLeft.gt(0)) out.push(quantityLine(orig, qtyLeft));
      continue;
    }
    if (!valueLeft.gt(0)) continue;
    if (qtyLeft.gt(0)) {
      const line = quantityLine(orig, qtyLeft);
      // The quantity's share of the line is what is left unless value notes took some of it.
      const share = orig.taxableValue.times(qtyLeft).div(orig.quantity);
      if (share.lte(valueLeft.plus("0.01"))) {
        out.push(line);
        continue;
      }
    }
    out.push(valueLine(orig, valueLeft));
  }
  return out;
}

function quantityLine(orig: InvoiceLine, quantity: Decimal): DocumentLineInput {
  // The invoice line's discount is credited in proportion (all of it for the whole quantity).
  const discount = quantity.eq(orig.quantity) ? orig.discount : orig.discount.times(quantity).div(orig.quantity).toDecimalPlaces(2, D.ROUND_HALF_UP);
  return { ...base(orig), quantity, unitPrice: orig.unitPrice, freeGoods: orig.freeGoods, taxInclusive: orig.taxInclusive, discount };
}

function valueLine(orig: InvoiceLine, amount: Decimal): DocumentLineInput {
  return { ...base(orig), quantity: 0, unitPrice: amount, taxInclusive: false, valueOnly: true };
}

function base(orig: InvoiceLine) {
  return { productId: orig.productId, originalLineId: orig.id, sku: orig.sku, description: orig.description, hsnCode: orig.hsnCode, unit: orig.unit, gstRate: orig.gstRate, cessRate: orig.cessRate, fixedRate: true };
}

function invalid(field: string, message: string) {
  return new AppError("validation", `Invalid input: ${field} — ${message}`, { fieldErrors: { [field]: [message] } });
}
