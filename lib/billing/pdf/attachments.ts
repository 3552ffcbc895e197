import "server-only";
// The "invoice-pdf" mail attachment: rendered when the mail is delivered, from the document as it is
// then (an IRN that arrived after issue is printed). Registered by importing this file; the job
// handlers import it so the worker and the web app's in-process workers both know the kind.
import { renderDocumentPdf } from "@/lib/billing/get-invoice-pdf";
import { loadInvoiceDocument } from "@/lib/billing/invoice-access";
import { pdfFilename } from "@/lib/billing/pdf-filename";
import { prisma } from "@/lib/db/client";
import { registerAttachmentRenderer } from "@/lib/integrations/messaging/send-email";

registerAttachmentRenderer("invoice-pdf", async (ref, msg) => {
  if (!msg.companyId) throw new Error(`Mail ${msg.id}: an invoice attachment needs the mail's company`);
  // Scoped to the mail's company: a mail row can never attach another company's document.
  const doc = await loadInvoiceDocument(prisma, { kind: "system", userId: null, name: "Invoice mail", companyId: msg.companyId }, ref.invoiceId);
  return { filename: ref.filename || pdfFilename(doc.number), content: await renderDocumentPdf(prisma, doc), contentType: "application/pdf" };
});
