// POST /api/v1/warehouses/{id}/set-default|deactivate|activate — change a warehouse's status
import { changeWarehouseStatus } from "@/lib/inventory/warehouses";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params }) => changeWarehouseStatus(ctx, params.id, params.action));
