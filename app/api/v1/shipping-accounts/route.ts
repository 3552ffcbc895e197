// GET /api/v1/shipping-accounts — the company's shipping partner accounts; POST — add one (the webhook token is shown once)
import { addShippingAccount, listShippingAccounts } from "@/lib/logistics/shipping/shipping-accounts";
import { apiRoute, created } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx }) => ({ data: await listShippingAccounts(ctx) }));

export const POST = apiRoute(async ({ ctx, body }) => created(await addShippingAccount(ctx, body ?? {})));
