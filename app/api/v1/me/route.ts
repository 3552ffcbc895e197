// GET /api/v1/me — who the token or session acts as, and the companies it can switch to
import { listMyCompanies } from "@/lib/company/list-my-companies";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ actor, ctx }) => ({ ...actor, companies: await listMyCompanies(ctx) }));
