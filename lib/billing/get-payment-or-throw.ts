import "server-only";
// One receipt or refund with its allocations: vendor staff (billing.read) see their company's,
// a retailer its own business's; any other payment is not_found.
import type { Ctx } from "@/lib/ctx";
import { loadPaymentView, type PaymentView } from "@/lib/billing/payment-views";

export async function getPaymentOrThrow(ctx: Ctx, paymentId: string): Promise<PaymentView> {
  return loadPaymentView(ctx.db, ctx.actor, paymentId);
}
