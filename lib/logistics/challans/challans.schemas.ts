// Inputs of the delivery challan functions, shared by forms, actions and routes.
import { z } from "zod";
import { gstinSchema, pincodeSchema } from "@/lib/integrations/gst/gstin";
import { isStateCode } from "@/lib/integrations/gst/states";
import { amountSchema, optionalText, positiveQuantitySchema, requiredText, textSchema } from "@/lib/validation";

export const challanReasons = ["STOCK_TRANSFER", "APPROVAL", "JOB_WORK", "EXHIBITION", "OTHER"] as const;
export const challanReasonLabels: Record<(typeof challanReasons)[number], string> = {
  STOCK_TRANSFER: "Stock transfer (own warehouse)",
  APPROVAL: "Goods on approval",
  JOB_WORK: "Job work",
  EXHIBITION: "Exhibition or fair",
  OTHER: "Other (not a supply)",
};

const id = (label: string) => textSchema({ error: `${label} is required` }).trim().min(1, `${label} is required`).max(64, `${label} is not valid`);
const optionalId = (label: string) => z.preprocess((v) => (v === "" || v === null ? undefined : v), id(label).optional());
const day = z.preprocess((v) => (v === "" || v === null ? undefined : v), z.iso.date({ error: "Enter the date as YYYY-MM-DD" }).optional());

export const challanPartyInput = z.strictObject({
  name: requiredText("Consignee name", 100),
  gstin: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), gstinSchema.optional()),
  address1: requiredText("Address", 120),
  address2: optionalText(120),
  city: requiredText("City", 50),
  stateCode: z.string({ error: "State is required" }).refine((s) => isStateCode(s), "Choose a GST state"),
  pincode: pincodeSchema,
});

export const challanLineInput = z.strictObject({
  productId: id("Product"),
  quantity: positiveQuantitySchema,
  /** Value per unit; defaults to the product's cost (transfers, job work) or price. */
  rate: amountSchema.optional(),
});

export const createChallanInput = z
  .strictObject({
    reason: z.enum(challanReasons, { error: "Choose why the goods move: stock transfer, approval, job work, exhibition or other" }),
    reasonNote: optionalText(200),
    challanDate: day,
    fromWarehouseId: id("From warehouse"),
    toWarehouseId: optionalId("To warehouse"),
    stockTransferId: optionalId("Stock transfer"),
    shipmentId: optionalId("Shipment"),
    connectionId: optionalId("Retailer"),
    consignee: challanPartyInput.optional(),
    lines: z.array(challanLineInput).max(250, "A challan takes at most 250 lines").optional(),
    notes: optionalText(500),
  })
  .superRefine((v, ctx) => {
    if (v.reason === "STOCK_TRANSFER" && !v.toWarehouseId && !v.stockTransferId) ctx.addIssue({ code: "custom", path: ["toWarehouseId"], message: "Choose the warehouse the stock goes to" });
    if (v.reason !== "STOCK_TRANSFER" && !v.consignee && !v.connectionId) ctx.addIssue({ code: "custom", path: ["consignee"], message: "Give the consignee (a retailer, or name and address)" });
    if (!v.stockTransferId && (!v.lines || v.lines.length === 0)) ctx.addIssue({ code: "custom", path: ["lines"], message: "Add at least one line" });
    if (v.reason === "OTHER" && !v.reasonNote) ctx.addIssue({ code: "custom", path: ["reasonNote"], message: "Say why the goods move" });
  });
export type CreateChallanInput = z.input<typeof createChallanInput>;

export const cancelChallanInput = z.strictObject({
  reason: requiredText("A reason", 200),
});

export const listChallansInput = z.strictObject({
  q: optionalText(100),
  status: z.enum(["ISSUED", "CANCELLED"]).optional().catch(undefined),
  reason: z.enum(challanReasons).optional().catch(undefined),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});
