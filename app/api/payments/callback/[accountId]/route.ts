// GET /api/payments/callback/{accountId} — where the payer's browser returns from the gateway's page.
// It verifies Razorpay's callback signature and only hurries the same fetch-and-apply job; the
// webhook records the payment whether or not the browser ever comes back.
import { handleGatewayCallback } from "@/lib/billing/gateway/gateway-callback";

export async function GET(request: Request, { params }: { params: Promise<{ accountId: string }> }) {
  const { accountId } = await params;
  const url = new URL(request.url);
  const { redirectTo } = await handleGatewayCallback({ publicId: accountId, url });
  return new Response(null, { status: 303, headers: { location: new URL(redirectTo, url).toString() } });
}
