// GET /api/v1/me/business — the retailer's business profile and users; PATCH — update it (owner only)
import { apiRoute } from "@/lib/http/route";
import { getMyBusiness, updateMyBusiness } from "@/lib/network/my-vendors";

export const GET = apiRoute(({ ctx }) => getMyBusiness(ctx));
export const PATCH = apiRoute(({ ctx, body }) => updateMyBusiness(ctx, body ?? {}));
