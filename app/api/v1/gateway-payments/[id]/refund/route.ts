// POST /api/v1/gateway-payments/{id}/refund — refund a received gateway payment in full or in part
import { refundGatewayPayment } from "@/lib/billing/gateway/refund-gateway-payment";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(({ ctx, params, body }) => refundGatewayPayment(ctx, params.id, body ?? {}));
