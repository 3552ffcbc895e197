import "server-only";
// The one entry for an uploaded file: products or prices, dry run or real.
import { importPrices } from "@/lib/catalog/import/import-prices";
import { importProducts } from "@/lib/catalog/import/import-products";
import type { ImportResult } from "@/lib/catalog/import/import-support";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";

export async function importCatalogFile(ctx: Ctx, input: { kind: string | null; dryRun: string | boolean | null; bytes: Buffer | undefined; contentType: string | null }): Promise<ImportResult> {
  if (input.kind !== "products" && input.kind !== "prices") throw new AppError("validation", "kind must be products or prices", { fieldErrors: { kind: ["Choose products or prices"] } });
  const flag = typeof input.dryRun === "boolean" ? String(input.dryRun) : (input.dryRun ?? "false").toLowerCase();
  if (!["true", "false", "1", "0", ""].includes(flag)) throw new AppError("validation", "dryRun must be true or false", { fieldErrors: { dryRun: ["Use true or false"] } });
  const args = { bytes: input.bytes, contentType: input.contentType, dryRun: flag === "true" || flag === "1" };
  return input.kind === "products" ? importProducts(ctx, args) : importPrices(ctx, args);
}
