// GST state / union-territory codes as used in the first two characters of a GSTIN and in
// "place of supply". Codes 25 and 28 are kept only so that old documents still resolve to a
// name: Daman and Diu merged into 26 (2020) and undivided Andhra Pradesh (28) was replaced by
// 37 after the 2014 bifurcation. New records should pick from `activeGstStates`.

export type GstState = {
  code: string;
  name: string;
  alpha: string;
  kind: "state" | "ut" | "other";
  legacy?: true;
};

export const GST_STATES: readonly GstState[] = [
  { code: "01", name: "Jammu and Kashmir", alpha: "JK", kind: "ut" },
  { code: "02", name: "Himachal Pradesh", alpha: "HP", kind: "state" },
  { code: "03", name: "Punjab", alpha: "PB", kind: "state" },
  { code: "04", name: "Chandigarh", alpha: "CH", kind: "ut" },
  { code: "05", name: "Uttarakhand", alpha: "UK", kind: "state" },
  { code: "06", name: "Haryana", alpha: "HR", kind: "state" },
  { code: "07", name: "Delhi", alpha: "DL", kind: "ut" },
  { code: "08", name: "Rajasthan", alpha: "RJ", kind: "state" },
  { code: "09", name: "Uttar Pradesh", alpha: "UP", kind: "state" },
  { code: "10", name: "Bihar", alpha: "BR", kind: "state" },
  { code: "11", name: "Sikkim", alpha: "SK", kind: "state" },
  { code: "12", name: "Arunachal Pradesh", alpha: "AR", kind: "state" },
  { code: "13", name: "Nagaland", alpha: "NL", kind: "state" },
  { code: "14", name: "Manipur", alpha: "MN", kind: "state" },
  { code: "15", name: "Mizoram", alpha: "MZ", kind: "state" },
  { code: "16", name: "Tripura", alpha: "TR", kind: "state" },
  { code: "17", name: "Meghalaya", alpha: "ML", kind: "state" },
  { code: "18", name: "Assam", alpha: "AS", kind: "state" },
  { code: "19", name: "West Bengal", alpha: "WB", kind: "state" },
  { code: "20", name: "Jharkhand", alpha: "JH", kind: "state" },
  { code: "21", name: "Odisha", alpha: "OD", kind: "state" },
  { code: "22", name: "Chhattisgarh", alpha: "CG", kind: "state" },
  { code: "23", name: "Madhya Pradesh", alpha: "MP", kind: "state" },
  { code: "24", name: "Gujarat", alpha: "GJ", kind: "state" },
  { code: "25", name: "Daman and Diu", alpha: "DD", kind: "ut", legacy: true },
  { code: "26", name: "Dadra and Nagar Haveli and Daman and Diu", alpha: "DH", kind: "ut" },
  { code: "27", name: "Maharashtra", alpha: "MH", kind: "state" },
  { code: "28", name: "Andhra Pradesh (before division)", alpha: "AP", kind: "state", legacy: true },
  { code: "29", name: "Karnataka", alpha: "KA", kind: "state" },
  { code: "30", name: "Goa", alpha: "GA", kind: "state" },
  { code: "31", name: "Lakshadweep", alpha: "LD", kind: "ut" },
  { code: "32", name: "Kerala", alpha: "KL", kind: "state" },
  { code: "33", name: "Tamil Nadu", alpha: "TN", kind: "state" },
  { code: "34", name: "Puducherry", alpha: "PY", kind: "ut" },
  { code: "35", name: "Andaman and Nicobar Islands", alpha: "AN", kind: "ut" },
  { code: "36", name: "Telangana", alpha: "TS", kind: "state" },
  { code: "37", name: "Andhra Pradesh", alpha: "AD", kind: "state" },
  { code: "38", name: "Ladakh", alpha: "LA", kind: "ut" },
  { code: "97", name: "Other Territory", alpha: "OT", kind: "other" },
];

/** States and UTs a new GSTIN or place of supply can have today. */
export const activeGstStates: readonly GstState[] = GST_STATES.filter((s) => !s.legacy);

const byCode = new Map(GST_STATES.map((s) => [s.code, s]));

/** Accepts "27" or 27; single digits are zero-padded ("7" → "07"). */
function normalizeCode(code: string | number): string {
  const s = String(code).trim();
  return /^\d$/.test(s) ? `0${s}` : s;
}

export function getGstState(code: string | number): GstState | undefined {
  return byCode.get(normalizeCode(code));
}

export function stateName(code: string | number): string | undefined {
  return getGstState(code)?.name;
}

/** True for any code in the GST list, legacy codes included (old GSTINs still carry them). */
export function isStateCode(code: string | number): boolean {
  return byCode.has(normalizeCode(code));
}
