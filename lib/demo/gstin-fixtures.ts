// Made-up PANs and a GSTIN builder for seeds and tests. The PANs follow the format
// (4th character = holder type: C company, F firm, P individual) but are invented.
import { gstinCheckDigit } from "@/lib/integrations/gst/gstin";

/** Builds a GSTIN with a correct check digit: state code + PAN + entity + "Z" + check. */
export function makeGstin(stateCode: string | number, pan: string, entity = "1"): string {
  const state = String(stateCode).padStart(2, "0");
  const first14 = `${state}${pan.toUpperCase()}${entity.toUpperCase()}Z`;
  if (!/^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][0-9A-Z]Z$/.test(first14)) {
    throw new Error(`makeGstin: bad input (${state}, ${pan}, ${entity})`);
  }
  return first14 + gstinCheckDigit(first14);
}

export const DEMO_PANS = {
  companyA: "AABCK4821M",
  companyB: "AAHCS7315Q",
  companyC: "AADCV2049L",
  firmA: "AAKFM6630R",
  firmB: "ABMFT1187D",
  firmC: "AAGFR9052H",
  personA: "BQXPS4417K",
  personB: "CDRPA8823N",
} as const;

export const DEMO_PAN_LIST: readonly string[] = Object.values(DEMO_PANS);
