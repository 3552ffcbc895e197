// Inputs of the e-invoice, e-way bill and cancellation functions, shared by forms, actions and routes.
import { z } from "zod";
import { numberFromText } from "@/lib/validation";

export const irpModes = ["SANDBOX", "NIC"] as const;

const blankToNull = (v: unknown) => (typeof v === "string" && v.trim() === "" ? null : typeof v === "string" ? v.trim() : v);

export const updateEInvoiceSettingsInput = z.strictObject({
  eInvoiceEnabled: z.boolean().optional(),
  irpMode: z.enum(irpModes, { error: "Choose the local IRP sandbox or the NIC IRP" }).optional(),
  irpBaseUrl: z.preprocess(blankToNull, z.url({ protocol: /^https?$/, error: "Enter the IRP's base URL, e.g. https://einv-apisandbox.nic.in" }).max(300).nullable()).optional(),
  irpUsername: z.preprocess(blankToNull, z.string().max(100).nullable()).optional(),
  irpClientId: z.preprocess(blankToNull, z.string().max(200).nullable()).optional(),
  /** Write-only. Omitted or blank keeps the stored one; null clears it. */
  irpPassword: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).nullable().optional()),
  irpClientSecret: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).nullable().optional()),
  irpPublicKeyPem: z
    .preprocess(blankToNull, z.string().max(5000).regex(/-----BEGIN (RSA )?PUBLIC KEY-----[\s\S]+-----END (RSA )?PUBLIC KEY-----/, "Paste NIC's public key in PEM form (-----BEGIN PUBLIC KEY----- …)").nullable())
    .optional(),
});
export type UpdateEInvoiceSettingsInput = z.input<typeof updateEInvoiceSettingsInput>;

export const cancelInvoiceInput = z.strictObject({
  reasonCode: z.preprocess(numberFromText, z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "Choose a reason: 1 Duplicate, 2 Data entry mistake, 3 Order cancelled, 4 Others" })),
  remark: z.string({ error: "A remark is required" }).trim().min(1, "A remark is required").max(100, "The remark can be at most 100 characters"),
});
export type CancelInvoiceInput = z.input<typeof cancelInvoiceInput>;

export const cancelReasons = { 1: "Duplicate", 2: "Data entry mistake", 3: "Order cancelled", 4: "Others" } as const;

export const ewayBillTransportInput = z.strictObject({
  vehicleNo: z.preprocess(blankToNull, z.string().max(20).nullable()).optional(),
  distanceKm: z.preprocess(numberFromText, z.number({ error: "Distance must be a number of kilometres" }).int("Distance is whole kilometres").min(0, "Distance cannot be negative").max(4000, "Distance can be at most 4000 km")),
  transMode: z.preprocess(numberFromText, z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)])).optional(),
  transporterId: z.preprocess(blankToNull, z.string().max(15).nullable()).optional(),
  transporterName: z.preprocess(blankToNull, z.string().max(100).nullable()).optional(),
  transDocNo: z.preprocess(blankToNull, z.string().max(15).nullable()).optional(),
  transDocDate: z.preprocess(blankToNull, z.string().regex(/^\d{2}\/\d{2}\/\d{4}$/, "dd/mm/yyyy").nullable()).optional(),
});
export type EwayBillTransportInput = z.input<typeof ewayBillTransportInput>;
