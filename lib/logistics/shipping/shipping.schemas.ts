// Shipping partner input: accounts (Settings → Shipping), rates and booking of a shipment.
import { z } from "zod";
import { pincodeSchema } from "@/lib/integrations/gst/gstin";
import { amountSchema, booleanSchema, emailSchema, requiredText, textSchema } from "@/lib/validation";

export const addShippingAccountInput = z
  .strictObject({
    provider: z.enum(["SHIPROCKET", "SANDBOX"], { error: "Choose Shiprocket or the sandbox" }),
    label: requiredText("Label", 80),
    /** Shiprocket: the API user's email and password (Settings → API → Create an API user). */
    apiEmail: emailSchema.optional(),
    apiPassword: textSchema().min(1, "Enter the API user's password").max(200).optional(),
    /** The token Shiprocket sends in x-api-key with each tracking webhook; generated when left out. */
    webhookToken: textSchema().trim().min(16, "At least 16 characters").max(100).regex(/^[A-Za-z0-9._~-]+$/, "Letters, digits and . _ ~ - only").optional(),
    pickupLocation: requiredText("Pickup location", 60),
    pickupPincode: pincodeSchema,
  })
  .superRefine((v, ctx) => {
    if (v.provider === "SHIPROCKET" && !v.apiEmail) ctx.addIssue({ code: "custom", path: ["apiEmail"], message: "Enter the Shiprocket API user's email" });
    if (v.provider === "SHIPROCKET" && !v.apiPassword) ctx.addIssue({ code: "custom", path: ["apiPassword"], message: "Enter the Shiprocket API user's password" });
  });
export type AddShippingAccountInput = z.input<typeof addShippingAccountInput>;

export const shippingAccountAction = z.enum(["verify", "disable", "enable"], { error: "Action must be verify, disable or enable" });

export const ratesQuery = z.strictObject({ cod: z.enum(["true", "false"]).optional() });

export const bookShipmentInput = z.strictObject({
  shippingAccountId: z.string({ error: "Choose a shipping account" }).trim().min(1, "Choose a shipping account").max(64),
  courierId: textSchema({ error: "Choose a courier" }).trim().min(1, "Choose a courier").max(64),
  courierName: requiredText("Courier name", 120),
  /** The rate shown when the courier was chosen (rupees); the partner's own charge replaces it once booked. */
  quotedPrice: amountSchema,
  cod: booleanSchema.optional(),
});
export type BookShipmentInput = z.input<typeof bookShipmentInput>;
