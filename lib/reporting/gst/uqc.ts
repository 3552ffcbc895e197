// GST Unit Quantity Codes (the portal's UQC list for Table 12) and the spellings of units people
// type on free-text invoice lines. Product units are already UQC codes (lib/catalog UNITS).

export const UQC_CODES = [
  "BAG", "BAL", "BDL", "BKL", "BOU", "BOX", "BTL", "BUN", "CAN", "CBM", "CCM", "CMS", "CTN", "DOZ", "DRM", "GGK", "GMS", "GRS", "GYD",
  "KGS", "KLR", "KME", "LTR", "MLT", "MTR", "MTS", "NOS", "OTH", "PAC", "PCS", "PRS", "QTL", "ROL", "SET", "SQF", "SQM", "SQY", "TBS",
  "TGM", "THD", "TON", "TUB", "UGS", "UNT", "YDS",
] as const;

const codes = new Set<string>(UQC_CODES);

/** Spellings people type, to their UQC. */
export const UQC_ALIASES: Record<string, string> = {
  KG: "KGS", KGM: "KGS", KILO: "KGS", KILOGRAM: "KGS", G: "GMS", GM: "GMS", GRAM: "GMS", GRAMS: "GMS", GRM: "GMS",
  L: "LTR", LT: "LTR", LTRS: "LTR", LITRE: "LTR", LITER: "LTR", ML: "MLT", M: "MTR", MT: "MTS", MTRS: "MTR", METRE: "MTR",
  PC: "PCS", PIECE: "PCS", PIECES: "PCS", NO: "NOS", NUM: "NOS", DOZEN: "DOZ", DZN: "DOZ", PKT: "PAC", PACK: "PAC", PACKS: "PAC",
  PAIR: "PRS", PAIRS: "PRS", ROLL: "ROL", BOTTLE: "BTL", BOXES: "BOX", BAGS: "BAG", CARTON: "CTN", UNIT: "UNT", UNITS: "UNT",
  TONNE: "TON", TONNES: "TON", QUINTAL: "QTL", TAB: "TBS", TABS: "TBS", SETS: "SET", SQFT: "SQF", SQMT: "SQM",
};

/** The UQC for a unit, or null when it is not one the portal knows (the return then files OTH). */
export function uqcOf(unit: string): string | null {
  const u = unit.trim().toUpperCase();
  if (codes.has(u)) return u;
  return UQC_ALIASES[u] ?? null;
}

/** Services (HSN/SAC chapter 99) report no quantity: UQC "NA". */
export function isService(hsn: string): boolean {
  return hsn.startsWith("99");
}
