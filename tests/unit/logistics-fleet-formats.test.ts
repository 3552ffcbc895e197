// The fleet's identifier formats: every vehicle number format of the NIC e-way bill table (valid and invalid
// samples per format), driving licences, Indian mobiles and transporter ids; and the document warnings.
import { describe, expect, it } from "vitest";
import { driverWarnings, expiredOn, reminderThreshold, vehicleWarnings } from "@/lib/logistics/fleet/documents";
import { parseIndianMobile, parseLicenceNumber, parseTransporterId, parseVehicleNumber } from "@/lib/logistics/fleet/formats";
import { gstinCheckDigit } from "@/lib/integrations/gst/gstin";

const valid: [string, string, string][] = [
  // [as typed, stored, format]
  ["MH15AB1234", "MH15AB1234", "state_series"],
  ["mh-15-ab-1234", "MH15AB1234", "state_series"],
  ["KA 01 A 1234", "KA01A1234", "state_series"],
  ["KA01A1234", "KA01A1234", "state_series"],
  ["DL1CAB1234", "DL01CAB1234", "state_series"],
  ["DL01CAB1234", "DL01CAB1234", "state_series"],
  ["DL1AB123", "DL01AB0123", "state_series"],
  ["MH121234", "MH121234", "state_series"],
  ["RJ141A1234", "RJ141A1234", "state_series"],
  ["TR01A1234", "TR01A1234", "state_series"],
  ["22BH1234AA", "22BH1234AA", "bharat_series"],
  ["21 BH 0001 C", "21BH0001C", "bharat_series"],
  ["DLC1234", "DLC1234", "old_series"],
  ["DF123456", "DF123456", "defence"],
  ["DFAB1234", "DFAB1234", "defence"],
  ["TM1234567", "TM1234567", "temporary"],
  ["TMP/MH/2024/1234", "TMPMH20241234", "temporary"],
  ["TR2024ABC123", "TR2024ABC123", "temporary"],
  ["BP1A1234", "BP1A1234", "bhutan"],
  ["NP01PA1234", "NP01PA1234", "nepal"],
];
const invalid: [string, RegExp][] = [
  ["", /Enter the registration number/],
  ["MH15AB12345", /e-way bill|registration/],
  ["XX15AB1234", /XX is not a state code/],
  ["MH15ABCD1234", /e-way bill/],
  ["MH15AB0000", /0000/],
  ["MH00AB1234", /RTO code cannot be 0/],
  ["MH123AB1234", /3-digit RTO/],
  ["22BH12AA", /Bharat series/],
  ["22BH1234IO", /Bharat series/],
  ["DF12345", /defence/],
  ["DF1234567", /defence/],
  ["TM123", /temporary/],
  ["BP123", /Bhutan/],
  ["NP12", /Nepal/],
  ["CD123", /Diplomatic/],
  ["MH15AB1234XYZ12345", /at most 15/],
  ["MH15AB12#4", /letters and digits/],
];

describe("vehicle registration numbers (NIC e-way bill formats)", () => {
  it.each(valid)("%s is taken as %s (%s)", (raw, stored, format) => {
    expect(parseVehicleNumber(raw)).toEqual({ ok: true, value: stored, format });
  });
  it.each(invalid)("%s is refused", (raw, message) => {
    const r = parseVehicleNumber(raw);
    expect(r.ok).toBe(false);
    expect(r.ok ? "" : r.error).toMatch(message);
  });
});

describe("driving licence numbers", () => {
  const today = new Date("2026-12-06T00:00:00Z");
  it.each([
    ["MH14 20110062821", "MH1420110062821"],
    ["MH-14-2011-0062821", "MH1420110062821"],
    ["ka0120230001234", "KA0120230001234"],
    ["DL4 2011 0149646", "DL0420110149646"],
  ])("%s → %s", (raw, stored) => expect(parseLicenceNumber(raw, today)).toEqual({ ok: true, value: stored }));
  it.each([
    ["", /Enter the driving licence/],
    ["MH1420110062", /driving licence number is/],
    ["XX1420110062821", /XX is not a state code/],
    ["MH1420300062821", /year of issue/],
    ["MH1418900062821", /year of issue/],
    ["MH0020110062821", /RTO/],
    ["MH1420110000000", /all zeros/],
  ])("%s is refused", (raw, message) => {
    const r = parseLicenceNumber(raw, today);
    expect(r.ok ? "" : r.error).toMatch(message);
  });
});

describe("Indian mobile numbers", () => {
  it.each(["9876543210", "+91 98765 43210", "09876543210", "91-9876543210", "(+91) 6000000001"])("%s is a mobile", (raw) => {
    expect(parseIndianMobile(raw).ok).toBe(true);
  });
  it("is stored as +91 and 10 digits", () => expect(parseIndianMobile("098765 43210")).toEqual({ ok: true, value: "+919876543210" }));
  it.each(["5876543210", "987654321", "98765432101", "+1 9876543210", "phone", "02024567890"])("%s is refused", (raw) => {
    expect(parseIndianMobile(raw).ok).toBe(false);
  });
});

describe("transporter ids", () => {
  const transin = (body14: string) => body14 + gstinCheckDigit(body14);
  it("a GSTIN with its check digit", () => {
    const g = transin("27AAPFU0939F1Z");
    expect(parseTransporterId(g)).toEqual({ ok: true, value: g, kind: "gstin" });
  });
  it("a TRANSIN (not GSTIN-shaped) with its check character", () => {
    const t = transin("29AABCT1234X9Y");
    expect(parseTransporterId(t.toLowerCase())).toEqual({ ok: true, value: t, kind: "transin" });
  });
  it("a wrong check character, a wrong length or shape is refused", () => {
    const t = transin("29AABCT1234X9Y");
    const wrong = t.slice(0, 14) + (t[14] === "A" ? "B" : "A");
    expect(parseTransporterId(wrong)).toMatchObject({ ok: false, error: expect.stringMatching(/check character/) });
    expect(parseTransporterId("29AABCT1234")).toMatchObject({ ok: false, error: expect.stringMatching(/15 characters/) });
    expect(parseTransporterId("AAAABCT1234X9YZ")).toMatchObject({ ok: false, error: expect.stringMatching(/state code/) });
  });
});

describe("document warnings", () => {
  const v = { rcExpiry: new Date("2027-06-01T00:00:00Z"), insuranceExpiry: new Date("2026-12-10T00:00:00Z"), pucExpiry: new Date("2026-12-01T00:00:00Z"), fitnessExpiry: null, permitExpiry: new Date("2026-12-06T00:00:00Z") };
  it("lists lapsed first, then soonest; ignores what lapses after 30 days", () => {
    const w = vehicleWarnings(v, "2026-12-06");
    expect(w.map((x) => [x.document, x.status, x.daysLeft])).toEqual([
      ["puc", "expired", -5],
      ["permit", "expiring", 0],
      ["insurance", "expiring", 4],
    ]);
    expect(expiredOn(w).map((x) => x.document)).toEqual(["puc"]);
  });
  it("takes an instant as its day in India (20:00 UTC on 5 Dec is 6 Dec in India)", () => {
    expect(vehicleWarnings(v, new Date("2026-12-05T20:00:00Z")).find((x) => x.document === "permit")?.daysLeft).toBe(0);
    expect(vehicleWarnings(v, new Date("2026-12-05T17:00:00Z")).find((x) => x.document === "permit")?.daysLeft).toBe(1);
  });
  it("a trip on a later date sees what will have lapsed by then", () => {
    expect(expiredOn(vehicleWarnings(v, "2026-12-11")).map((x) => x.document)).toEqual(["puc", "permit", "insurance"]);
  });
  it("driver licence", () => {
    expect(driverWarnings({ licenceExpiry: new Date("2026-12-05T00:00:00Z") }, "2026-12-06")).toMatchObject([{ document: "licence", status: "expired", message: "Driving licence expired on 2026-12-05" }]);
    expect(driverWarnings({ licenceExpiry: null }, "2026-12-06")).toEqual([]);
  });
  it("reminder thresholds: the tightest reached", () => {
    expect([45, 31, 30, 20, 7, 5, 1, 0, -3].map(reminderThreshold)).toEqual([null, null, 30, 30, 7, 7, 1, 0, 0]);
  });
});
