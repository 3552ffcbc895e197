import "server-only";
// The "invoice-email" job: mails an issued invoice or note to the retailer's e-mail as frozen on the
// document, with its PDF attached. The mail's dedupe key `invoice-email:<id>` makes a retried or
// repeated job write (and send) it once. A document without a buyer e-mail is skipped with a log line.
import { loadInvoiceDocument } from "@/lib/billing/invoice-access";
import { invoiceEmail } from "@/lib/billing/invoice-email-message";
import { prisma } from "@/lib/db/client";
import { queueEmailsOnce } from "@/lib/integrations/messaging/send-email";
import { log } from "@/lib/log";

export type EmailInvoiceResult = "queued" | "already_queued" | "no_email" | "not_found";

export async function emailInvoice(invoiceId: string): Promise<EmailInvoiceResult> {
  const head = await prisma.invoice.findUnique({ where: { id: invoiceId }, select: { companyId: true } });
  if (!head) {
    log("warn", "invoice email skipped: no such invoice", { invoiceId });
    return "not_found";
  }
  const doc = await loadInvoiceDocument(prisma, { kind: "system", userId: null, name: "Invoice mail", companyId: head.companyId }, invoiceId);
  const email = invoiceEmail(doc);
  if (!email) {
    log("info", "invoice email skipped: the buyer has no e-mail address", { invoiceId, number: doc.number });
    return "no_email";
  }
  const ids = await prisma.$transaction((tx) => queueEmailsOnce(tx, [{ ...email, dedupeKey: `invoice-email:${invoiceId}` }]));
  return ids.length ? "queued" : "already_queued";
}
