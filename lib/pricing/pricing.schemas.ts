// Price list and item price input, shared by the screens, the REST API and the price import.
import { z } from "zod";
import { isCalendarDay, parseDay } from "@/lib/pricing/dates";
import { booleanSchema, optionalText, positiveQuantitySchema, priceSchema, requiredText } from "@/lib/validation";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const bool = booleanSchema;

/** A calendar day: "2026-04-01" or "01/04/2026" in, "2026-04-01" out. */
export const daySchema = z
  .string({ error: "Enter a date" })
  .trim()
  .transform((v) => parseDay(v) ?? v)
  .refine(isCalendarDay, "Enter a date as YYYY-MM-DD or DD/MM/YYYY");
const optionalDay = z.preprocess(blankToNull, daySchema.nullable().optional());

export const createPriceListInput = z.strictObject({
  name: requiredText("Name", 100),
  description: optionalText(500),
  active: bool.optional(),
});
export type CreatePriceListInput = z.input<typeof createPriceListInput>;

export const updatePriceListInput = createPriceListInput.partial();
export type UpdatePriceListInput = z.input<typeof updatePriceListInput>;

export const listPriceListsInput = z.strictObject({
  q: optionalText(100),
  active: z.enum(["active", "inactive", "all"]).default("all"),
  offset: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

/** One price row: from `minQty` units up, valid between two days (inclusive; blank = open). */
const slabFields = {
  minQty: z.preprocess((v) => (v === undefined || v === null || (typeof v === "string" && v.trim() === "") ? "1" : v), positiveQuantitySchema),
  // A list price of 0 would give goods away to every retailer on the list without anyone deciding
  // it per order: free goods are marked on the order line, never priced at 0 in a list.
  price: priceSchema("Price"),
  validFrom: optionalDay,
  validTo: optionalDay,
};

function checkRange(s: { validFrom?: string | null; validTo?: string | null }, ctx: z.RefinementCtx) {
  if (s.validFrom && s.validTo && s.validFrom > s.validTo) ctx.addIssue({ code: "custom", path: ["validTo"], message: "Valid to must be on or after valid from" });
}

export const priceSlabInput = z.strictObject(slabFields).superRefine(checkRange);
export type PriceSlabInput = z.input<typeof priceSlabInput>;

/** Add a price row, or change one when `id` is given. */
export const upsertPriceListItemInput = z.strictObject({ id: z.string().trim().min(1).optional(), productId: z.string({ error: "Choose a product" }).trim().min(1, "Choose a product"), ...slabFields }).superRefine(checkRange);
export type UpsertPriceListItemInput = z.input<typeof upsertPriceListItemInput>;

/** All price rows of one product in one list, replacing what was there. An empty list removes the product. */
export const setItemPricesInput = z.strictObject({
  productId: z.string({ error: "Choose a product" }).trim().min(1, "Choose a product"),
  slabs: z.array(priceSlabInput).max(50, "At most 50 price rows per product"),
});
export type SetItemPricesInput = z.input<typeof setItemPricesInput>;

export const listPriceListItemsInput = z.strictObject({
  priceListId: z.string().trim().min(1),
  q: optionalText(100),
  offset: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListPriceListItemsInput = z.input<typeof listPriceListItemsInput>;

export const quotePricesInput = z.strictObject({
  /** The vendor company; a retailer must name it (or its connection). Staff may leave it out. */
  companyId: z.string().trim().min(1).optional(),
  connectionId: z.preprocess(blankToNull, z.string().trim().min(1).nullable().optional()),
  /** The calendar day in India; default today. */
  date: optionalDay,
  items: z
    .array(z.strictObject({ productId: z.string({ error: "Choose a product" }).trim().min(1, "Choose a product"), quantity: positiveQuantitySchema }))
    .min(1, "Add at least one item")
    .max(500, "At most 500 items per quote"),
});
export type QuotePricesInput = z.input<typeof quotePricesInput>;

export const findProductsForPricingInput = z.strictObject({ q: optionalText(100), limit: z.coerce.number().int().min(1).max(50).default(20) });
