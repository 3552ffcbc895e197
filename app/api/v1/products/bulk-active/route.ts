// POST /api/v1/products/bulk-active — activate or deactivate many products: { ids, active } → { count }
import { bulkSetActive } from "@/lib/catalog/bulk-set-active";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, body }) => bulkSetActive(ctx, body ?? {}));
