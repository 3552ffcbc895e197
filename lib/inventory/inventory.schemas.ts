// Inventory input: warehouses, goods receipts, adjustments, transfers, stock counts and the list
// queries. Shared by the forms, the server actions and the REST routes.
import { z } from "zod";
import { pincodeSchema } from "@/lib/integrations/gst/gstin";
import { isStateCode } from "@/lib/integrations/gst/states";
import { amountSchema, booleanSchema, optionalText, positiveQuantitySchema, quantitySchema, requiredText } from "@/lib/validation";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blankToNull, s.nullable().optional());
const id = (label: string) => z.string({ error: `Choose a ${label}` }).trim().min(1, `Choose a ${label}`).max(64);
const bool = booleanSchema;
const offset = z.coerce.number().int().min(0).optional();
const pageSize = z.coerce.number().int().min(1).max(100).optional();

/** A signed quantity with up to 3 decimals, not zero: "+5", "-2.5". */
export const signedQuantitySchema = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(/,/g, "").replace(/^\+/, ""))
  .refine((v) => /^-?\d{1,11}(\.\d{1,3})?$/.test(v), "Enter a quantity like 5 or -2.5 (up to 3 decimals)")
  .refine((v) => Number(v) !== 0, "Enter a quantity other than zero");

/** A calendar day "YYYY-MM-DD" (the day in India). */
export const daySchema = z
  .string({ error: "Enter a date" })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD")
  .refine((v) => !Number.isNaN(new Date(`${v}T00:00:00Z`).getTime()) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Enter a real date");

// ---------------------------------------------------------------- warehouses

export const warehouseCodeSchema = z
  .string({ error: "Code is required" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9][A-Z0-9-]{0,15}$/, "Code: up to 16 letters, digits or -");

export const warehouseFields = {
  code: warehouseCodeSchema,
  name: requiredText("Name", 120),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  city: optionalText(100),
  stateCode: z.string({ error: "Choose a state" }).trim().refine((v) => isStateCode(v), "Choose a state"),
  pincode: optional(pincodeSchema),
};

export const createWarehouseInput = z.strictObject({ ...warehouseFields, isDefault: bool.optional() });
export type CreateWarehouseInput = z.input<typeof createWarehouseInput>;
export const updateWarehouseInput = z.strictObject(warehouseFields).partial();
export type UpdateWarehouseInput = z.input<typeof updateWarehouseInput>;
export const warehouseAction = z.enum(["set-default", "deactivate", "activate"], { error: "Action must be set-default, deactivate or activate" });
export const listWarehousesInput = z.strictObject({ status: z.enum(["active", "inactive", "all"]).default("active") });

// ---------------------------------------------------------------- goods receipts

export const receiptLineInput = z.strictObject({
  productId: id("product"),
  quantity: positiveQuantitySchema,
  unitCost: optional(amountSchema),
});

export const createGoodsReceiptInput = z.strictObject({
  warehouseId: id("warehouse"),
  supplierName: optionalText(200),
  supplierInvoiceNo: optionalText(50),
  receivedDate: daySchema,
  notes: optionalText(1000),
  /** Move each product's cost price to the weighted average of stock on hand and this receipt (default true). */
  updateCostPrice: bool.optional(),
  lines: z.array(receiptLineInput, { error: "Add at least one product" }).min(1, "Add at least one product").max(500, "At most 500 lines"),
});
export type CreateGoodsReceiptInput = z.input<typeof createGoodsReceiptInput>;

// ---------------------------------------------------------------- adjustments

export const ADJUSTMENT_REASONS = {
  damaged: "Damaged",
  expired: "Expired",
  found: "Found",
  theft_loss: "Theft / loss",
  correction: "Correction",
  other: "Other",
} as const;
export type AdjustmentReason = keyof typeof ADJUSTMENT_REASONS;
const reasonCodes = Object.keys(ADJUSTMENT_REASONS) as [AdjustmentReason, ...AdjustmentReason[]];

export const adjustStockInput = z
  .strictObject({
    productId: id("product"),
    warehouseId: id("warehouse"),
    quantity: signedQuantitySchema,
    reason: z.enum(reasonCodes, { error: `Choose a reason: ${reasonCodes.join(", ")}` }),
    note: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "other" && !v.note) ctx.addIssue({ code: "custom", path: ["note"], message: "Say what happened when the reason is Other" });
  });
export type AdjustStockInput = z.input<typeof adjustStockInput>;

// ---------------------------------------------------------------- transfers

export const transferLineInput = z.strictObject({ productId: id("product"), quantity: positiveQuantitySchema });

export const createTransferInput = z
  .strictObject({
    fromWarehouseId: id("warehouse to send from"),
    toWarehouseId: id("warehouse to send to"),
    notes: optionalText(1000),
    lines: z.array(transferLineInput, { error: "Add at least one product" }).min(1, "Add at least one product").max(500, "At most 500 lines"),
  })
  .superRefine((v, ctx) => {
    if (v.fromWarehouseId === v.toWarehouseId) ctx.addIssue({ code: "custom", path: ["toWarehouseId"], message: "Choose a different warehouse to send to" });
    duplicateProducts(v.lines, ctx);
  });
export type CreateTransferInput = z.input<typeof createTransferInput>;

// ---------------------------------------------------------------- stock counts

export const createStockCountInput = z.strictObject({
  warehouseId: id("warehouse"),
  /** Products to count; leave out to count every active product (and anything with stock there). */
  productIds: z.array(z.string().trim().min(1)).max(20000).optional(),
  notes: optionalText(1000),
});
export type CreateStockCountInput = z.input<typeof createStockCountInput>;

export const countLineInput = z.strictObject({
  productId: id("product"),
  /** null clears a count (the line is skipped when posting). */
  countedQty: z.preprocess(blankToNull, quantitySchema.nullable()),
});

export const saveCountLinesInput = z
  .strictObject({ lines: z.array(countLineInput).min(1, "Nothing to save").max(20000) })
  .superRefine((v, ctx) => duplicateProducts(v.lines, ctx));
export type SaveCountLinesInput = z.input<typeof saveCountLinesInput>;

// ---------------------------------------------------------------- reads

export const STOCK_FILTERS = ["in_stock", "low", "out"] as const;

export const listStockLevelsInput = z.strictObject({
  q: optionalText(100),
  warehouseId: optional(z.string().trim().min(1)),
  status: optional(z.enum(STOCK_FILTERS, { error: "status must be in_stock, low or out" })),
  sort: optional(z.enum(["name", "sku", "onHand", "available"])),
  dir: optional(z.enum(["asc", "desc"])),
  offset,
  pageSize,
});
export type ListStockLevelsInput = z.input<typeof listStockLevelsInput>;

export const MOVEMENT_KINDS = ["RECEIPT", "ADJUSTMENT", "RESERVATION", "RELEASE", "DISPATCH", "RETURN", "TRANSFER_OUT", "TRANSFER_IN"] as const;

export const listMovementsInput = z.strictObject({
  productId: optional(z.string().trim().min(1)),
  warehouseId: optional(z.string().trim().min(1)),
  kind: optional(z.enum(MOVEMENT_KINDS, { error: `kind must be one of ${MOVEMENT_KINDS.join(", ")}` })),
  refType: optional(z.string().trim().max(40)),
  refId: optional(z.string().trim().max(64)),
  offset,
  pageSize,
});
export type ListMovementsInput = z.input<typeof listMovementsInput>;

export const listDocumentsInput = z.strictObject({
  q: optionalText(100),
  warehouseId: optional(z.string().trim().min(1)),
  status: optional(z.enum(["DRAFT", "POSTED", "CANCELLED"])),
  offset,
  pageSize,
});
export type ListDocumentsInput = z.input<typeof listDocumentsInput>;

export const listLowStockInput = z.strictObject({ q: optionalText(100), offset, pageSize });
export const stockValuationInput = z.strictObject({ warehouseId: optional(z.string().trim().min(1)), offset, pageSize });
export const productPickerInput = z.strictObject({ q: optionalText(100), warehouseId: optional(z.string().trim().min(1)), limit: z.coerce.number().int().min(1).max(50).optional() });
export const stockSettingsInput = z.strictObject({ showStockToRetailers: z.boolean({ error: "showStockToRetailers must be true or false" }) });

function duplicateProducts(lines: { productId: string }[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  lines.forEach((l, i) => {
    if (seen.has(l.productId)) ctx.addIssue({ code: "custom", path: ["lines", i, "productId"], message: "This product is already on another line" });
    seen.add(l.productId);
  });
}
