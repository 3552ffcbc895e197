// Input of the retailer portal's catalog browser (screen and /api/v1/me/vendors/{code}/catalog).
import { z } from "zod";
import { optionalText } from "@/lib/validation";

export const browseCatalogInput = z.strictObject({
  /** The vendor's public code (e.g. "SGAF"). */
  vendor: z.string().trim().toUpperCase().min(1, "Choose a vendor"),
  q: optionalText(100),
  categoryId: z.preprocess((v) => (v === "" ? undefined : v), z.string().trim().min(1).optional()),
  inStockOnly: z.preprocess((v) => v === true || v === "true" || v === "1", z.boolean()).optional(),
  offset: z.coerce.number().int().min(0).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});
export type BrowseCatalogInput = z.input<typeof browseCatalogInput>;
