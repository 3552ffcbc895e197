// GET /api/v1/openapi.json — the OpenAPI 3.1 document of this API
import { buildOpenApiDocument } from "@/lib/http/openapi";
import { publicRoute } from "@/lib/http/route";

export const GET = publicRoute(async () => buildOpenApiDocument());
