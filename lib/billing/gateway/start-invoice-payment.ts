import "server-only";
// The portal's Pay now on one invoice: a Razorpay (or sandbox) vendor is paid through Standard
// Checkout on a Razorpay Order; a Stripe vendor through its hosted Checkout Session (a pay link).
import { createCheckoutOrder, type CheckoutOrderView } from "@/lib/billing/gateway/create-checkout-order";
import { createPayLink } from "@/lib/billing/gateway/create-pay-link";
import type { GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";

export type InvoicePaymentStart = { kind: "checkout"; checkout: CheckoutOrderView } | { kind: "redirect"; url: string | null };

export async function startInvoicePayment(ctx: Ctx, invoiceId: string, deps: GatewayDeps = {}): Promise<InvoicePaymentStart> {
  const actor = ctx.actor;
  if (actor.kind !== "retailer") throw notFound("Invoice");
  const inv = await ctx.db.invoice.findFirst({ where: { id: String(invoiceId), retailerId: actor.retailerId }, select: { companyId: true } });
  if (!inv) throw notFound("Invoice");
  const account = await ctx.db.gatewayAccount.findFirst({ where: { companyId: inv.companyId, active: true }, orderBy: { createdAt: "asc" }, select: { provider: true } });
  if (account && account.provider !== "STRIPE") return { kind: "checkout", checkout: await createCheckoutOrder(ctx, String(invoiceId), {}, deps) };
  const link = await createPayLink(ctx, String(invoiceId), {}, deps);
  return { kind: "redirect", url: link.shortUrl };
}
