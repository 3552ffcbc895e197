import { z } from "zod";
import { gstinSchema, panSchema, pincodeSchema } from "@/lib/integrations/gst/gstin";
import { isStateCode, stateName } from "@/lib/integrations/gst/states";
import { optionalText, requiredText } from "@/lib/validation";

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : v);
const stateCode = z.string().trim().refine(isStateCode, "Choose a valid state");
const optional = <T extends z.ZodType>(s: T) => z.preprocess(blankToNull, s.nullable().optional());

/** The company profile as the form edits it and PATCH /api/v1/company accepts it (all optional there). */
export const companyProfileFields = {
  legalName: requiredText("Legal name", 200),
  tradeName: optionalText(200),
  gstin: optional(gstinSchema),
  pan: optional(panSchema),
  stateCode,
  addressLine1: requiredText("Address", 200),
  addressLine2: optionalText(200),
  city: requiredText("City", 100),
  pincode: pincodeSchema,
  dispatchLine1: optionalText(200),
  dispatchLine2: optionalText(200),
  dispatchCity: optionalText(100),
  dispatchStateCode: optional(stateCode),
  dispatchPincode: optional(pincodeSchema),
  email: optional(z.email("Enter a valid email address")),
  phone: optional(z.string().trim().regex(/^\+?[0-9 -]{8,15}$/, "Enter a valid phone number")),
  website: optional(z.url("Enter a full URL, e.g. https://example.in")),
  bankName: optionalText(100),
  bankAccountName: optionalText(200),
  bankAccountNumber: optional(z.string().trim().regex(/^[0-9]{9,18}$/, "Account number is 9 to 18 digits")),
  bankIfsc: optional(z.string().trim().toUpperCase().regex(/^[A-Z]{4}0[A-Z0-9]{6}$/, "IFSC looks like HDFC0001234")),
  bankBranch: optionalText(100),
  upiId: optional(z.string().trim().regex(/^[a-zA-Z0-9.\-_]{2,256}@[a-zA-Z]{2,64}$/, "UPI ID looks like name@bank")),
  /** An order over a retailer's credit limit: refused (BLOCK) or placed on hold for a manager (HOLD). */
  creditPolicy: z.enum(["BLOCK", "HOLD"], { error: "Choose what happens to an order over the credit limit" }).optional(),
};

type Profile = { gstin?: string | null; pan?: string | null; stateCode?: string };

/** GSTIN carries the state code and the PAN: they must agree with the fields beside it. */
export function checkGstinAgreement(p: Profile, ctx: z.RefinementCtx) {
  if (!p.gstin) return;
  const fromGstin = p.gstin.slice(0, 2);
  if (p.stateCode && p.stateCode !== fromGstin) {
    ctx.addIssue({ code: "custom", path: ["stateCode"], message: `State must be ${stateName(fromGstin) ?? fromGstin} (${fromGstin}), as in the GSTIN` });
  }
  if (p.pan && p.pan !== p.gstin.slice(2, 12)) {
    ctx.addIssue({ code: "custom", path: ["pan"], message: `PAN must be ${p.gstin.slice(2, 12)}, as in the GSTIN` });
  }
}

export const companyProfileSchema = z.strictObject(companyProfileFields).superRefine(checkGstinAgreement);
export const updateCompanyInput = z.strictObject(companyProfileFields).partial().superRefine(checkGstinAgreement);

export type CompanyProfileInput = z.input<typeof companyProfileSchema>;
export type UpdateCompanyInput = z.infer<typeof updateCompanyInput>;
