import { z } from "zod";
import { gstinSchema, pincodeSchema } from "@/lib/integrations/gst/gstin";
import { isStateCode } from "@/lib/integrations/gst/states";
import { passwordSchema } from "@/lib/auth/password";
import { checkGstinAgreement } from "@/lib/company/company.schemas";
import { amountSchema, emailSchema, numberFromText, optionalText, requiredText } from "@/lib/validation";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blankToNull, s.nullable().optional());
const stateCode = z.string().trim().refine(isStateCode, "Choose a valid state");
const phone = z.string().trim().regex(/^\+?[0-9 -]{8,15}$/, "Enter a valid phone number");

export const customerCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z0-9][A-Z0-9/-]{0,19}$/, "Use up to 20 letters, digits, / or -");

export const connectionTermsFields = {
  customerCode: optional(customerCodeSchema),
  creditLimit: amountSchema.optional(),
  paymentTermsDays: z.preprocess(numberFromText, z.number({ error: "Enter days" }).int("Whole days only").min(0, "Cannot be negative").max(365, "At most 365 days")).optional(),
  shippingLine1: optionalText(200),
  shippingLine2: optionalText(200),
  shippingCity: optionalText(100),
  shippingStateCode: optional(stateCode),
  shippingPincode: optional(pincodeSchema),
  placeOfSupply: optional(stateCode),
  notes: optionalText(1000),
};

/** Terms staff can change on a connection; also the price list it buys on (null = the company's default list). */
export const connectionTermsInput = z.strictObject({ ...connectionTermsFields, priceListId: optional(z.string().trim().min(1)) });
export type ConnectionTermsInput = z.input<typeof connectionTermsInput>;

export const createInvitationInput = z.strictObject({
  email: emailSchema,
  phone: optional(phone),
  businessName: optionalText(200),
  contactName: optionalText(120),
  customerCode: optional(customerCodeSchema),
  creditLimit: amountSchema.optional(),
  paymentTermsDays: connectionTermsFields.paymentTermsDays,
});
export type CreateInvitationInput = z.input<typeof createInvitationInput>;

export const retailerBusinessFields = {
  legalName: requiredText("Legal name", 200),
  tradeName: optionalText(200),
  gstin: optional(gstinSchema),
  stateCode,
  addressLine1: requiredText("Address", 200),
  addressLine2: optionalText(200),
  city: requiredText("City", 100),
  pincode: pincodeSchema,
  email: optional(z.email("Enter a valid email address")),
  phone: optional(phone),
};

export const retailerBusinessInput = z.strictObject(retailerBusinessFields).superRefine(checkGstinAgreement);
export const updateRetailerBusinessInput = z.strictObject(retailerBusinessFields).partial().superRefine(checkGstinAgreement);
export type RetailerBusinessInput = z.input<typeof retailerBusinessInput>;

/** Accepting an invitation: a new person signs up with their business; an existing retailer user proves who they are. */
export const acceptInvitationInput = z.union([
  z.strictObject({ token: z.string().min(10), name: requiredText("Your name", 120), password: passwordSchema, phone: optional(phone), business: retailerBusinessInput }),
  z.strictObject({ token: z.string().min(10), password: z.string().min(1, "Enter your password") }),
]);

export const findVendorInput = z.strictObject({ query: z.string().trim().toUpperCase().min(2, "Enter the vendor's code or GSTIN").max(15) });

export const joinRequestInput = z.strictObject({
  vendorCode: z.string().trim().toUpperCase().min(2, "Enter the vendor's code or GSTIN").max(15),
  message: optionalText(500),
});

export const approveJoinRequestInput = z.strictObject(connectionTermsFields);
export const rejectJoinRequestInput = z.strictObject({ reason: requiredText("Reason", 500) });

export const connectionStatusAction = z.enum(["suspend", "reactivate", "end"]);

export const listRetailersInput = z.strictObject({
  q: z.string().trim().max(100).optional(),
  status: z.enum(["PENDING", "ACTIVE", "SUSPENDED", "ENDED", "all"]).default("all"),
  sort: z.enum(["name", "city", "customerCode", "creditLimit", "createdAt"]).default("name"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).optional(),
});
export type ListRetailersInput = z.input<typeof listRetailersInput>;

export const listInboxInput = z.strictObject({
  status: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).optional(),
});
