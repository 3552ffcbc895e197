// Order, cart and notification inputs: shared by forms, server actions and REST routes.
import { z } from "zod";
import { pincodeSchema } from "@/lib/integrations/gst/gstin";
import { isStateCode } from "@/lib/integrations/gst/states";
import { amountSchema, optionalText, positiveQuantitySchema, requiredText } from "@/lib/validation";
import { orderStatuses } from "@/lib/orders/state-machine";

const id = (label: string) => z.string({ error: `Choose a ${label}` }).trim().min(1, `Choose a ${label}`).max(64);
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD");

export const orderLineInput = z.strictObject({
  productId: id("product"),
  quantity: positiveQuantitySchema,
  /**
   * Given free under a scheme ("buy 10, get 1 free"): no price, no taxable value. Staff only; the
   * same product may be on the order once paid and once free.
   */
  freeGoods: z.boolean({ error: "freeGoods must be true or false" }).optional(),
});
export type OrderLineInput = z.input<typeof orderLineInput>;

/** A line's identity on an order: its product, paid or free. */
export const lineKey = (l: { productId: string; freeGoods?: boolean | null }) => `${l.productId}|${l.freeGoods ? "free" : "paid"}`;

const lines = z
  .array(orderLineInput, { error: "Add at least one product" })
  .min(1, "Add at least one product")
  .max(200, "An order can have at most 200 lines")
  .refine((ls) => new Set(ls.map(lineKey)).size === ls.length, "A product appears twice; change its quantity instead");

/** Where the goods go. Left out: the connection's default shipping address, else the retailer's address. */
export const shippingAddressInput = z.strictObject({
  name: requiredText("Name", 120),
  line1: requiredText("Address", 200),
  line2: optionalText(200),
  city: requiredText("City", 100),
  stateCode: z.string({ error: "Choose a state" }).trim().refine((v) => isStateCode(v), "Choose a state"),
  pincode: pincodeSchema,
});
export type ShippingAddressInput = z.input<typeof shippingAddressInput>;

/**
 * Place an order. Staff name the retailer by `connectionId`; a retailer names the vendor by
 * `vendorCode` (its public code). `draft: true` (staff only) saves without reserving stock.
 */
export const placeOrderInput = z.strictObject({
  connectionId: id("retailer").optional(),
  vendorCode: z.string().trim().toUpperCase().min(1).max(16).optional(),
  lines,
  shippingAddress: shippingAddressInput.optional(),
  buyerReference: optionalText(60),
  notes: optionalText(1000),
  warehouseId: id("warehouse").optional(),
  reorderOfId: id("order").optional(),
  draft: z.boolean().optional(),
});
export type PlaceOrderInput = z.input<typeof placeOrderInput>;

/** Edit a placed (or draft) order: the new full set of lines, and optionally address and notes. */
export const editOrderInput = z.strictObject({
  lines: lines.optional(),
  shippingAddress: shippingAddressInput.optional(),
  buyerReference: optionalText(60),
  notes: optionalText(1000),
});
export type EditOrderInput = z.input<typeof editOrderInput>;

export const cancelOrderInput = z.strictObject({ reason: requiredText("Reason", 500) });
export const releaseHoldInput = z.strictObject({ note: optionalText(500) });
export const confirmOrderInput = z.strictObject({ note: optionalText(500) });
export const packOrderInput = z.strictObject({ note: optionalText(500) });
export const dispatchOrderInput = z.strictObject({ note: optionalText(500), vehicleNumber: optionalText(20) });

export const deliverOrderInput = z.strictObject({
  receivedBy: requiredText("Receiver's name", 120),
  deliveredAt: z.iso.datetime({ offset: true, error: "Enter the delivery time as an ISO date-time" }).optional(),
  note: optionalText(500),
  /** Optional photo of the signed challan or the goods, base64 (JPEG/PNG/WebP, up to 2 MB). */
  photo: z.strictObject({ contentType: z.enum(["image/jpeg", "image/png", "image/webp"]), dataBase64: z.string().min(1).max(2_800_000) }).optional(),
});
export type DeliverOrderInput = z.input<typeof deliverOrderInput>;

export const returnOrderInput = z.strictObject({
  reason: requiredText("Reason", 500),
  lines: z.array(orderLineInput).min(1, "Choose what came back"),
  warehouseId: id("warehouse").optional(),
});
export type ReturnOrderInput = z.input<typeof returnOrderInput>;

export const orderStatusFilter = z.enum([...orderStatuses.map((s) => s.toLowerCase() as Lowercase<(typeof orderStatuses)[number]>), "on_hold", "open", "all"]);

/** Vendor orders list; retailer order history uses the same (vendorCode instead of connectionId). */
export const listOrdersInput = z.strictObject({
  status: orderStatusFilter.default("all"),
  q: z.string().trim().max(100).optional(),
  connectionId: z.string().trim().max(64).optional(),
  vendorCode: z.string().trim().toUpperCase().max(16).optional(),
  from: day.optional(),
  to: day.optional(),
  minTotal: amountSchema.optional(),
  maxTotal: amountSchema.optional(),
  sort: z.enum(["createdAt", "-createdAt", "grandTotal", "-grandTotal", "number", "-number"]).default("-createdAt"),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListOrdersInput = z.input<typeof listOrdersInput>;

// ---------------------------------------------------------------- cart (retailer)

export const cartItemInput = z.strictObject({ vendorCode: z.string().trim().toUpperCase().min(1).max(16), productId: id("product"), quantity: positiveQuantitySchema });
export const setCartItemInput = z.strictObject({ vendorCode: z.string().trim().toUpperCase().min(1).max(16), productId: id("product"), quantity: z.union([z.string(), z.number()]) });
export const checkoutInput = z.strictObject({
  vendorCode: z.string().trim().toUpperCase().min(1).max(16),
  shippingAddress: shippingAddressInput.optional(),
  buyerReference: optionalText(60),
  notes: optionalText(1000),
});
export type CheckoutInput = z.input<typeof checkoutInput>;
