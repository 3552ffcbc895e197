// GET /api/v1/retailers/{id} — one connected retailer: terms, business, contacts, activity ({id} is the connection id)
import { apiRoute } from "@/lib/http/route";
import { getRetailerDetailOrThrow } from "@/lib/network/connections";

export const GET = apiRoute(({ ctx, params }) => getRetailerDetailOrThrow(ctx, params.id));
