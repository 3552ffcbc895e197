import "server-only";
// Where Standard Checkout's success handler (checkout.js, the mobile SDK, or the sandbox checkout that
// stands in for them) posts razorpay_payment_id, razorpay_order_id and razorpay_signature. The
// signature is HMAC-SHA256(order_id|payment_id) with the account's KEY secret (not the webhook secret),
// compared in constant time. A valid one records nothing by itself: it only enqueues the same
// fetch-and-apply the webhook job does (gateway-payment-sync), so the callback and the webhook racing
// each other still give one receipt, and a browser that never comes back loses nothing.
import { checkoutCallbackInput } from "@/lib/billing/gateway/gateway.schemas";
import { gatewayFor, type GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import { prisma, type PrismaClient } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { log } from "@/lib/log";
import { parseInput } from "@/lib/validation";

export type CheckoutConfirmation = { verified: true; queued: true; checkoutId: string; invoiceId: string | null; redirectTo: string };

export async function confirmCheckout(args: { publicId: string; body: unknown; db?: PrismaClient; deps?: GatewayDeps }): Promise<CheckoutConfirmation> {
  const db = args.db ?? prisma;
  const data = parseInput(checkoutCallbackInput, args.body ?? {});
  const account = /^gwa_[A-Za-z0-9]{10,40}$/.test(args.publicId) ? await db.gatewayAccount.findUnique({ where: { publicId: args.publicId } }) : null;
  if (!account || account.provider === "STRIPE") throw notFound("Gateway account");
  const checkout = await db.payLink.findFirst({ where: { accountId: account.id, kind: "CHECKOUT", gatewayLinkId: data.razorpay_order_id }, select: { id: true, invoiceId: true } });
  if (!checkout) throw notFound("Checkout order");

  const gw = gatewayFor(db, account, args.deps);
  const ok = gw.orders?.verifyCheckout({ orderId: data.razorpay_order_id, paymentId: data.razorpay_payment_id, signature: data.razorpay_signature }) ?? false;
  if (!ok) {
    log("warn", "checkout callback refused", { accountId: account.id, orderId: data.razorpay_order_id, reason: "invalid_signature" });
    throw new AppError("bad_request", "razorpay_signature does not match the order and payment", { fieldErrors: { razorpay_signature: ["Does not match the order and payment"] } });
  }
  await db.$transaction((tx) => enqueueJob(tx, "gateway-payment-sync", { accountId: account.id, linkId: data.razorpay_order_id, paymentId: data.razorpay_payment_id }));
  return { verified: true, queued: true, checkoutId: checkout.id, invoiceId: checkout.invoiceId, redirectTo: checkout.invoiceId ? `/portal/invoices/${checkout.invoiceId}?paid=1` : "/portal/invoices" };
}
