// GET  /api/payments/callback/{accountId} — where the payer's browser returns from a gateway's hosted pay page.
// POST /api/payments/callback/{accountId} — Standard Checkout's success handler posts its three signed fields.
// Both verify the gateway's signature (with the key secret) and only hurry the same fetch-and-apply
// job; the webhook records the payment whether or not the browser ever comes back.
import { confirmCheckout } from "@/lib/billing/gateway/confirm-checkout";
import { handleGatewayCallback } from "@/lib/billing/gateway/gateway-callback";
import { publicRoute } from "@/lib/http/route";

export const GET = publicRoute(async ({ params, url }) => {
  const { redirectTo } = await handleGatewayCallback({ publicId: params.accountId, url });
  return new Response(null, { status: 303, headers: { location: new URL(redirectTo, url).toString() } });
});

export const POST = publicRoute(async ({ params, body }) => confirmCheckout({ publicId: params.accountId, body }));
