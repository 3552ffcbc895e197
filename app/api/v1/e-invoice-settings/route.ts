// GET|PATCH /api/v1/e-invoice-settings — e-invoicing on/off, IRP mode and NIC credentials (passwords write-only)
import { getEInvoiceSettings, updateEInvoiceSettings } from "@/lib/billing/einvoice/einvoice-settings";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx }) => getEInvoiceSettings(ctx));
export const PATCH = apiRoute(({ ctx, body }) => updateEInvoiceSettings(ctx, body ?? {}));
