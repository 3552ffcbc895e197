import "server-only";
// What the portal's invoice page shows about paying online: whether the vendor takes online payments
// (an active gateway account), and the document's pay links with their payments (latest first).
import { hasActiveGatewayAccount } from "@/lib/billing/gateway/gateway-accounts";
import { listInvoicePayLinks } from "@/lib/billing/gateway/list-invoice-pay-links";
import type { PayLinkView } from "@/lib/billing/gateway/pay-link-views";
import { invoiceScope } from "@/lib/billing/invoice-access";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";

export type InvoicePayOptions = { online: boolean; links: PayLinkView[] };

export async function getInvoicePayOptions(ctx: Ctx, invoiceId: string): Promise<InvoicePayOptions> {
  const inv = await ctx.db.invoice.findFirst({ where: { id: invoiceId, ...invoiceScope(ctx.actor) }, select: { companyId: true, type: true } });
  if (!inv) throw notFound("Invoice");
  if (inv.type === "CREDIT_NOTE") return { online: false, links: [] };
  return { online: await hasActiveGatewayAccount(ctx.db, inv.companyId), links: await listInvoicePayLinks(ctx, invoiceId) };
}
