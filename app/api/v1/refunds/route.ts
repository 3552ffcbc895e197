// POST /api/v1/refunds — pay back a retailer's unapplied credit (advance or credit note balance)
import { recordRefund } from "@/lib/billing/record-refund";
import { apiRoute, created } from "@/lib/http/route";

export const POST = apiRoute(async ({ ctx, body }) => created(await recordRefund(ctx, body ?? {})));
