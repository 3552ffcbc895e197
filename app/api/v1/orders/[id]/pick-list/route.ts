// GET /api/v1/orders/{id}/pick-list — what to pick for an order: SKU, barcode, quantity and packs (staff)
import { apiRoute } from "@/lib/http/route";
import { getPickList } from "@/lib/orders/get-pick-list";

export const GET = apiRoute(({ ctx, params }) => getPickList(ctx, params.id));
