// Billing inputs (settings, tax rates, invoices, credit and debit notes, lists): shared by forms,
// server actions and REST routes.
import { z } from "zod";
import { isStateCode } from "@/lib/integrations/gst/states";
import { amountSchema, optionalText, positiveQuantitySchema, requiredText } from "@/lib/validation";

const id = (label: string) => z.string({ error: `Choose a ${label}` }).trim().min(1, `Choose a ${label}`).max(64);
const day = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD");
/** Series of other documents a billing series must not reuse (lib/inventory/numbering.ts). */
const reservedSeries = ["SO", "GRN", "TRF", "CNT"];
const series = z
  .string({ error: "Enter a series" })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z1-9][A-Z0-9]{0,3}$/, "1–4 capital letters or digits, not starting with 0")
  .refine((s) => !reservedSeries.includes(s), "Used by orders or stock documents; choose another");
const gstRate = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,2}(\.\d{1,2})?$/.test(v) && Number(v) <= 40, "A GST rate in percent between 0 and 40, e.g. 18 or 0.25");
const cessRate = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim())
  .refine((v) => /^\d{1,3}(\.\d{1,2})?$/.test(v) && Number(v) <= 400, "A cess rate in percent, e.g. 12");
const hsn = z.string({ error: "Enter the HSN code" }).trim().regex(/^\d{4}(\d{2}){0,2}$/, "HSN is 4, 6 or 8 digits");
const stateCode = z.string().trim().refine((v) => v === "96" || isStateCode(v), "Choose a GST state code");

export const supplyTypes = ["regular", "sez_with_payment", "sez_without_payment", "export_with_payment", "export_without_payment"] as const;
export const noteReasons = ["RETURN", "RATE_DIFFERENCE", "DISCOUNT", "DEFICIENCY", "OTHER"] as const;
export type NoteReason = (typeof noteReasons)[number];

// ---------------------------------------------------------------- settings and tax rates

export const updateBillingSettingsInput = z
  .strictObject({
    invoiceSeries: series.optional(),
    creditNoteSeries: series.optional(),
    debitNoteSeries: series.optional(),
    receiptSeries: series.optional(),
    ewayBillThreshold: amountSchema.optional(),
    emailOnIssue: z.boolean().optional(),
    invoiceTerms: optionalText(2000),
    signatoryName: optionalText(120),
  })
  .refine((v) => Object.keys(v).length > 0, "Change at least one setting");
export type UpdateBillingSettingsInput = z.input<typeof updateBillingSettingsInput>;

export const addTaxRateInput = z.strictObject({
  hsnPrefix: z.string({ error: "Enter an HSN prefix" }).trim().regex(/^\d{2,8}$/, "2 to 8 digits of the HSN code"),
  gstRate,
  cessRate: cessRate.optional(),
  effectiveFrom: day,
  source: optionalText(200),
});
export type AddTaxRateInput = z.input<typeof addTaxRateInput>;

export const listTaxRatesInput = z.strictObject({
  q: z.string().trim().max(8).optional(),
  scope: z.enum(["all", "company", "schedule"]).default("all"),
});

// ---------------------------------------------------------------- invoices

const freeGoods = z.boolean({ error: "freeGoods must be true or false" }).optional();

/**
 * A catalog product line (price defaults to the retailer's price today) or a free-text line. A
 * price must be more than zero unless the line is marked `freeGoods` (a scheme's free goods: no
 * price, no taxable value); issueInvoice checks that and the quantity against the unit.
 */
export const invoiceLineInput = z.union([
  z.strictObject({
    productId: id("product"),
    quantity: positiveQuantitySchema,
    unitPrice: amountSchema.optional(),
    discount: amountSchema.optional(),
    freeGoods,
  }),
  z.strictObject({
    description: requiredText("Description", 300),
    hsnCode: hsn,
    unit: z.string({ error: "Enter the unit" }).trim().toUpperCase().regex(/^[A-Z]{2,8}$/, "A unit code such as PCS, KGS, NOS"),
    quantity: positiveQuantitySchema,
    unitPrice: amountSchema,
    gstRate,
    cessRate: cessRate.optional(),
    taxInclusive: z.boolean().optional(),
    discount: amountSchema.optional(),
    freeGoods,
  }),
]);
export type InvoiceLineInput = z.input<typeof invoiceLineInput>;

export const issueInvoiceInput = z.strictObject({
  connectionId: id("retailer"),
  lines: z.array(invoiceLineInput, { error: "Add at least one line" }).min(1, "Add at least one line").max(200, "An invoice can have at most 200 lines"),
  issueDate: day.optional(),
  placeOfSupply: stateCode.optional(),
  supplyType: z.enum(supplyTypes).optional(),
  buyerReference: optionalText(60),
  notes: optionalText(1000),
});
export type IssueInvoiceInput = z.input<typeof issueInvoiceInput>;

export const invoiceOrderInput = z.strictObject({
  /** Left out: every line's remaining quantity. */
  lines: z
    .array(z.strictObject({ orderLineId: id("order line"), quantity: positiveQuantitySchema }))
    .min(1, "Choose at least one line")
    .refine((ls) => new Set(ls.map((l) => l.orderLineId)).size === ls.length, "A line appears twice")
    .optional(),
  issueDate: day.optional(),
  notes: optionalText(1000),
});
export type InvoiceOrderInput = z.input<typeof invoiceOrderInput>;

const noteLine = z.union([
  z.strictObject({ originalLineId: id("invoice line"), quantity: positiveQuantitySchema }),
  z.strictObject({ originalLineId: id("invoice line"), amount: amountSchema.refine((v) => Number(v) > 0, "Must be more than zero") }),
]);
export type NoteLineInput = z.input<typeof noteLine>;

export const issueNoteInput = z
  .strictObject({
    reason: z.enum(noteReasons, { error: "Choose a reason" }),
    /** "full" credits everything still creditable (credit notes only). */
    lines: z.union([z.literal("full"), z.array(noteLine).min(1, "Choose at least one line").max(200)]),
    issueDate: day.optional(),
    notes: optionalText(1000),
  })
  .refine((v) => v.lines === "full" || new Set(v.lines.map((l) => l.originalLineId)).size === v.lines.length, { message: "A line appears twice", path: ["lines"] });
export type IssueNoteInput = z.input<typeof issueNoteInput>;

// ---------------------------------------------------------------- lists

export const invoiceTypeFilter = z.enum(["all", "invoice", "credit_note", "debit_note"]);
export const listInvoicesInput = z.strictObject({
  type: invoiceTypeFilter.default("all"),
  status: z.enum(["issued", "cancelled"]).optional(),
  payment: z.enum(["unpaid", "partly_paid", "paid", "overdue"]).optional(),
  connectionId: z.string().trim().max(64).optional(),
  vendorCode: z.string().trim().toUpperCase().max(16).optional(),
  orderId: z.string().trim().max(64).optional(),
  q: z.string().trim().max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  eInvoiceStatus: z.enum(["NOT_REQUIRED", "PENDING", "GENERATED", "FAILED", "CANCELLED"]).optional(),
  sort: z.enum(["issueDate", "-issueDate", "number", "-number", "grandTotal", "-grandTotal", "dueDate", "-dueDate"]).default("-issueDate"),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListInvoicesInput = z.input<typeof listInvoicesInput>;

export const listInvoiceableOrdersInput = z.strictObject({
  q: z.string().trim().max(100).optional(),
  connectionId: z.string().trim().max(64).optional(),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListInvoiceableOrdersInput = z.input<typeof listInvoiceableOrdersInput>;
