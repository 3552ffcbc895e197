import "server-only";
// The e-way bill JSON of a tax invoice for download (to upload on the e-way bill portal), with its
// problems in words, whether the consignment needs one and how long it would be valid.
import { assertCan } from "@/lib/auth/permissions";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { ewayBillTransportInput } from "@/lib/billing/einvoice/einvoice.schemas";
import { loadInvoiceDocument } from "@/lib/billing/invoice-access";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { buildEwayBillJson, ewayBillRequired, ewayBillValidity, validateEwayBillJson, type EwayBillJson, type EwayProblem, type TransMode } from "@/lib/integrations/gst/ewaybill/ewaybill-json";
import { parseInput } from "@/lib/validation";

export type EwayBillView = {
  invoiceId: string;
  number: string;
  required: boolean;
  threshold: string;
  validityDays: number;
  /** If generated now. */
  validUntil: string;
  json: EwayBillJson;
  problems: EwayProblem[];
};

export async function getEwayBillJson(ctx: Ctx, invoiceId: string, transport: unknown): Promise<EwayBillView> {
  assertCan(ctx.actor, "billing.read");
  const t = parseInput(ewayBillTransportInput, transport);
  const doc = await loadInvoiceDocument(ctx.db, ctx.actor, invoiceId);
  if (doc.type !== "INVOICE") throw new AppError("validation", "An e-way bill goes with a tax invoice; credit and debit notes move no goods", { fieldErrors: { invoiceId: ["Not a tax invoice"] } });
  if (doc.status === "CANCELLED") throw new AppError("invalid_transition", `${doc.number} is cancelled; goods cannot move on it`);
  const settings = await getBillingSettings(ctx.db, ctx.actor.companyId);
  const json = buildEwayBillJson(doc, {
    vehicleNo: t.vehicleNo ?? null,
    transMode: (t.transMode ?? 1) as TransMode,
    transDistance: t.distanceKm,
    transporterId: t.transporterId ?? null,
    transporterName: t.transporterName ?? null,
    transDocNo: t.transDocNo ?? null,
    transDocDate: t.transDocDate ?? null,
  });
  const validity = ewayBillValidity(t.distanceKm, ctx.now());
  return {
    invoiceId: doc.id,
    number: doc.number,
    required: ewayBillRequired(doc, settings.ewayBillThreshold),
    threshold: settings.ewayBillThreshold.toFixed(2),
    validityDays: validity.days,
    validUntil: validity.validUntil.toISOString(),
    json,
    problems: validateEwayBillJson(json),
  };
}

/** Whether the invoice's consignment needs an e-way bill (the panel shows the download only then). */
export async function getEwayBillNeed(ctx: Ctx, invoiceId: string): Promise<{ required: boolean; threshold: string; value: string }> {
  assertCan(ctx.actor, "billing.read");
  const doc = await ctx.db.invoice.findFirst({ where: { id: invoiceId, companyId: ctx.actor.companyId }, select: { type: true, grandTotal: true } });
  if (!doc) throw new AppError("not_found", "Invoice not found");
  const settings = await getBillingSettings(ctx.db, ctx.actor.companyId);
  return { required: ewayBillRequired(doc, settings.ewayBillThreshold), threshold: settings.ewayBillThreshold.toFixed(2), value: doc.grandTotal.toFixed(2) };
}
