import "server-only";
// The live totals of the new-invoice form: the same pricing and tax as issueInvoice (priceDirectInvoice
// and build-document), run without writing anything, so what the form shows is what will be issued;
// `document` is the whole invoice as it will read (toDocumentPreview), shown before the final click.
import { assertCan } from "@/lib/auth/permissions";
import { issueInvoiceInput, type IssueInvoiceInput } from "@/lib/billing/billing.schemas";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { connectionShipTo, freezeParties } from "@/lib/billing/build-document";
import { toDocumentPreview, type DocumentPreview } from "@/lib/billing/document-preview";
import { approvedConnection, priceDirectInvoice, readDirectInvoiceInputsFor } from "@/lib/billing/issue-invoice";
import { documentDate, isBackdated } from "@/lib/billing/write-document";
import type { Ctx } from "@/lib/ctx";
import { istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

export type InvoicePreview = {
  taxType: "intra" | "inter";
  lines: { description: string; hsnCode: string; quantity: string; unitPrice: string; taxableValue: string; gstRate: string; rateSource: string; tax: string; lineTotal: string }[];
  totals: { taxable: string; discount: string; cgst: string; sgst: string; igst: string; cess: string; roundOff: string; grandTotal: string };
  /** The issue date is more than 30 days back (allowed, but worth a second look). */
  backdated: boolean;
  document: DocumentPreview;
};

export async function previewInvoice(ctx: Ctx, input: IssueInvoiceInput | unknown): Promise<InvoicePreview> {
  assertCan(ctx.actor, "billing.write");
  const companyId = ctx.actor.companyId;
  const data = parseInput(issueInvoiceInput, input);
  const issueDate = documentDate(ctx, data.issueDate);
  const inputs = await readDirectInvoiceInputsFor(ctx.db, companyId, issueDate, data);
  const connection = approvedConnection(inputs.connection);
  const { built, placeOfSupply, supplyType } = priceDirectInvoice(inputs, { issueDate, data });
  const parties = freezeParties(inputs.company, connection.retailer, connection, connectionShipTo(connection, connection.retailer.tradeName ?? connection.retailer.legalName));
  const settings = await getBillingSettings(ctx.db, companyId);
  const document = await toDocumentPreview(ctx.db, { companyId, type: "INVOICE", settings, issueDate, dueInDays: connection.paymentTermsDays, placeOfSupply, supplyType, parties, built, buyerReference: data.buyerReference, notes: data.notes, now: ctx.now() });
  const t = built.totals;
  return {
    taxType: built.taxType,
    lines: built.lines.map((l) => ({
      description: l.description,
      hsnCode: l.hsnCode,
      quantity: l.quantity.toFixed(3),
      unitPrice: l.unitPrice.toFixed(2),
      taxableValue: l.taxableValue.toFixed(2),
      gstRate: l.gstRate.toFixed(2),
      rateSource: l.rateSource,
      tax: l.cgstAmount.plus(l.sgstAmount).plus(l.igstAmount).plus(l.cessAmount).toFixed(2),
      lineTotal: l.lineTotal.toFixed(2),
    })),
    totals: { taxable: t.taxable.toFixed(2), discount: t.discount.toFixed(2), cgst: t.cgst.toFixed(2), sgst: t.sgst.toFixed(2), igst: t.igst.toFixed(2), cess: t.cess.toFixed(2), roundOff: t.roundOff.toFixed(2), grandTotal: t.grandTotal.toFixed(2) },
    backdated: isBackdated(data.issueDate ?? istDay(ctx.now()), ctx.now()),
    document,
  };
}
