// Which dated GST rate applies: longest HSN prefix, latest effective date on or before the document
// date, a company's row over the schedule on the same prefix and day, else the product's own rate.
import { describe, expect, it } from "vitest";
import { hsnPrefixes, resolveGstRate, type TaxRateRow } from "@/lib/tax/resolve-rate";

const d = (day: string) => new Date(`${day}T00:00:00Z`);
const row = (hsnPrefix: string, gstRate: string, from: string, companyId: string | null = null, cessRate = "0"): TaxRateRow => ({ companyId, hsnPrefix, gstRate, cessRate, effectiveFrom: d(from) });
const product = { gstRate: "18", cessRate: "0" };

// The published schedule rows of migration 20261129200000_billing for biscuits (1905) and aerated drinks (2202).
const schedule = [row("1905", "18", "2017-07-01"), row("1905", "5", "2025-09-22"), row("2202", "28", "2017-07-01", null, "12"), row("2202", "40", "2025-09-22")];

describe("resolveGstRate", () => {
  it.each([
    ["19053100", "2025-09-21", "18.00", "0.00", "schedule"],
    ["19053100", "2025-09-22", "5.00", "0.00", "schedule"],
    ["19053100", "2026-04-01", "5.00", "0.00", "schedule"],
    ["22021010", "2025-09-21", "28.00", "12.00", "schedule"],
    ["22021010", "2025-09-22", "40.00", "0.00", "schedule"],
    ["84713010", "2025-09-22", "18.00", "0.00", "product"],
  ])("HSN %s on %s → %s%% + cess %s (%s)", (hsn, day, gst, cess, source) => {
    const r = resolveGstRate(schedule, hsn, d(day), product);
    expect([r.gstRate.toFixed(2), r.cessRate.toFixed(2), r.source]).toEqual([gst, cess, source]);
  });

  it("the longest matching prefix wins even when a shorter one is newer", () => {
    const rows = [row("1905", "5", "2025-09-22"), row("190531", "12", "2020-01-01")];
    expect(resolveGstRate(rows, "19053100", d("2026-01-01"), product).gstRate.toFixed(2)).toBe("12.00");
    expect(resolveGstRate(rows, "19059020", d("2026-01-01"), product).gstRate.toFixed(2)).toBe("5.00");
  });

  it("a row dated after the document date does not apply yet", () => {
    const rows = [row("8471", "12", "2026-12-01")];
    expect(resolveGstRate(rows, "84713010", d("2026-11-30"), product).source).toBe("product");
    expect(resolveGstRate(rows, "84713010", d("2026-12-01"), product).gstRate.toFixed(2)).toBe("12.00");
  });

  it("for the same prefix and day a company's row beats the schedule; a later schedule row beats an older company row", () => {
    const rows = [row("1905", "5", "2025-09-22"), row("1905", "12", "2025-09-22", "co_1")];
    const r = resolveGstRate(rows, "19053100", d("2025-10-01"), product);
    expect([r.gstRate.toFixed(2), r.source]).toEqual(["12.00", "company"]);
    const later = [row("1905", "12", "2024-01-01", "co_1"), row("1905", "5", "2025-09-22")];
    expect(resolveGstRate(later, "19053100", d("2025-10-01"), product).source).toBe("schedule");
  });

  it("falls back to the product's own rate and cess", () => {
    const r = resolveGstRate([], "24022090", d("2026-01-01"), { gstRate: "28", cessRate: "5" });
    expect([r.gstRate.toFixed(2), r.cessRate.toFixed(2), r.source, r.effectiveFrom]).toEqual(["28.00", "5.00", "product", null]);
  });

  it("hsnPrefixes lists every prefix of 2 digits or more", () => {
    expect(hsnPrefixes("19053100")).toEqual(["19", "190", "1905", "19053", "190531", "1905310", "19053100"]);
  });
});
