import "server-only";
// The PDF of one delivery challan for staff who may read logistics documents (another company's is
// not_found): rendered on the first download and then served from the document storage
// (lib/storage/stored-pdf.ts). What may change on the printed page after issue (cancellation, the
// e-way bill number) makes the revision: a cancelled challan is rendered again once, with its mark.
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { pdfFilename } from "@/lib/billing/pdf-filename";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { renderPdf } from "@/lib/pdf/render-pool";
import { pdfAnswer, pdfTables, revisionOf, storedPdf, type StoredPdfAnswer } from "@/lib/storage/stored-pdf";
import { getChallanOrThrow } from "./challan-views";

/** Bumped when the challan layout changes, so challans stored by an older layout are rendered again. */
const LAYOUT = "1";

export async function getChallanPdf(ctx: Ctx, id: string, opts: { ifNoneMatch?: string | null } = {}): Promise<StoredPdfAnswer> {
  assertCan(ctx.actor, "logistics.read");
  if (typeof id !== "string" || !id || id.length > 64) throw notFound("Delivery challan");
  const head = await ctx.db.deliveryChallan.findFirst({
    where: { id, companyId: ctx.actor.companyId },
    select: {
      id: true,
      companyId: true,
      number: true,
      status: true,
      cancelReason: true,
      ewayBills: { where: { status: "GENERATED", ewbNo: { not: null } }, select: { ewbNo: true }, orderBy: { createdAt: "desc" }, take: 1 },
      pdf: { select: { revision: true, storageKey: true, sha256: true } },
    },
  });
  if (!head) throw notFound("Delivery challan");
  const doc = { id: head.id, companyId: head.companyId, filename: pdfFilename(head.number), stored: head.pdf, revision: revisionOf([LAYOUT, head.number, head.status, head.cancelReason, head.ewayBills[0]?.ewbNo ?? null]) };
  return pdfAnswer(doc, opts.ifNoneMatch, () =>
    storedPdf(ctx.db, pdfTables.challan, doc, async () => {
      const c = await getChallanOrThrow(ctx, id);
      const settings = await getBillingSettings(ctx.db, head.companyId);
      return renderPdf("challan", c, { signatoryName: settings.signatoryName });
    }),
  );
}
