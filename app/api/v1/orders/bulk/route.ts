// POST /api/v1/orders/bulk — confirm, pack or invoice many orders, with a result per order
import { apiRoute } from "@/lib/http/route";
import { bulkOrders } from "@/lib/orders/bulk-orders";

export const POST = apiRoute(({ ctx, body }) => bulkOrders(ctx, body ?? {}));
