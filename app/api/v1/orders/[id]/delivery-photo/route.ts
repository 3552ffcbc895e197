// GET /api/v1/orders/{id}/delivery-photo — the proof-of-delivery photo (404 when none was taken)
import { notFound } from "@/lib/errors";
import { imageResponse } from "@/lib/http/image-response";
import { apiRoute } from "@/lib/http/route";
import { getOrderDeliveryPhoto } from "@/lib/orders/get-order-delivery-photo";

export const GET = apiRoute(async ({ ctx, params }) => {
  const photo = await getOrderDeliveryPhoto(ctx, params.id);
  if (!photo) throw notFound("Delivery photo");
  return imageResponse(photo.data, photo.contentType, { name: `delivery-${params.id}`, cacheControl: "private, max-age=300" });
});
