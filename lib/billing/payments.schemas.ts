// Payment, refund, allocation, ageing and ledger inputs: shared by forms, server actions and REST routes.
import { z } from "zod";
import { amountSchema, optionalText, requiredText } from "@/lib/validation";

export const paymentMethods = ["CASH", "CHEQUE", "BANK_TRANSFER", "UPI", "CARD", "GATEWAY"] as const;
export type PaymentMethod = (typeof paymentMethods)[number];
export const paymentKinds = ["RECEIPT", "REFUND"] as const;

export const paymentMethodLabels: Record<PaymentMethod, string> = {
  CASH: "Cash",
  CHEQUE: "Cheque",
  BANK_TRANSFER: "Bank transfer",
  UPI: "UPI",
  CARD: "Card",
  GATEWAY: "Payment gateway",
};

/** What a payment's reference is called per method; a receipt or refund by these methods must carry one. */
export const requiredReference = { CHEQUE: "Cheque number", BANK_TRANSFER: "UTR", UPI: "UPI reference" } as const satisfies Partial<Record<PaymentMethod, string>>;
export const needsReference = (method: string): method is keyof typeof requiredReference => Object.hasOwn(requiredReference, method);

const id = (label: string) => z.string({ error: `Choose a ${label}` }).trim().min(1, `Choose a ${label}`).max(64);
export const daySchema = z.string({ error: "Enter a date" }).trim().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter a date as YYYY-MM-DD");
const positiveAmount = amountSchema.refine((v) => Number(v) > 0, "Must be more than zero");

/** One hand-set allocation: this much of the payment (or credit note) against that invoice or debit note. */
export const allocationLineInput = z.strictObject({ invoiceId: id("invoice"), amount: positiveAmount });

/** "auto" = oldest due first; a list = exactly these amounts (each at most what is open). */
const allocationList = z
  .array(allocationLineInput)
  .max(200, "At most 200 invoices at once")
  .refine((ls) => new Set(ls.map((l) => l.invoiceId)).size === ls.length, "An invoice appears twice; give it one amount");

export const recordPaymentInput = z
  .strictObject({
    connectionId: id("retailer"),
    amount: positiveAmount,
    method: z.enum(paymentMethods, { error: "Choose how the money came" }),
    paidOn: daySchema,
    reference: optionalText(60),
    bankName: optionalText(100),
    notes: optionalText(1000),
    /** "auto" (default): oldest due first; "none": all of it stays on account as an advance. */
    allocations: z.union([z.literal("auto"), z.literal("none"), allocationList]).default("auto"),
    gatewayProvider: optionalText(30),
    gatewayPaymentId: optionalText(100),
  })
  .superRefine((v, ctx) => {
    if (needsReference(v.method) && !v.reference) ctx.addIssue({ code: "custom", path: ["reference"], message: `${requiredReference[v.method]} is required` });
    if (!!v.gatewayProvider !== !!v.gatewayPaymentId) ctx.addIssue({ code: "custom", path: ["gatewayPaymentId"], message: "Give both the gateway provider and its payment id" });
  });
export type RecordPaymentInput = z.input<typeof recordPaymentInput>;

export const allocatePaymentInput = z.strictObject({ allocations: z.union([z.literal("auto"), allocationList]) });
export type AllocatePaymentInput = z.input<typeof allocatePaymentInput>;

export const applyCreditNoteInput = z.strictObject({ allocations: z.union([z.literal("auto"), allocationList]).default("auto") });
export type ApplyCreditNoteInput = z.input<typeof applyCreditNoteInput>;

/** A named source of a refund: a receipt's unallocated part or a credit note's unapplied part. */
export const refundSourceInput = z
  .strictObject({ paymentId: id("receipt").optional(), creditNoteId: id("credit note").optional(), amount: positiveAmount })
  .refine((s) => !!s.paymentId !== !!s.creditNoteId, "Name either a receipt (paymentId) or a credit note (creditNoteId)");

export const recordRefundInput = z
  .strictObject({
    connectionId: id("retailer"),
    amount: positiveAmount,
    method: z.enum(paymentMethods, { error: "Choose how the money was paid back" }),
    paidOn: daySchema,
    reference: optionalText(60),
    bankName: optionalText(100),
    notes: optionalText(1000),
    /** Left out: funded from the oldest unapplied credit first. */
    sources: z.array(refundSourceInput).min(1).max(50).optional(),
  })
  .superRefine((v, ctx) => {
    if (needsReference(v.method) && !v.reference) ctx.addIssue({ code: "custom", path: ["reference"], message: "Reference is required (cheque number, UTR or UPI reference)" });
  });
export type RecordRefundInput = z.input<typeof recordRefundInput>;

export const voidPaymentInput = z.strictObject({ reason: requiredText("Reason", 500) });

export const paymentSorts = ["-paidOn", "paidOn", "-amount", "amount"] as const;
export const listPaymentsInput = z.strictObject({
  kind: z.enum(paymentKinds).optional(),
  method: z.enum(paymentMethods).optional(),
  connectionId: id("retailer").optional(),
  vendorCode: z.string().trim().toUpperCase().min(1).max(16).optional(),
  q: optionalText(100),
  from: daySchema.optional(),
  to: daySchema.optional(),
  sort: z.enum(paymentSorts).default("-paidOn"),
  offset: z.coerce.number().int().min(0).default(0),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListPaymentsInput = z.input<typeof listPaymentsInput>;

export const ageingSorts = ["-total", "total", "name", "-d90_plus", "-d61_90", "-notDue"] as const;
export const ageingInput = z.strictObject({
  asOf: daySchema.optional(),
  q: optionalText(100),
  sort: z.enum(ageingSorts).default("-total"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AgeingInput = z.input<typeof ageingInput>;

export const ledgerRangeInput = z.strictObject({ from: daySchema.optional(), to: daySchema.optional() });
export type LedgerRangeInput = z.input<typeof ledgerRangeInput>;
