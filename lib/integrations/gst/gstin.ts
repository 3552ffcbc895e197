// GSTIN / PAN / PIN code checks. Pure and dependency-light on purpose: the same functions run
// in browser forms (instant feedback) and in domain code (the authoritative check).
//
// GSTIN layout (15 chars): SS PPPPPPPPPP E Z C
//   SS  state code (see states.ts)      P  PAN of the holder (AAAAA9999A)
//   E   entity number for that PAN in that state (1-9, then A-Z)
//   Z   "Z" by default                  C  check character (base-36, mod 36)
import { z } from "zod";
import { getGstState, isStateCode, type GstState } from "./states";

const CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

const PAN_RE = /^[A-Z]{5}[0-9]{4}[A-Z]$/;
const GSTIN_SHAPE_RE = /^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$/;
const PINCODE_RE = /^[1-9][0-9]{5}$/;

export type ParsedGstin = {
  stateCode: string;
  pan: string;
  entityNumber: string;
  checkDigit: string;
};

/**
 * Check character for the first 14 characters of a GSTIN.
 * Each character's base-36 value is multiplied by 1 or 2 (alternating, starting with 1);
 * every product is folded to `quotient + remainder` of division by 36; the check value is
 * (36 - sum mod 36) mod 36, written back in base 36.
 * Throws on input that is not 14 characters of [0-9A-Z].
 */
export function gstinCheckDigit(first14: string): string {
  const s = first14.toUpperCase();
  if (s.length !== 14) throw new Error("gstinCheckDigit needs exactly 14 characters");
  let sum = 0;
  for (let i = 0; i < 14; i++) {
    const value = CHARSET.indexOf(s[i]!);
    if (value < 0) throw new Error(`gstinCheckDigit: invalid character "${s[i]}"`);
    const product = value * (i % 2 === 0 ? 1 : 2);
    sum += Math.floor(product / 36) + (product % 36);
  }
  return CHARSET[(36 - (sum % 36)) % 36]!;
}

/** Shape is right (state code known, PAN pattern, entity, "Z"); check digit not verified. */
function hasGstinShape(s: string): boolean {
  return GSTIN_SHAPE_RE.test(s) && isStateCode(s.slice(0, 2));
}

export function isValidGstin(s: string | null | undefined): boolean {
  if (typeof s !== "string") return false;
  const g = s.trim().toUpperCase();
  return hasGstinShape(g) && gstinCheckDigit(g.slice(0, 14)) === g[14];
}

/** Splits a valid GSTIN into its parts; null when the GSTIN is invalid (check digit included). */
export function parseGstin(s: string | null | undefined): ParsedGstin | null {
  if (!isValidGstin(s)) return null;
  const g = s!.trim().toUpperCase();
  return {
    stateCode: g.slice(0, 2),
    pan: g.slice(2, 12),
    entityNumber: g[12]!,
    checkDigit: g[14]!,
  };
}

/** State of a GSTIN (from its first two digits); undefined when the GSTIN is invalid. */
export function stateFromGstin(gstin: string | null | undefined): GstState | undefined {
  const parsed = parseGstin(gstin);
  return parsed ? getGstState(parsed.stateCode) : undefined;
}

export function isValidPan(s: string | null | undefined): boolean {
  return typeof s === "string" && PAN_RE.test(s.trim().toUpperCase());
}

/** Indian PIN code: 6 digits, first digit 1-9. */
export function isValidPincode(s: string | number | null | undefined): boolean {
  if (s === null || s === undefined) return false;
  return PINCODE_RE.test(String(s).trim());
}

export const GSTIN_FORMAT_MESSAGE =
  "GSTIN must be 15 characters: 2-digit state code, PAN, entity number, Z, check digit";

/**
 * zod schema for a GSTIN field: trims, upper-cases, then checks shape and check digit with
 * distinct messages so a typo in the last character says what was expected.
 * For an optional field use `gstinSchema.optional()` or accept "" before it.
 */
export const gstinSchema = z
  .string()
  .trim()
  .toUpperCase()
  .superRefine((g, ctx) => {
    if (!hasGstinShape(g)) {
      ctx.addIssue({ code: "custom", message: GSTIN_FORMAT_MESSAGE });
      return;
    }
    const expected = gstinCheckDigit(g.slice(0, 14));
    if (expected !== g[14]) {
      ctx.addIssue({ code: "custom", message: `GSTIN check digit is wrong (expected ${expected})` });
    }
  });

export const panSchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((p) => PAN_RE.test(p), { message: "PAN must look like AAAAA9999A" });

export const pincodeSchema = z
  .string()
  .trim()
  .refine((p) => PINCODE_RE.test(p), { message: "PIN code must be 6 digits and not start with 0" });
