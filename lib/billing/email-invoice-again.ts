import "server-only";
// Staff send an invoice or note to the retailer again (the detail page's "E-mail PDF" button and
// POST /api/v1/invoices/{id}/email). Each press is a new mail: its dedupe key carries a fresh id.
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { loadInvoiceDocument } from "@/lib/billing/invoice-access";
import { invoiceEmail } from "@/lib/billing/invoice-email-message";
import type { Ctx } from "@/lib/ctx";
import { AppError, notFound } from "@/lib/errors";
import { queueEmailsOnce } from "@/lib/integrations/messaging/send-email";

export type EmailInvoiceAgainResult = { emailId: string; to: string };

export async function emailInvoiceAgain(ctx: Ctx, invoiceId: string): Promise<EmailInvoiceAgainResult> {
  assertCan(ctx.actor, "billing.write");
  if (typeof invoiceId !== "string" || !invoiceId || invoiceId.length > 64) throw notFound("Invoice");
  const doc = await loadInvoiceDocument(ctx.db, ctx.actor, invoiceId);
  const email = invoiceEmail(doc);
  if (!email) throw new AppError("conflict", "The retailer has no e-mail address on this document; add one to the retailer for future documents");
  return ctx.db.$transaction(async (tx) => {
    const [emailId] = await queueEmailsOnce(tx, [{ ...email, dedupeKey: `invoice-email:${invoiceId}:${randomUUID()}` }]);
    await recordAudit(ctx, tx, { action: "invoice.emailed", entityType: "Invoice", entityId: invoiceId, after: { to: email.to, emailId } });
    return { emailId, to: email.to };
  });
}
