// GET /api/v1/eway-bills/settings — e-way bill settings (credentials shown only as set / not set); PATCH — change them
import { apiRoute } from "@/lib/http/route";
import { getEwayBillSettings, updateEwayBillSettings } from "@/lib/logistics/ewaybills/ewaybill-settings";

export const GET = apiRoute(({ ctx }) => getEwayBillSettings(ctx));
export const PATCH = apiRoute(({ ctx, body }) => updateEwayBillSettings(ctx, body ?? {}));
