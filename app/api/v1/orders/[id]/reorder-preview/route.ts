// GET /api/v1/orders/{id}/reorder-preview — the order again at today's prices, with unavailable lines flagged
import { apiRoute } from "@/lib/http/route";
import { previewReorder } from "@/lib/orders/preview-reorder";

export const GET = apiRoute(({ ctx, params }) => previewReorder(ctx, params.id));
