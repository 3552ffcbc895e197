import "server-only";
// The "invoice-pdf" mail attachment: the document's stored PDF as it is when the mail is delivered
// (an IRN that arrived after issue is printed: a changed revision renders it again). Registered by
// importing this file; the job handlers import it so the worker and the web app's in-process workers
// both know the kind.
import { findPdfHead, pdfOf, systemActor } from "@/lib/billing/stored-invoice-pdf";
import { prisma } from "@/lib/db/client";
import { registerAttachmentRenderer } from "@/lib/integrations/messaging/send-email";

registerAttachmentRenderer("invoice-pdf", async (ref, msg) => {
  if (!msg.companyId) throw new Error(`Mail ${msg.id}: an invoice attachment needs the mail's company`);
  // Scoped to the mail's company: a mail row can never attach another company's document.
  const head = await findPdfHead(prisma, ref.invoiceId, { companyId: msg.companyId });
  if (!head) throw new Error(`Mail ${msg.id}: invoice ${ref.invoiceId} not found in the mail's company`);
  const pdf = await pdfOf(prisma, systemActor(msg.companyId), head);
  return { filename: ref.filename || pdf.filename, content: pdf.bytes, contentType: "application/pdf" };
});
