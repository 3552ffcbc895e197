// GET /api/v1/billing-settings — the company's document series, e-way bill threshold, mail on issue, terms and signatory; PATCH — change them
import { readBillingSettings, updateBillingSettings } from "@/lib/billing/billing-settings";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx }) => readBillingSettings(ctx));

export const PATCH = apiRoute(({ ctx, body }) => updateBillingSettings(ctx, body ?? {}));
