// POST /api/v1/products/import?kind=products|prices&dryRun=true — import products or prices from the CSV/XLSX body
import { importCatalogFile } from "@/lib/catalog/import/import-file";
import { IMPORT_MAX_BYTES } from "@/lib/catalog/import/read-sheet";
import { apiRoute } from "@/lib/http/route";

export const POST = apiRoute(
  ({ ctx, url, bytes, contentType }) => importCatalogFile(ctx, { kind: url.searchParams.get("kind"), dryRun: url.searchParams.get("dryRun"), bytes, contentType }),
  { body: "binary", maxBytes: IMPORT_MAX_BYTES },
);
