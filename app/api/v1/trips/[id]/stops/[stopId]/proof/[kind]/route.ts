// GET /api/v1/trips/{id}/stops/{stopId}/proof/{kind} — the signature or photo of a stop's proof of delivery
import { imageResponse } from "@/lib/http/image-response";
import { apiRoute } from "@/lib/http/route";
import { getProofOfDeliveryFile } from "@/lib/logistics/trips/get-proof-of-delivery-file";

export const GET = apiRoute(async ({ ctx, params }) => {
  const file = await getProofOfDeliveryFile(ctx, params.id, params.stopId, params.kind);
  return imageResponse(file.data, file.contentType, { name: `${params.kind}-${params.stopId}`, cacheControl: "private, max-age=300" });
});
