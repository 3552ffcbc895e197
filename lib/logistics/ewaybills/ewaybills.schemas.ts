// Inputs of the e-way bill functions, shared by forms, actions and routes.
import { z } from "zod";
import { booleanSchema, numberFromText, optionalText, requiredText, textSchema } from "@/lib/validation";
import { isStateCode } from "@/lib/integrations/gst/states";

const blankToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
const optionalId = (label: string) => z.preprocess(blankToUndefined, textSchema().trim().min(1).max(64, `${label} is not valid`).optional());
const day = z.preprocess(blankToUndefined, z.iso.date({ error: "Enter the date as YYYY-MM-DD" }).optional());
const vehicleNo = z.preprocess(blankToUndefined, textSchema().trim().min(4, "Enter the vehicle number").max(20, "Vehicle number is too long").optional());
const transMode = z.preprocess(numberFromText, z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "Mode: 1 road, 2 rail, 3 air, 4 ship" }));
const transporterId = z.preprocess(
  (v) => (typeof v === "string" ? (v.trim() === "" ? undefined : v.trim().toUpperCase()) : v),
  z.string().regex(/^[0-9]{2}[0-9A-Z]{13}$/, "Transporter id is a GSTIN or TRANSIN: 15 characters").optional(),
);
const transDocNo = z.preprocess(blankToUndefined, textSchema().trim().regex(/^[A-Za-z0-9/-]{1,15}$/, "LR / transport document number: 1–15 letters, digits, / or -").optional());
const stateCode = z.preprocess(blankToUndefined, z.string().refine((s) => isStateCode(s), "Choose a GST state").optional());
const km = (label: string, min: number) =>
  z.preprocess(numberFromText, z.number({ error: `${label} must be a number of kilometres` }).int(`${label} is whole kilometres`).min(min, `${label} must be at least ${min}`).max(4000, `${label} can be at most 4000 km`));

export const generateEwayBillInput = z
  .strictObject({
    invoiceId: optionalId("Invoice"),
    challanId: optionalId("Challan"),
    shipmentId: optionalId("Shipment"),
    distanceKm: km("Distance", 0),
    odc: booleanSchema.optional(),
    transMode: transMode.optional(),
    vehicleNo,
    transporterId,
    transporterName: optionalText(100),
    transDocNo,
    transDocDate: day,
  })
  .superRefine((v, ctx) => {
    if (!v.invoiceId && !v.challanId && !v.shipmentId) ctx.addIssue({ code: "custom", path: ["invoiceId"], message: "Choose the invoice, challan or shipment the e-way bill is for" });
    if (v.invoiceId && v.challanId) ctx.addIssue({ code: "custom", path: ["challanId"], message: "An e-way bill is for one document: an invoice or a challan" });
  });
export type GenerateEwayBillInput = z.input<typeof generateEwayBillInput>;

export const shipmentEwayBillsInput = z.strictObject({
  distanceKm: km("Distance", 0),
  odc: booleanSchema.optional(),
  transporterId,
  transporterName: optionalText(100),
});

export const updatePartBInput = z
  .strictObject({
    vehicleNo,
    transMode: transMode.optional(),
    transDocNo,
    transDocDate: day,
    fromPlace: optionalText(50),
    fromStateCode: stateCode,
    reasonCode: z.preprocess(numberFromText, z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "Reason: 1 break down, 2 trans-shipment, 3 others, 4 first time" })),
    reasonRem: requiredText("A remark", 50),
  })
  .superRefine((v, ctx) => {
    if ((v.transMode ?? 1) === 1 && !v.vehicleNo) ctx.addIssue({ code: "custom", path: ["vehicleNo"], message: "Road transport needs the vehicle number" });
    if ((v.transMode ?? 1) !== 1 && (!v.transDocNo || !v.transDocDate)) ctx.addIssue({ code: "custom", path: ["transDocNo"], message: "Rail, air and ship need the transport document number and date" });
  });

export const updateTransporterInput = z.strictObject({
  transporterId: transporterId.refine((v) => v !== undefined, "Enter the transporter id"),
  transporterName: optionalText(100),
});

export const extendValidityInput = z
  .strictObject({
    remainingDistance: km("Remaining distance", 1),
    reasonCode: z.preprocess(numberFromText, z.union([z.literal(1), z.literal(2), z.literal(4), z.literal(5), z.literal(99)], { error: "Reason: 1 natural calamity, 2 law and order, 4 transshipment, 5 accident, 99 others" })),
    remarks: requiredText("A remark", 50),
    consignmentStatus: z.enum(["M", "T"], { error: "Consignment: M in movement or T in transit" }),
    transitType: z.preprocess(blankToUndefined, z.enum(["R", "W", "O"], { error: "Transit: R road, W warehouse, O others" }).optional()),
    vehicleNo,
    fromPlace: optionalText(50),
    fromStateCode: stateCode,
    fromPincode: z.preprocess(blankToUndefined, z.string().regex(/^[1-9][0-9]{5}$/, "PIN code must be 6 digits").optional()),
    addressLine1: optionalText(120),
    addressLine2: optionalText(120),
    addressLine3: optionalText(120),
  })
  .superRefine((v, ctx) => {
    if (v.consignmentStatus === "T" && !v.transitType) ctx.addIssue({ code: "custom", path: ["transitType"], message: "Say where the goods are kept in transit" });
    if (v.consignmentStatus === "T" && !v.addressLine1) ctx.addIssue({ code: "custom", path: ["addressLine1"], message: "Give the address where the goods are kept" });
  });

export const cancelEwayBillInput = z.strictObject({
  reasonCode: z.preprocess(numberFromText, z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "Reason: 1 duplicate, 2 order cancelled, 3 data entry mistake, 4 others" })),
  remark: requiredText("A remark", 50),
});

export const tripPartBInput = z.strictObject({
  reasonCode: z.preprocess(numberFromText, z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])).optional(),
  reasonRem: optionalText(50),
});

export const listEwayBillsInput = z.strictObject({
  q: optionalText(100),
  status: z.enum(["PENDING", "GENERATED", "CANCELLED", "EXPIRED", "FAILED"]).optional().catch(undefined),
  expiring: z.preprocess((v) => v === "1" || v === "true" || v === true, z.boolean()).optional(),
  shipmentId: optionalText(64),
  offset: z.coerce.number().int().min(0).max(1_000_000).optional().catch(undefined),
  pageSize: z.coerce.number().int().min(1).max(100).optional().catch(undefined),
});

const thresholdAmount = z.union([z.string(), z.number()]).transform((v) => String(v).trim().replace(/,/g, "")).refine((v) => /^\d{1,10}(\.\d{1,2})?$/.test(v), "Enter an amount in rupees, e.g. 50000");
export const updateEwayBillSettingsInput = z.strictObject({
  mode: z.enum(["SANDBOX", "NIC"], { error: "Choose the local e-way bill sandbox or NIC" }).optional(),
  baseUrl: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.url({ protocol: /^https?$/, error: "Enter the API's base URL, e.g. https://api.ewaybillgst.gov.in/ewaybillapi/v1.03" }).max(300).nullable()).optional(),
  username: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), textSchema().max(100).nullable()).optional(),
  clientId: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), textSchema().max(200).nullable()).optional(),
  /** Write-only. Omitted or blank keeps the stored one; null clears it. */
  password: z.preprocess((v) => (v === "" ? undefined : v), textSchema().max(200).nullable().optional()),
  clientSecret: z.preprocess((v) => (v === "" ? undefined : v), textSchema().max(200).nullable().optional()),
  publicKeyPem: z
    .preprocess((v) => (typeof v === "string" && v.trim() === "" ? null : v), z.string().max(5000).regex(/-----BEGIN (RSA )?PUBLIC KEY-----[\s\S]+-----END (RSA )?PUBLIC KEY-----/, "Paste NIC's public key in PEM form").nullable())
    .optional(),
  threshold: thresholdAmount.optional(),
  stateThresholds: z
    .record(z.string().refine((s) => isStateCode(s), "Not a GST state code"), thresholdAmount)
    .refine((r) => Object.keys(r).length <= 40, "Too many states")
    .optional(),
});
