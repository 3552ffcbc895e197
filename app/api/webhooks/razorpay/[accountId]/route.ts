// POST /api/webhooks/razorpay/{accountId} — Razorpay (and local gateway sandbox) webhook events.
// No cookie, no bearer token: the account's webhook secret and the HMAC over the raw body are the auth.
import { receiveWebhook } from "@/lib/billing/gateway/receive-webhook";

export async function POST(request: Request, { params }: { params: Promise<{ accountId: string }> }) {
  const rawBody = await request.text();
  const { accountId } = await params;
  return receiveWebhook({ door: "razorpay", publicId: accountId, rawBody, headers: request.headers });
}
