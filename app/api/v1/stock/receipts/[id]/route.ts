// GET /api/v1/stock/receipts/{id} — one goods receipt with its lines
import { getGoodsReceiptOrThrow } from "@/lib/inventory/goods-receipts";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getGoodsReceiptOrThrow(ctx, params.id));
