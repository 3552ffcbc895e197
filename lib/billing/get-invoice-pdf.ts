import "server-only";
// The PDF of one invoice or note for whoever may read it: staff with billing.read (their company's
// documents) or the retailer it was issued to (loadInvoiceDocument scopes both; anything else is
// not_found). The company's logo and its printed terms/signatory come from today's settings; all
// document content comes from the frozen document.
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { loadInvoiceDocument } from "@/lib/billing/invoice-access";
import { pdfFilename } from "@/lib/billing/pdf-filename";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { renderPdf } from "@/lib/pdf/render-pool";

export type RenderedPdf = { bytes: Buffer; filename: string };

export async function getInvoicePdf(ctx: Ctx, invoiceId: string): Promise<RenderedPdf> {
  if (typeof invoiceId !== "string" || !invoiceId || invoiceId.length > 64) throw notFound("Invoice");
  const doc = await loadInvoiceDocument(ctx.db, ctx.actor, invoiceId);
  return { bytes: await renderDocumentPdf(ctx.db, doc), filename: pdfFilename(doc.number) };
}

/** Renders an already loaded (and access-checked) document with its company's logo and settings. */
export async function renderDocumentPdf(db: Ctx["db"], doc: Awaited<ReturnType<typeof loadInvoiceDocument>>): Promise<Buffer> {
  // Sequential: `db` may be a transaction (one connection), where overlapping queries are deprecated in pg.
  const company = await db.company.findUnique({ where: { id: doc.companyId }, select: { logo: true } });
  const settings = await getBillingSettings(db, doc.companyId);
  return renderPdf("invoice", doc, {
    logo: company?.logo ? Buffer.from(company.logo) : null,
    settings: { invoiceTerms: settings.invoiceTerms, signatoryName: settings.signatoryName },
    renderedAt: new Date(),
  });
}
