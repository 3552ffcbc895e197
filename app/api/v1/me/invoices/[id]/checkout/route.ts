// POST /api/v1/me/invoices/{id}/checkout — as the retailer, open Razorpay Standard Checkout on an order for an invoice
import { createCheckoutOrder } from "@/lib/billing/gateway/create-checkout-order";
import { apiRoute, created } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, params, body }) => created(await createCheckoutOrder(ctx, params.id, body ?? {})));
