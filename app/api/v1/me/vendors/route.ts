// GET /api/v1/me/vendors — a retailer's vendors with status, credit limit and terms
import { apiRoute } from "@/lib/http/route";
import { listMyVendors } from "@/lib/network/my-vendors";

export const GET = apiRoute(async ({ ctx }) => ({ data: await listMyVendors(ctx) }));
