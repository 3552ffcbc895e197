// Codes of the NIC e-way bill system: sub-supply types, document types allowed with each, reason codes
// of the Part B update, extension and cancellation, units (UQC) and the default intra-state thresholds.
// Pure data; no imports from the app.

/** 1 Supply, 2 Import, 3 Export, 4 Job Work, 5 For Own Use, 6 Job Work Returns, 7 Sales Return, 8 Others, 9 SKD/CKD, 10 Line Sales, 11 Recipient Not Known, 12 Exhibition or Fairs. */
export type SubSupplyType = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12;
export type EwayDocType = "INV" | "BIL" | "BOE" | "CHL" | "OTH";

export const SUB_SUPPLY_LABELS: Record<SubSupplyType, string> = {
  1: "Supply",
  2: "Import",
  3: "Export",
  4: "Job Work",
  5: "For Own Use",
  6: "Job Work Returns",
  7: "Sales Return",
  8: "Others",
  9: "SKD/CKD",
  10: "Line Sales",
  11: "Recipient Not Known",
  12: "Exhibition or Fairs",
};

/** Outward movements: which document may carry each sub-supply type. */
export const OUTWARD_DOC_TYPES: Partial<Record<SubSupplyType, readonly EwayDocType[]>> = {
  1: ["INV", "BIL"],
  3: ["INV", "BIL"],
  4: ["CHL"],
  5: ["CHL"],
  8: ["CHL", "OTH"],
  9: ["INV", "BIL", "CHL"],
  10: ["CHL"],
  11: ["CHL", "OTH"],
  12: ["CHL"],
};

/** Sub-supply types where the consignor and consignee may be the same GSTIN (movement within one registration). */
export const SAME_GSTIN_ALLOWED: ReadonlySet<SubSupplyType> = new Set([5, 8, 10, 11, 12]);

/** The e-way bill system's state code for a place outside India (exports). */
export const EXPORT_STATE_CODE = "99";

/** Part B (VEHEWB) reasons. */
export const VEHICLE_REASONS = { 1: "Due to break down", 2: "Due to trans-shipment", 3: "Others", 4: "First time" } as const;
export type VehicleReason = keyof typeof VEHICLE_REASONS;

/** Cancellation reasons — not the e-invoice order: 2 is "order cancelled", 3 "data entry mistake". */
export const CANCEL_REASONS = { 1: "Duplicate", 2: "Order cancelled", 3: "Data entry mistake", 4: "Others" } as const;
export type CancelReason = keyof typeof CANCEL_REASONS;

/** Validity extension reasons. */
export const EXTEND_REASONS = { 1: "Natural calamity", 2: "Law and order situation", 4: "Transshipment", 5: "Accident", 99: "Others" } as const;
export type ExtendReason = keyof typeof EXTEND_REASONS;

/** M in movement (on a vehicle), T in transit (in a warehouse or yard; needs the address). */
export type ConsignmentStatus = "M" | "T";
/** R road, W warehouse, O others — where a consignment in transit is kept. */
export type TransitType = "R" | "W" | "O";

/** GST unit quantity codes (UQC) the e-way bill system takes. */
export const UQC = new Set(
  "BAG BAL BDL BKL BOU BOX BTL BUN CAN CBM CCM CMS CTN DOZ DRM GGK GMS GRS GYD KGS KLR KME LTR MLT MTR MTS NOS OTH PAC PCS PRS QTL ROL SET SQF SQM SQY TBS TGM THD TON TUB UGS UNT YDS".split(" "),
);
const UNIT_ALIASES: Record<string, string> = {
  KG: "KGS", KGM: "KGS", G: "GMS", GM: "GMS", GRAM: "GMS", L: "LTR", LT: "LTR", LITRE: "LTR", LITER: "LTR", ML: "MLT", M: "MTR", METRE: "MTR",
  PC: "PCS", PIECE: "PCS", PIECES: "PCS", NO: "NOS", NUMBER: "NOS", DOZEN: "DOZ", BOTTLE: "BTL", PACK: "PAC", PKT: "PAC", PACKET: "PAC",
  BUNDLE: "BDL", CARTON: "CTN", ROLL: "ROL", BAGS: "BAG", BOXES: "BOX", TONNE: "TON", QUINTAL: "QTL", UNIT: "UNT", UNITS: "UNT", PAIR: "PRS",
};

/** The UQC for a product's unit ("kg" → KGS); OTH when it has none. */
export function toUqc(unit: string | null | undefined): string {
  const u = (unit ?? "").toUpperCase().replace(/[^A-Z]/g, "");
  if (UQC.has(u)) return u;
  return UNIT_ALIASES[u] ?? "OTH";
}

/**
 * Intra-state thresholds that differ from the ₹50,000 of Rule 138(1), as notified by the states
 * (movement within the state only; inter-state always uses the company's base threshold). These are
 * defaults a company can override per state in its e-way bill settings — check them against the
 * state's current notification.
 */
export const DEFAULT_STATE_THRESHOLDS: Readonly<Record<string, string>> = {
  "03": "100000", // Punjab
  "07": "100000", // Delhi
  "08": "100000", // Rajasthan (intra-state)
  "10": "100000", // Bihar
  "19": "100000", // West Bengal
  "27": "100000", // Maharashtra
  "33": "100000", // Tamil Nadu
};

/** GST rates (IGST) the e-way bill system takes. */
export const GST_RATES = new Set([0, 0.1, 0.25, 1, 1.5, 3, 5, 6, 7.5, 12, 18, 28, 40]);
