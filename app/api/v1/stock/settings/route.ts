// GET /api/v1/stock/settings — stock settings; PATCH — show exact stock to retailers or not
import { getStockSettings, setShowStockToRetailers } from "@/lib/inventory/settings";
import { stockSettingsInput } from "@/lib/inventory/inventory.schemas";
import { apiRoute } from "@/lib/http/route";
import { parseInput } from "@/lib/validation";

export const GET = apiRoute(({ ctx }) => getStockSettings(ctx));

export const PATCH = apiRoute(({ ctx, body }) => setShowStockToRetailers(ctx, parseInput(stockSettingsInput, body ?? {}).showStockToRetailers));
