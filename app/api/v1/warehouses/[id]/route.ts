// GET /api/v1/warehouses/{id} — one warehouse; PATCH — change its code, name or address
import { getWarehouseOrThrow, updateWarehouse } from "@/lib/inventory/warehouses";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getWarehouseOrThrow(ctx, params.id));

export const PATCH = apiRoute(({ ctx, params, body }) => updateWarehouse(ctx, params.id, body ?? {}));
