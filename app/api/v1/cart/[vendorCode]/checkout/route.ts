// POST /api/v1/cart/{vendorCode}/checkout — place the cart as an order (Idempotency-Key honoured); the ordered lines leave the cart
import { apiRoute, created } from "@/lib/http/route";
import { checkoutBody } from "@/lib/orders/cart.schemas";
import { checkout } from "@/lib/orders/checkout";
import { placedOrderReply } from "@/lib/orders/placed-order-reply";
import { parseInput } from "@/lib/validation";

export const POST = apiRoute(async ({ ctx, params, req, body }) => {
  const data = parseInput(checkoutBody, body ?? {});
  // With an access token it is the API (mobile app); with a browser session, the portal.
  const source = req.headers.has("authorization") ? "API" : "PORTAL";
  return created(await checkout(ctx, { ...data, vendorCode: params.vendorCode }, { source }));
}, { answerCommitted: placedOrderReply });
