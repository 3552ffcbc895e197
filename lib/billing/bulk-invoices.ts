import "server-only";
// E-mail many invoices or request their IRNs at once (the invoices list's selection, POST
// /invoices/bulk). Each document goes through the same domain function as its own button —
// emailInvoiceAgain, requestEInvoice — in its own transaction, so one document's refusal leaves
// the others done. A document that already has what was asked (an IRN, or is waiting for one) is
// skipped, and so is one to an unregistered buyer (B2C: no IRN). E-mail is a deliberate send:
// pressing it again mails again, as the single button does; an API client retrying one request
// sends the same Idempotency-Key and gets the first answer.
import { assertCan } from "@/lib/auth/permissions";
import { emailInvoiceAgain } from "@/lib/billing/email-invoice-again";
import { requestEInvoice } from "@/lib/billing/einvoice/request-einvoice";
import { bulkInvoicesInput, type BulkInvoiceAction } from "@/lib/bulk/bulk.schemas";
import type { BulkResult } from "@/lib/bulk/bulk-result";
import { runBulk, type RowStep } from "@/lib/bulk/run-bulk";
import type { Ctx } from "@/lib/ctx";
import type { EInvoiceStatus, InvoiceStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";

type Row = { id: string; number: string; status: InvoiceStatus; eInvoiceStatus: EInvoiceStatus; buyerGstin: string | null };

export async function bulkInvoices(ctx: Ctx, input: unknown): Promise<BulkResult<BulkInvoiceAction>> {
  const { action, ids } = parseInput(bulkInvoicesInput, input);
  // Both single-document routes need billing.write; a role without it is refused whole (403).
  assertCan(ctx.actor, "billing.write");
  const found = await ctx.db.invoice.findMany({ where: { id: { in: ids }, companyId: ctx.actor.companyId }, select: { id: true, number: true, status: true, eInvoiceStatus: true, buyerGstin: true } });
  const rows = new Map<string, Row>(found.map((d) => [d.id, d]));
  return runBulk(ctx, action, ids, rows, "Invoice", (d) => stepFor(ctx, action, d));
}

function stepFor(ctx: Ctx, action: BulkInvoiceAction, d: Row): RowStep {
  if (action === "email") {
    // The document page offers "E-mail PDF" only for an issued document; the same here.
    if (d.status === "CANCELLED") return { skip: "Cancelled: not mailed", code: "invalid_transition" };
    return { run: async () => ({ message: `E-mailed to ${(await emailInvoiceAgain(ctx, d.id)).to}` }) };
  }
  if (d.status === "CANCELLED") return { skip: "Cancelled: not reported to the IRP", code: "invalid_transition" };
  if (d.eInvoiceStatus === "GENERATED" || d.eInvoiceStatus === "CANCELLED") return { skip: "Already has an IRN", code: "already_done" };
  if (d.eInvoiceStatus === "PENDING") return { skip: "Already waiting for the IRP", code: "already_done" };
  // E-invoicing covers supplies to registered buyers; the IRP refuses a document without the buyer's GSTIN.
  if (!d.buyerGstin) return { skip: "Unregistered buyer (no GSTIN): no e-invoice", code: "invalid_transition" };
  return { run: async () => (await requestEInvoice(ctx, d.id), { message: "Queued for the IRP" }) };
}
