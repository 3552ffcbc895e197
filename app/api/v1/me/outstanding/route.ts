// GET /api/v1/me/outstanding — a retailer's outstanding and ageing with each of its vendors
import { getMyOutstanding } from "@/lib/billing/get-ageing";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx }) => ({ data: await getMyOutstanding(ctx) }));
