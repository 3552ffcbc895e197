// GET /api/v1/vendors/lookup?query= — a retailer finds a vendor by its public code or GSTIN
import { apiRoute } from "@/lib/http/route";
import { findVendor } from "@/lib/network/join-requests";

export const GET = apiRoute(({ ctx, url }) => findVendor(ctx, { query: url.searchParams.get("query") ?? "" }));
