import "server-only";
// A credit or debit note as it will read before it is issued: the lines priced at the invoice's
// prices and rates by priceNote (the function issueNote issues with), the invoice's frozen parties
// and place of supply, the series and the number it would take. Nothing is written.
import { assertCan } from "@/lib/auth/permissions";
import { issueNoteInput, type IssueNoteInput } from "@/lib/billing/billing.schemas";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { toDocumentPreview, type DocumentPreview } from "@/lib/billing/document-preview";
import { priceNote, type NoteType } from "@/lib/billing/issue-note";
import type { BuyerSnapshot, SellerSnapshot, ShipToSnapshot } from "@/lib/billing/parties";
import { documentDate } from "@/lib/billing/write-document";
import type { Ctx } from "@/lib/ctx";
import { runnerFor } from "@/lib/db/sql-runner";
import { notFound } from "@/lib/errors";
import { parseInput } from "@/lib/validation";

export async function previewNote(ctx: Ctx, invoiceId: string, type: NoteType, input: IssueNoteInput | unknown): Promise<DocumentPreview> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(issueNoteInput, input);
  const issueDate = documentDate(ctx, data.issueDate);
  const invoice = await ctx.db.invoice.findFirst({
    where: { id: String(invoiceId), companyId },
    include: { lines: { orderBy: { position: "asc" } }, order: { select: { id: true, number: true } }, connection: { select: { paymentTermsDays: true } } },
  });
  if (!invoice) throw notFound("Invoice");
  const { built } = await priceNote(runnerFor(ctx.db), { companyId, invoice, type, data, issueDate });
  const settings = await getBillingSettings(ctx.db, companyId);
  return toDocumentPreview(ctx.db, {
    companyId,
    type,
    settings,
    issueDate,
    dueInDays: type === "CREDIT_NOTE" ? 0 : invoice.connection.paymentTermsDays,
    placeOfSupply: invoice.placeOfSupply,
    supplyType: invoice.supplyType,
    parties: { seller: invoice.seller as SellerSnapshot, buyer: invoice.buyer as BuyerSnapshot, shipTo: (invoice.shipTo as ShipToSnapshot | null) ?? null },
    built,
    order: invoice.order,
    original: { id: invoice.id, number: invoice.number, issueDate: invoice.issueDate },
    noteReason: data.reason,
    buyerReference: invoice.buyerReference,
    notes: data.notes,
    now: ctx.now(),
  });
}
