// POST /api/v1/orders/{id}/deliver — proof of delivery: receiver, time, note and an optional photo (base64, up to 2 MB)
import { apiRoute } from "@/lib/http/route";
import { deliverOrder } from "@/lib/orders/deliver-order";

// A 2 MB photo is about 2.7 MB in base64, so this route takes bodies up to 3 MB.
export const POST = apiRoute(({ ctx, params, body }) => deliverOrder(ctx, params.id, body ?? {}), { maxBytes: 3 * 1024 * 1024 });
