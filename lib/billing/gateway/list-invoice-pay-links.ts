import "server-only";
import { invoiceScope } from "@/lib/billing/invoice-access";
import { payLinkArgs, payLinkScope, toPayLinkView, type PayLinkView } from "@/lib/billing/gateway/pay-link-views";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";

/** The pay links made for one invoice or debit note, newest first, with their payments. */
export async function listInvoicePayLinks(ctx: Ctx, invoiceId: string): Promise<PayLinkView[]> {
  const inv = await ctx.db.invoice.findFirst({ where: { id: invoiceId, ...invoiceScope(ctx.actor) }, select: { id: true } });
  if (!inv) throw notFound("Invoice");
  const rows = await ctx.db.payLink.findMany({ where: { invoiceId, ...payLinkScope(ctx.actor) }, orderBy: { createdAt: "desc" }, take: 50, ...payLinkArgs });
  return rows.map(toPayLinkView);
}
