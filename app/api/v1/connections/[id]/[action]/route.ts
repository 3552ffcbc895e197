// POST /api/v1/connections/{id}/suspend|reactivate|end — change a connection's status
import { apiRoute } from "@/lib/http/route";
import { changeConnectionStatus } from "@/lib/network/connections";

export const POST = apiRoute(({ ctx, params }) => changeConnectionStatus(ctx, params.id, params.action));
