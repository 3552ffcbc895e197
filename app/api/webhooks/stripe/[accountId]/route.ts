// POST /api/webhooks/stripe/{accountId} — Stripe webhook events (Stripe-Signature, 300 s tolerance).
// No cookie, no bearer token: the endpoint's signing secret over the raw body is the auth.
import { receiveWebhook } from "@/lib/billing/gateway/receive-webhook";

export async function POST(request: Request, { params }: { params: Promise<{ accountId: string }> }) {
  const rawBody = await request.text();
  const { accountId } = await params;
  return receiveWebhook({ door: "stripe", publicId: accountId, rawBody, headers: request.headers });
}
