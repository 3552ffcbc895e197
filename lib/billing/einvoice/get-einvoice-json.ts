import "server-only";
// The IRP JSON of a document as it would be sent, with every problem in words (the "View IRP JSON"
// screen and GET /invoices/{id}/e-invoice/json). Vendor staff with billing.read only.
import { assertCan } from "@/lib/auth/permissions";
import { getBillingSettings } from "@/lib/billing/billing-settings";
import { loadInvoiceDocument } from "@/lib/billing/invoice-access";
import type { Ctx } from "@/lib/ctx";
import type { IrpInvoice, IrpProblem } from "@/lib/integrations/gst/einvoice/irp-types";
import { buildIrpJson } from "@/lib/integrations/gst/einvoice/irp-json";
import { validateIrpJson } from "@/lib/integrations/gst/einvoice/validate-irp-json";

export type EInvoiceJsonView = { invoiceId: string; number: string; irpMode: "SANDBOX" | "NIC"; json: IrpInvoice; problems: IrpProblem[] };

export async function getEInvoiceJson(ctx: Ctx, invoiceId: string): Promise<EInvoiceJsonView> {
  assertCan(ctx.actor, "billing.read");
  const doc = await loadInvoiceDocument(ctx.db, ctx.actor, invoiceId);
  const settings = await getBillingSettings(ctx.db, ctx.actor.companyId);
  const sandbox = settings.irpMode !== "NIC";
  const json = buildIrpJson(doc);
  return { invoiceId: doc.id, number: doc.number, irpMode: sandbox ? "SANDBOX" : "NIC", json, problems: validateIrpJson(json, { sandbox }) };
}
