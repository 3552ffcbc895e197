// GET /api/v1/products/import/template?kind=products|prices&format=csv|xlsx — a blank import file with an example row
import { importTemplate } from "@/lib/catalog/export/import-template";
import { download } from "@/lib/catalog/export/download";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => download(await importTemplate(ctx, Object.fromEntries(url.searchParams))));
