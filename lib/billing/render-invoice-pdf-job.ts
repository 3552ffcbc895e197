import "server-only";
// The "invoice-pdf" job, queued in the transaction that issues or cancels a document: renders its PDF
// into the document storage so the first download is served, not rendered. Idempotent: a stored PDF
// whose revision matches the document is left alone.
import { ensureInvoicePdf } from "@/lib/billing/stored-invoice-pdf";
import { prisma } from "@/lib/db/client";

export async function renderInvoicePdfJob(data: { invoiceId: string; companyId: string }): Promise<{ rendered: boolean } | { skipped: "not_found" }> {
  const pdf = await ensureInvoicePdf(prisma, data.companyId, data.invoiceId);
  return pdf ? { rendered: pdf.rendered } : { skipped: "not_found" };
}
