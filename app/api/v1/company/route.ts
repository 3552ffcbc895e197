// GET /api/v1/company — the acting company's profile; PATCH — update it
import { getCompanyOrThrow } from "@/lib/company/get-company";
import { updateCompany } from "@/lib/company/update-company";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx }) => getCompanyOrThrow(ctx));
export const PATCH = apiRoute(({ ctx, body }) => updateCompany(ctx, body ?? {}));
