// GET /api/v1/challans/{id} — one delivery challan: parties, lines, totals, shipment and e-way bills
import { apiRoute } from "@/lib/http/route";
import { getChallanOrThrow } from "@/lib/logistics/challans/challan-views";

export const GET = apiRoute(({ ctx, params }) => getChallanOrThrow(ctx, params.id));
