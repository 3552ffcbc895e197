// GET /api/v1/shipments/{id}/rates — own fleet's estimated cost beside the couriers of every active shipping partner (?cod=true)
import { getShipmentRates } from "@/lib/logistics/shipping/rates";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(({ ctx, params, url }) => getShipmentRates(ctx, params.id, { cod: url.searchParams.get("cod") ?? undefined }));
