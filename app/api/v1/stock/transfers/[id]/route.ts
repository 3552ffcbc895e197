// GET /api/v1/stock/transfers/{id} — one transfer with its lines
import { getTransferOrThrow } from "@/lib/inventory/transfers";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params }) => getTransferOrThrow(ctx, params.id));
