// GET /api/v1/me/home — a retailer's home: dues per vendor, orders on the way, usual items to reorder
import { apiRoute } from "@/lib/http/route";
import { getMyHome } from "@/lib/portal/get-my-home";

export const GET = apiRoute(async ({ ctx }) => getMyHome(ctx));
