import "server-only";
// Where the payer's browser lands after the gateway's page (Razorpay payment links append
// razorpay_payment_id, razorpay_payment_link_id, razorpay_payment_link_reference_id,
// razorpay_payment_link_status and razorpay_signature; Stripe Checkout appends session_id). The
// callback is never trusted to record anything: a valid Razorpay signature (HMAC-SHA256 with the KEY
// secret over link_id|reference_id|status|payment_id — not the webhook secret) only enqueues the same
// fetch-and-apply the webhook job does, so callback and webhook racing still give one receipt. The
// browser is then sent to the invoice the link was for (found from our own rows, never from the URL).
import { createHmac, timingSafeEqual } from "node:crypto";
import { applyPayment } from "@/lib/billing/gateway/apply-webhook-event";
import { gatewayFor, type GatewayDeps } from "@/lib/billing/gateway/gateway-for";
import { decryptSecret } from "@/lib/billing/secrets";
import { makeCtx } from "@/lib/ctx";
import { prisma, type PrismaClient } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue";
import type { JobData } from "@/lib/jobs/queues";

/** Razorpay's payment-link callback signature (the SDK's validatePaymentVerification computes the same). */
export function razorpayLinkCallbackSignature(keySecret: string, p: { linkId: string; referenceId: string; status: string; paymentId: string }): string {
  return createHmac("sha256", keySecret).update(`${p.linkId}|${p.referenceId}|${p.status}|${p.paymentId}`).digest("hex");
}

export async function handleGatewayCallback(args: { publicId: string; url: URL; db?: PrismaClient }): Promise<{ redirectTo: string; verified: boolean; queued: boolean }> {
  const db = args.db ?? prisma;
  const q = args.url.searchParams;
  const account = /^gwa_[A-Za-z0-9]{10,40}$/.test(args.publicId) ? await db.gatewayAccount.findUnique({ where: { publicId: args.publicId } }) : null;
  if (!account) return { redirectTo: "/portal/invoices", verified: false, queued: false };
  const linkId = account.provider === "STRIPE" ? q.get("session_id") : q.get("razorpay_payment_link_id");
  const link = linkId ? await db.payLink.findFirst({ where: { accountId: account.id, gatewayLinkId: linkId }, select: { invoiceId: true, gatewayLinkId: true } }) : null;
  if (!link) return { redirectTo: "/portal/invoices", verified: false, queued: false };
  const back = link.invoiceId ? `/portal/invoices/${link.invoiceId}?paid=1` : "/portal/invoices";

  let verified = false;
  let paymentId: string | null = null;
  if (account.provider === "STRIPE") {
    // Stripe signs nothing here; the session id only names what to fetch (from Stripe, with our key).
    verified = true;
  } else {
    paymentId = q.get("razorpay_payment_id");
    const signature = q.get("razorpay_signature") ?? "";
    if (paymentId) {
      const expected = Buffer.from(razorpayLinkCallbackSignature(decryptSecret(account.keySecretEnc), { linkId: linkId!, referenceId: q.get("razorpay_payment_link_reference_id") ?? "", status: q.get("razorpay_payment_link_status") ?? "", paymentId }));
      const given = Buffer.from(signature);
      verified = given.length === expected.length && timingSafeEqual(given, expected);
    }
  }
  if (!verified) return { redirectTo: back, verified: false, queued: false };
  await db.$transaction((tx) => enqueueJob(tx, "gateway-payment-sync", { accountId: account.id, linkId: link.gatewayLinkId, paymentId }));
  return { redirectTo: back, verified: true, queued: true };
}

/** The job: fetch the named payment (or the link's payments) and apply each exactly as a webhook would. */
export async function syncGatewayPayment(data: JobData["gateway-payment-sync"], deps: GatewayDeps & { db?: PrismaClient } = {}): Promise<number> {
  const db = deps.db ?? prisma;
  const account = await db.gatewayAccount.findUnique({ where: { id: data.accountId } });
  if (!account) return 0;
  const gw = gatewayFor(db, account, deps);
  const link = data.linkId ? await db.payLink.findFirst({ where: { accountId: account.id, gatewayLinkId: data.linkId } }) : null;
  const ids = data.paymentId ? [data.paymentId] : !data.linkId ? [] : link?.kind === "CHECKOUT" && gw.orders ? await gw.orders.paymentIds(data.linkId) : (await gw.fetchLink(data.linkId)).paymentIds;
  const ctx = makeCtx({ kind: "system", userId: null, name: "Payment callback", companyId: account.companyId }, { db, now: deps.now });
  for (const id of ids) await applyPayment(ctx, account, await gw.fetchPayment(id), link);
  return ids.length;
}
