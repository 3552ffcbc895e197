// Formats of the fleet's identifiers: vehicle registration numbers as the e-way bill system takes them,
// driving licence numbers, Indian mobile numbers and the transporter id (GSTIN or TRANSIN). Pure, so the
// forms give the same answer as the domain code.
//
// Vehicle numbers: the NIC e-way bill master "Valid Formats of Vehicle Numbers" (e-way bill API master
// codes; the same table on the e-invoice portal's General Master, last updated 28-03-2023) lists:
//   AB121234        state code + 2-digit RTO + 4 digits (no series)
//   AB12A1234       state code + RTO + 1-letter series + 4 digits
//   AB12AB1234      … 2-letter series
//   AB12ABC1234     … 3-letter series
//   AB123A1234      state code + 3-digit RTO + 1-letter series + 4 digits
//   ABC1234         old three-letter series
//   DFXXXXXX        defence vehicle (DF + 6 letters/digits)
//   TM…/TR…         temporary registration, at least 7 characters (the API docs write TR, the portal TM)
//   BP…             Bhutan vehicle, at least 7 characters
//   NP…             Nepal vehicle, at least 7 characters
// NIC's advisory for numbers the table does not fit (a 1-digit RTO as in Delhi, fewer than 4 digits) is to
// enter them with zeros: DL1CAB1234 → DL01CAB1234, DL1AB123 → DL01AB0123. We store that padded form, so the
// number on the vehicle is the number on every e-way bill. Bharat series (YY BH #### XX, MoRTH notification
// of 26-08-2021) is accepted too. Diplomatic plates (CD/CC/UN) are not in the NIC table, so the e-way bill
// system refuses them and so do we.
import { gstinCheckDigit, isValidGstin } from "@/lib/integrations/gst/gstin";

/** Two-letter codes on Indian registration plates (RTO state / UT series), old ones (OR, UA) included. */
export const PLATE_STATE_CODES = [
  "AN", "AP", "AR", "AS", "BR", "CG", "CH", "DD", "DL", "DN", "GA", "GJ", "HP", "HR", "JH", "JK", "KA", "KL", "LA", "LD",
  "MH", "ML", "MN", "MP", "MZ", "NL", "OD", "OR", "PB", "PY", "RJ", "SK", "TG", "TN", "TR", "TS", "UA", "UK", "UP", "WB",
] as const;
const PLATE_STATES = new Set<string>(PLATE_STATE_CODES);

export type VehicleNumberFormat = "state_series" | "old_series" | "bharat_series" | "defence" | "temporary" | "bhutan" | "nepal";

export const vehicleFormatLabels: Record<VehicleNumberFormat, string> = {
  state_series: "State series",
  old_series: "Old series",
  bharat_series: "Bharat (BH) series",
  defence: "Defence",
  temporary: "Temporary registration",
  bhutan: "Bhutan",
  nepal: "Nepal",
};

export type VehicleNumberResult = { ok: true; value: string; format: VehicleNumberFormat } | { ok: false; error: string };

/** Upper case, without spaces, dashes, dots or slashes (as people write plates: "MH-15 AB 1234", "TMP/2024/…"). */
export function compactId(raw: string): string {
  return raw.toUpperCase().replace(/[\s\-./]/g, "");
}

export const VEHICLE_NUMBER_HINT = "e.g. MH15AB1234, KA01A1234, DL1CAB1234, 22BH1234AA, or a temporary (TM…/TR…), defence (DF…), Bhutan (BP…) or Nepal (NP…) number";

export function parseVehicleNumber(raw: string): VehicleNumberResult {
  const v = compactId(raw);
  if (!v) return { ok: false, error: "Enter the registration number" };
  if (!/^[A-Z0-9]+$/.test(v)) return { ok: false, error: "Use only letters and digits (spaces and dashes are ignored)" };
  if (v.length > 15) return { ok: false, error: "A registration number has at most 15 letters and digits" };

  // Bharat series: YY BH #### X or XX (I and O are not used in series letters).
  const bh = /^(\d{2})BH(\d{4})([A-HJ-NP-Z]{1,2})$/.exec(v);
  if (bh) return { ok: true, value: v, format: "bharat_series" };
  if (/^\d{2}BH/.test(v)) return { ok: false, error: "A Bharat series number is year + BH + 4 digits + 1–2 letters, e.g. 22BH1234AA" };

  // State series, with NIC's zero-padding of a 1-digit RTO and of a number shorter than 4 digits.
  // Without a series the digits cannot be split unless they are exactly RTO (2) + number (4): AB121234.
  const st = /^[A-Z]{2}\d+$/.test(v) ? /^([A-Z]{2})(\d{2})()(\d{4})$/.exec(v) : /^([A-Z]{2})(\d{1,3})([A-Z]{1,3})(\d{1,4})$/.exec(v);
  if (st && PLATE_STATES.has(st[1]!)) {
    const [, state, rto, series, num] = st as unknown as [string, string, string, string, string];
    if (rto.length === 3 && series.length !== 1) return { ok: false, error: "With a 3-digit RTO code the e-way bill system takes a 1-letter series only (AB123A1234)" };
    if (rto.length === 3 && num.length !== 4) return { ok: false, error: "The number after the series must be 4 digits" };
    if (/^0+$/.test(num)) return { ok: false, error: "The vehicle number cannot be 0000" };
    if (/^0+$/.test(rto)) return { ok: false, error: "The RTO code cannot be 0" };
    return { ok: true, value: `${state}${rto.padStart(2, "0")}${series}${num.padStart(4, "0")}`, format: "state_series" };
  }

  // Special forms of the NIC table, by prefix (none of these is a state code).
  if (v.startsWith("DF")) return /^DF[A-Z0-9]{6}$/.test(v) ? { ok: true, value: v, format: "defence" } : { ok: false, error: "A defence vehicle number is DF followed by 6 letters or digits (DFXXXXXX)" };
  if (v.startsWith("TM") || v.startsWith("TR")) {
    // TR is also Tripura's state code: a Tripura number was taken above; anything else TR… is a temporary registration.
    return v.length >= 7 ? { ok: true, value: v, format: "temporary" } : { ok: false, error: "A temporary registration (TM… or TR…) has at least 7 letters and digits" };
  }
  if (v.startsWith("BP")) return v.length >= 7 ? { ok: true, value: v, format: "bhutan" } : { ok: false, error: "A Bhutan vehicle number (BP…) has at least 7 letters and digits" };
  if (v.startsWith("NP")) return v.length >= 7 ? { ok: true, value: v, format: "nepal" } : { ok: false, error: "A Nepal vehicle number (NP…) has at least 7 letters and digits" };
  if (/^[A-Z]{3}\d{4}$/.test(v)) return { ok: true, value: v, format: "old_series" };

  if (/^(CD|CC|UN)\d/.test(v) || /^\d{2,3}(CD|CC|UN)\d+$/.test(v)) return { ok: false, error: "Diplomatic (CD/CC/UN) numbers are not taken by the e-way bill system" };
  if (st || /^[A-Z]{2}\d/.test(v)) {
    const code = v.slice(0, 2);
    if (!PLATE_STATES.has(code)) return { ok: false, error: `${code} is not a state code of Indian registration plates` };
  }
  return { ok: false, error: `Not a registration number the e-way bill system takes (${VEHICLE_NUMBER_HINT})` };
}

// ── Driving licence ────────────────────────────────────────────────────────────────────────────────
// Sarathi's 15-character form: state code (2 letters) + RTO (2 digits) + year of issue (4) + serial (7),
// e.g. MH14 20110062821. Written with spaces or dashes ("MH-14-2011-0062821") or with a 1-digit RTO.

export type LicenceResult = { ok: true; value: string } | { ok: false; error: string };
export const LICENCE_HINT = "state code + RTO + year + 7 digits, e.g. MH14 20110062821";

export function parseLicenceNumber(raw: string, today: Date = new Date()): LicenceResult {
  const v = compactId(raw);
  if (!v) return { ok: false, error: "Enter the driving licence number" };
  const m = /^([A-Z]{2})(\d{12,13})$/.exec(v);
  if (!m) return { ok: false, error: `A driving licence number is ${LICENCE_HINT}` };
  const [, state, digits] = m as unknown as [string, string, string];
  if (!PLATE_STATES.has(state)) return { ok: false, error: `${state} is not a state code of Indian driving licences` };
  // 12 digits: a 1-digit RTO written without its zero (DL4 2011 0149646).
  const full = digits.length === 12 ? `0${digits}` : digits;
  const rto = full.slice(0, 2);
  const year = Number(full.slice(2, 6));
  if (rto === "00") return { ok: false, error: "The RTO code cannot be 00" };
  if (year < 1950 || year > today.getUTCFullYear()) return { ok: false, error: `The year of issue (${full.slice(2, 6)}) is not plausible: ${LICENCE_HINT}` };
  if (/^0+$/.test(full.slice(6))) return { ok: false, error: "The licence serial cannot be all zeros" };
  return { ok: true, value: `${state}${full}` };
}

// ── Phone ──────────────────────────────────────────────────────────────────────────────────────────

export type PhoneResult = { ok: true; value: string } | { ok: false; error: string };

/** An Indian mobile number: 10 digits starting 6–9, with or without +91 / 91 / 0. Stored as +91XXXXXXXXXX. */
export function parseIndianMobile(raw: string): PhoneResult {
  const digits = raw.replace(/[\s\-().]/g, "");
  const m = /^(?:\+91|91|0)?([6-9]\d{9})$/.exec(digits);
  if (!m) return { ok: false, error: "Enter a 10-digit Indian mobile number (starting 6–9), e.g. 98765 43210" };
  return { ok: true, value: `+91${m[1]}` };
}

// ── Transporter id ─────────────────────────────────────────────────────────────────────────────────
// The e-way bill's transporterId: the transporter's GSTIN, or the 15-character TRANSIN the e-way bill
// portal gives an unregistered transporter (2-digit state code + 13 letters/digits, with a GSTIN-style
// check character; india-compliance checks it with the GSTIN check digit).

export type TransporterIdResult = { ok: true; value: string; kind: "gstin" | "transin" } | { ok: false; error: string };

export function parseTransporterId(raw: string): TransporterIdResult {
  const v = compactId(raw);
  if (v.length !== 15) return { ok: false, error: "A transporter id (GSTIN or TRANSIN) has 15 characters" };
  if (isValidGstin(v)) return { ok: true, value: v, kind: "gstin" };
  if (!/^\d{2}[0-9A-Z]{13}$/.test(v)) return { ok: false, error: "A transporter id starts with the 2-digit state code, then 13 letters or digits" };
  const expected = gstinCheckDigit(v.slice(0, 14));
  if (expected !== v[14]) return { ok: false, error: `The transporter id's check character is wrong (expected ${expected})` };
  return { ok: true, value: v, kind: "transin" };
}
