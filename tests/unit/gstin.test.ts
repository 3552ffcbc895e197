import { describe, it, expect } from "vitest";
import {
  gstinCheckDigit,
  gstinSchema,
  isValidGstin,
  isValidPan,
  isValidPincode,
  parseGstin,
  stateFromGstin,
} from "@/lib/integrations/gst/gstin";
import { GST_STATES, isStateCode, stateName } from "@/lib/integrations/gst/states";
import { DEMO_PAN_LIST, makeGstin } from "@/lib/demo/gstin-fixtures";

const KNOWN_VALID = ["27AAPFU0939F1ZV", "29AAGCB7383J1Z4"];
const CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

describe("GSTIN check digit", () => {
  it.each(KNOWN_VALID)("accepts the published GSTIN %s", (g) => {
    expect(gstinCheckDigit(g.slice(0, 14))).toBe(g[14]);
    expect(isValidGstin(g)).toBe(true);
  });

  it("accepts lower case and surrounding spaces", () => {
    expect(isValidGstin("  27aapfu0939f1zv ")).toBe(true);
  });

  it.each(KNOWN_VALID)("rejects every single-character change of %s", (g) => {
    for (let i = 0; i < 15; i++) {
      for (const c of CHARSET) {
        if (c === g[i]) continue;
        const changed = g.slice(0, i) + c + g.slice(i + 1);
        expect(isValidGstin(changed), changed).toBe(false);
      }
    }
  });

  it("rejects wrong length, unknown state codes and a missing Z", () => {
    expect(isValidGstin("27AAPFU0939F1Z")).toBe(false);
    expect(isValidGstin("27AAPFU0939F1ZVX")).toBe(false);
    expect(isValidGstin("")).toBe(false);
    expect(isValidGstin(null)).toBe(false);
    expect(isValidGstin(makeGstin("27", "AAPFU0939F").replace(/^27/, "99"))).toBe(false);
    const noZ = "27AAPFU0939F1Y";
    expect(isValidGstin(noZ + gstinCheckDigit(noZ))).toBe(false);
  });

  it("throws on bad input to gstinCheckDigit", () => {
    expect(() => gstinCheckDigit("27AAPFU0939F1")).toThrow();
    expect(() => gstinCheckDigit("27AAPFU0939F1-")).toThrow();
  });
});

describe("parseGstin / stateFromGstin", () => {
  it("splits a valid GSTIN", () => {
    expect(parseGstin("27AAPFU0939F1ZV")).toEqual({
      stateCode: "27",
      pan: "AAPFU0939F",
      entityNumber: "1",
      checkDigit: "V",
    });
    expect(stateFromGstin("29AAGCB7383J1Z4")?.name).toBe("Karnataka");
  });

  it("returns null / undefined for an invalid GSTIN", () => {
    expect(parseGstin("27AAPFU0939F1ZW")).toBeNull();
    expect(stateFromGstin("27AAPFU0939F1ZW")).toBeUndefined();
  });
});

describe("gstinSchema", () => {
  it("normalises and accepts a valid GSTIN", () => {
    expect(gstinSchema.parse(" 27aapfu0939f1zv ")).toBe("27AAPFU0939F1ZV");
  });

  it("explains a format error", () => {
    const r = gstinSchema.safeParse("27AAPFU0939");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/must be 15 characters/);
  });

  it("names the expected check digit", () => {
    const r = gstinSchema.safeParse("27AAPFU0939F1ZW");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe("GSTIN check digit is wrong (expected V)");
  });
});

describe("PAN and PIN code", () => {
  it("validates PAN format", () => {
    expect(isValidPan("AAPFU0939F")).toBe(true);
    expect(isValidPan("aapfu0939f")).toBe(true);
    expect(isValidPan("AAPFU0939")).toBe(false);
    expect(isValidPan("AAPF00939F")).toBe(false);
  });

  it("validates PIN codes", () => {
    expect(isValidPincode("400001")).toBe(true);
    expect(isValidPincode(560001)).toBe(true);
    expect(isValidPincode("040001")).toBe(false);
    expect(isValidPincode("40001")).toBe(false);
    expect(isValidPincode("4000011")).toBe(false);
  });
});

describe("states", () => {
  it("has the official codes", () => {
    expect(stateName("27")).toBe("Maharashtra");
    expect(stateName("26")).toBe("Dadra and Nagar Haveli and Daman and Diu");
    expect(stateName("36")).toBe("Telangana");
    expect(stateName("37")).toBe("Andhra Pradesh");
    expect(stateName("38")).toBe("Ladakh");
    expect(stateName("97")).toBe("Other Territory");
    expect(stateName(7)).toBe("Delhi");
    expect(isStateCode("39")).toBe(false);
    expect(new Set(GST_STATES.map((s) => s.code)).size).toBe(GST_STATES.length);
    expect(new Set(GST_STATES.map((s) => s.alpha)).size).toBe(GST_STATES.length);
  });
});

describe("makeGstin fixtures", () => {
  it("builds valid GSTINs from the demo PANs", () => {
    expect(DEMO_PAN_LIST).toHaveLength(8);
    for (const pan of DEMO_PAN_LIST) {
      expect(isValidPan(pan)).toBe(true);
      expect(isValidGstin(makeGstin("27", pan))).toBe(true);
      expect(isValidGstin(makeGstin(7, pan, "2"))).toBe(true);
    }
    expect(makeGstin("27", "AAPFU0939F")).toBe("27AAPFU0939F1ZV");
  });

  it("uses the holder-type letter in the 4th PAN character", () => {
    expect(DEMO_PAN_LIST.map((p) => p[3]).sort().join("")).toBe("CCCFFFPP");
  });
});
