// Product and category input, shared by the product form, the REST API and the CSV/XLSX import.
import { z } from "zod";
import { isUnitCode, UNIT_CODES, unitQuantityErrors, type UnitCode } from "@/lib/catalog/units";
import { amountSchema, booleanSchema, numberFromText, optionalText, positiveQuantitySchema, priceSchema, quantitySchema, requiredText } from "@/lib/validation";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blankToNull, s.nullable().optional());
const bool = booleanSchema;

/** GST rates in percent that the GST Council has notified (goods), including the 2025 40% slab. */
export const GST_RATES = ["0", "0.1", "0.25", "1", "1.5", "3", "5", "6", "7.5", "12", "18", "28", "40"] as const;

export const unitSchema = z
  .string({ error: "Unit is required" })
  .trim()
  .toUpperCase()
  .refine((v): v is UnitCode => isUnitCode(v), `Use a unit code: ${UNIT_CODES.join(", ")}`);

/** HSN: 4, 6 or 8 digits (turnover up to ₹5 crore may print 4; e-invoices need 6+). */
export const hsnSchema = z
  .string({ error: "HSN code is required" })
  .trim()
  .regex(/^\d{4}(\d{2}){0,2}$/, "HSN code is 4, 6 or 8 digits");

export const gstRateSchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(/%$/, "").replace(/\.0+$/, "").replace(/(\.\d*?)0+$/, "$1"))
  .refine((v) => (GST_RATES as readonly string[]).includes(v), `GST rate must be one of ${GST_RATES.join(", ")} %`);

export const skuSchema = z
  .string({ error: "SKU is required" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9._/-]{0,39}$/, "SKU: up to 40 letters, digits, . _ / -");

const percentSchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(/%$/, ""))
  .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 100, "Enter a percentage, e.g. 12 or 12.5");

/**
 * Days from ordering to receiving a product, a whole number 0–365 (0: made or bought the same day).
 * Empty (null) leaves the reorder report's default lead time to apply.
 */
export const LEAD_TIME_MAX_DAYS = 365;
export const leadTimeDaysSchema = z.preprocess(
  numberFromText,
  z
    .number({ error: "Enter the lead time in whole days, e.g. 7" })
    .int("Lead time is whole days")
    .min(0, "Lead time cannot be negative")
    .max(LEAD_TIME_MAX_DAYS, `Lead time is at most ${LEAD_TIME_MAX_DAYS} days`),
);

export const productFields = {
  sku: skuSchema,
  name: requiredText("Name", 200),
  description: optionalText(2000),
  categoryId: optional(z.string().trim().min(1)),
  brand: optionalText(100),
  hsnCode: hsnSchema,
  gstRate: gstRateSchema,
  cessRate: percentSchema.optional(),
  unit: unitSchema,
  packUnit: optional(unitSchema),
  packSize: optional(positiveQuantitySchema),
  sellInPacks: bool.optional(),
  mrp: optional(priceSchema("MRP")),
  basePrice: priceSchema("Selling price"),
  costPrice: optional(amountSchema),
  taxInclusive: bool.optional(),
  barcode: optional(z.string().trim().regex(/^[0-9A-Za-z-]{4,32}$/, "Barcode: 4–32 letters or digits")),
  active: bool.optional(),
  minOrderQty: positiveQuantitySchema.optional(),
  reorderLevel: quantitySchema.optional(),
  leadTimeDays: optional(leadTimeDaysSchema),
};

export type ProductShape = {
  unit?: string;
  packUnit?: string | null;
  packSize?: string | null;
  sellInPacks?: boolean;
  mrp?: string | null;
  basePrice?: string;
  taxInclusive?: boolean;
  minOrderQty?: string;
  reorderLevel?: string;
};

/**
 * Rules across fields: a pack needs both unit and size; a price above MRP is not allowed (Legal
 * Metrology); the quantities of the product (pack size, minimum order, reorder level) are counted
 * in its unit, so they fit it (whole numbers of PCS, up to 3 decimals of KGS).
 */
function checkProduct(p: ProductShape, ctx: z.RefinementCtx) {
  for (const issue of productRuleIssues(p)) ctx.addIssue({ code: "custom", path: [issue.field], message: issue.message });
}

/**
 * The cross-field rules as a list, so an update can check them against the product as it will be
 * after the change (a PATCH of packSize alone must still agree with the stored packUnit).
 */
export function productRuleIssues(p: ProductShape): { field: string; message: string }[] {
  const issues: { field: string; message: string }[] = [];
  if (p.packUnit && !p.packSize) issues.push({ field: "packSize", message: "Enter how many units are in one pack" });
  if (p.packSize && !p.packUnit) issues.push({ field: "packUnit", message: "Choose the pack unit (e.g. BOX)" });
  if (p.sellInPacks && !p.packSize) issues.push({ field: "sellInPacks", message: "Selling in whole packs needs a pack size" });
  if (p.mrp && p.basePrice && p.taxInclusive && Number(p.basePrice) > Number(p.mrp)) {
    issues.push({ field: "basePrice", message: "Selling price (tax inclusive) cannot be above MRP" });
  }
  return [...issues, ...productQuantityIssues(p)];
}

/** The product's own quantities against its unit (part of productRuleIssues; an update checks only what it changes). */
export function productQuantityIssues(p: ProductShape): { field: "packSize" | "minOrderQty" | "reorderLevel"; message: string }[] {
  if (!p.unit) return [];
  const errors = unitQuantityErrors([
    { field: "packSize", quantity: p.packSize, unit: p.unit, label: "Pack size" },
    { field: "minOrderQty", quantity: p.minOrderQty, unit: p.unit, label: "Minimum order quantity" },
    { field: "reorderLevel", quantity: p.reorderLevel, unit: p.unit, label: "Reorder level" },
  ]);
  return Object.entries(errors).flatMap(([field, messages]) => messages.map((message) => ({ field: field as "packSize" | "minOrderQty" | "reorderLevel", message })));
}

export const createProductInput = z.strictObject(productFields).superRefine(checkProduct);
export type CreateProductInput = z.input<typeof createProductInput>;

/**
 * A PATCH: any subset of the fields. The cross-field rules need the stored product too, so
 * updateProduct checks them on the merged result (productRuleIssues) rather than here.
 */
export const updateProductInput = z.strictObject(productFields).partial();
export type UpdateProductInput = z.input<typeof updateProductInput>;

export const STOCK_STATUSES = ["in_stock", "low", "out"] as const;
export type StockStatus = (typeof STOCK_STATUSES)[number];

export const listProductsInput = z.strictObject({
  q: optionalText(100),
  categoryId: optional(z.string().trim()),
  /** Include products of the sub-categories of categoryId too (default true). */
  includeSubcategories: bool.optional(),
  active: optional(z.enum(["active", "inactive", "all"])),
  stock: optional(z.enum(STOCK_STATUSES)),
  sort: optional(z.enum(["name", "sku", "basePrice", "updatedAt", "createdAt"])),
  dir: optional(z.enum(["asc", "desc"])),
  offset: z.coerce.number().int().min(0).optional(),
  pageSize: z.coerce.number().int().min(1).max(100).optional(),
});
export type ListProductsInput = z.input<typeof listProductsInput>;

export const bulkSetActiveInput = z.strictObject({
  ids: z.array(z.string().min(1)).min(1, "Select at least one product").max(500, "At most 500 at a time"),
  active: z.boolean(),
});

export const categoryInput = z.strictObject({
  name: requiredText("Name", 100),
  parentId: optional(z.string().trim().min(1)),
});
export type CategoryInput = z.input<typeof categoryInput>;

export const updateCategoryInput = z
  .strictObject({
    name: requiredText("Name", 100).optional(),
    /** null (or "") moves the category to the top level. */
    parentId: optional(z.string().trim().min(1)),
  })
  .refine((v) => v.name !== undefined || v.parentId !== undefined, "Nothing to change");
export type UpdateCategoryInput = z.input<typeof updateCategoryInput>;

export const PRODUCT_SORT_KEYS = ["name", "sku", "basePrice", "updatedAt", "createdAt"] as const;
export type ProductSortKey = (typeof PRODUCT_SORT_KEYS)[number];

/** Product images: PNG, JPEG or WebP, at most 1 MB each, at most 8 per product. */
export const PRODUCT_IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;
export const PRODUCT_IMAGE_MAX_BYTES = 1024 * 1024;
export const PRODUCT_IMAGES_PER_PRODUCT = 8;
