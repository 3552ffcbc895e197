import "server-only";
// The PDF of one delivery challan for staff who may read logistics documents (another company's is not_found).
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { pdfFilename } from "@/lib/billing/pdf-filename";
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { renderChallanPdf } from "./challan-pdf";
import { getChallanOrThrow } from "./challan-views";

export async function getChallanPdf(ctx: Ctx, id: string): Promise<{ bytes: Buffer; filename: string }> {
  assertCan(ctx.actor, "logistics.read");
  const c = await getChallanOrThrow(ctx, id);
  const settings = await getBillingSettings(ctx.db, ctx.actor.companyId);
  return { bytes: await renderChallanPdf(c, { signatoryName: settings.signatoryName }), filename: pdfFilename(c.number) };
}
