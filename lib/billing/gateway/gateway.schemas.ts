// Inputs of the payment-gateway screens and routes: gateway accounts and pay links.
import { z } from "zod";
import { amountSchema, optionalText, requiredText } from "@/lib/validation";

export const gatewayProviders = ["RAZORPAY", "STRIPE", "SANDBOX"] as const;
export type GatewayProviderName = (typeof gatewayProviders)[number];
export const gatewayProviderLabels: Record<GatewayProviderName, string> = { RAZORPAY: "Razorpay", STRIPE: "Stripe", SANDBOX: "Local payment sandbox" };

const secret = (label: string) => z.string({ error: `Enter the ${label}` }).trim().min(8, `The ${label} looks too short`).max(200);

/** Razorpay and Stripe need their keys; the sandbox makes its own when they are left out. */
export const addGatewayAccountInput = z
  .strictObject({
    provider: z.enum(gatewayProviders, { error: "Choose Razorpay, Stripe or the local sandbox" }),
    mode: z.enum(["TEST", "LIVE"]).default("TEST"),
    label: requiredText("Name", 60),
    keyId: optionalText(100),
    keySecret: secret("key secret").optional(),
    webhookSecret: secret("webhook secret").optional(),
  })
  .superRefine((v, ctx) => {
    if (v.provider === "SANDBOX") {
      if (v.mode === "LIVE") ctx.addIssue({ code: "custom", path: ["mode"], message: "The local sandbox has no live mode" });
      return;
    }
    if (v.provider === "RAZORPAY" && !v.keyId) ctx.addIssue({ code: "custom", path: ["keyId"], message: "Enter the Razorpay key id (rzp_test_… or rzp_live_…)" });
    if (v.provider === "RAZORPAY" && v.keyId && !/^rzp_(test|live)_\w+$/.test(v.keyId)) ctx.addIssue({ code: "custom", path: ["keyId"], message: "A Razorpay key id looks like rzp_test_… or rzp_live_…" });
    if (!v.keySecret) ctx.addIssue({ code: "custom", path: ["keySecret"], message: v.provider === "STRIPE" ? "Enter the Stripe secret key (sk_…)" : "Enter the key secret" });
    if (v.provider === "STRIPE" && v.keySecret && !/^(sk|rk)_(test|live)_/.test(v.keySecret)) ctx.addIssue({ code: "custom", path: ["keySecret"], message: "A Stripe secret key starts with sk_test_ or sk_live_" });
    if (!v.webhookSecret) ctx.addIssue({ code: "custom", path: ["webhookSecret"], message: "Enter the webhook secret" });
    if (v.provider === "STRIPE" && v.webhookSecret && !v.webhookSecret.startsWith("whsec_")) ctx.addIssue({ code: "custom", path: ["webhookSecret"], message: "A Stripe webhook signing secret starts with whsec_" });
  });
export type AddGatewayAccountInput = z.input<typeof addGatewayAccountInput>;

export const setGatewayAccountActiveInput = z.strictObject({ active: z.boolean({ error: "active must be true or false" }) });

/** A pay link for one invoice or debit note. Amount left out: its whole balance due. */
export const createPayLinkInput = z.strictObject({
  amount: amountSchema.refine((v) => Number(v) > 0, "Must be more than zero").optional(),
  acceptPartial: z.boolean({ error: "acceptPartial must be true or false" }).default(false),
  expiresInDays: z.coerce.number({ error: "Enter a number of days" }).int("Whole days").min(1, "At least 1 day").max(180, "At most 180 days (Razorpay's limit is 6 months)").default(30),
  accountId: z.string().trim().min(1).max(64).optional(),
  description: optionalText(200),
});
export type CreatePayLinkInput = z.input<typeof createPayLinkInput>;

export const cancelPayLinkInput = z.strictObject({});

/** Send a pay link to the retailer: by e-mail, SMS or both (default both). */
export const sendPayLinkInput = z.strictObject({
  channels: z
    .array(z.enum(["email", "sms"], { error: 'Each channel is "email" or "sms"' }), { error: 'channels is a list of "email" and "sms"' })
    .min(1, "Choose e-mail, SMS or both")
    .max(2)
    .default(["email", "sms"]),
});
export type SendPayLinkInput = z.input<typeof sendPayLinkInput>;

/** Refund of a captured gateway payment; amount left out: everything not yet refunded. */
export const refundGatewayPaymentInput = z.strictObject({
  amount: amountSchema.refine((v) => Number(v) > 0, "Must be more than zero").optional(),
});
export type RefundGatewayPaymentInput = z.input<typeof refundGatewayPaymentInput>;

/** A retailer opening Standard Checkout for its own invoice: the whole balance, or (acceptPartial) part of it now and the rest later. */
export const createCheckoutOrderInput = z.strictObject({
  acceptPartial: z.boolean({ error: "acceptPartial must be true or false" }).default(false),
});
export type CreateCheckoutOrderInput = z.input<typeof createCheckoutOrderInput>;

/** What Standard Checkout's success handler receives (and the mobile SDK's onSuccess), posted back to us as it is. */
export const checkoutCallbackInput = z.strictObject({
  razorpay_payment_id: z.string({ error: "razorpay_payment_id is required" }).regex(/^pay_[A-Za-z0-9]{6,40}$/, "Not a Razorpay payment id (pay_…)"),
  razorpay_order_id: z.string({ error: "razorpay_order_id is required" }).regex(/^order_[A-Za-z0-9]{6,40}$/, "Not a Razorpay order id (order_…)"),
  razorpay_signature: z.string({ error: "razorpay_signature is required" }).regex(/^[0-9a-f]{64}$/, "Not a checkout signature (64 hex characters)"),
});
export type CheckoutCallbackInput = z.input<typeof checkoutCallbackInput>;
