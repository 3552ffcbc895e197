// GET /api/v1/products/export?kind=products|prices&format=csv|xlsx&priceListId= — products (list filters apply) or prices as a file
import { download } from "@/lib/catalog/export/download";
import { exportPrices } from "@/lib/catalog/export/export-prices";
import { exportProducts } from "@/lib/catalog/export/export-products";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/route";

export const GET = apiRoute(async ({ ctx, url }) => {
  const { kind = "products", ...query } = Object.fromEntries(url.searchParams);
  if (kind === "products") return download(await exportProducts(ctx, query));
  if (kind === "prices") return download(await exportPrices(ctx, query));
  throw new AppError("validation", "kind must be products or prices", { fieldErrors: { kind: ["Choose products or prices"] } });
});
