// Which table answers a sales figure and over which days: whole months from the monthly rollups and
// the edge days from the daily ones; a category, or a product and a retailer dimension together, from
// the invoice lines.
import { describe, expect, it } from "vitest";
import { productDocumentsFor, salesSourceFor, splitRange } from "@/lib/reporting/sales/rollup-plan";
import { addDays } from "@/lib/reporting/sales/sales-drill";

describe("splitRange", () => {
  it("reads whole and mostly covered months from the monthly table, the rest day by day", () => {
    expect(splitRange("2025-12-01", "2026-11-30", false)).toEqual({ months: [{ from: "2025-12-01", to: "2026-11-01" }], days: [] });
    // 15–30 Sep is 16 of 30 days: September less 1–14; 1–20 Nov is 20 of 30: November less 21–30.
    expect(splitRange("2026-09-15", "2026-11-20", false)).toEqual({
      months: [{ from: "2026-09-01", to: "2026-11-01" }],
      days: [
        { from: "2026-09-01", to: "2026-09-14", sign: -1 },
        { from: "2026-11-21", to: "2026-11-30", sign: -1 },
      ],
    });
    // The dashboard's month to date: the month less its last day.
    expect(splitRange("2026-11-01", "2026-11-29", false)).toEqual({ months: [{ from: "2026-11-01", to: "2026-11-01" }], days: [{ from: "2026-11-30", to: "2026-11-30", sign: -1 }] });
    expect(splitRange("2026-09-20", "2026-11-10", false)).toEqual({
      months: [{ from: "2026-10-01", to: "2026-10-01" }],
      days: [
        { from: "2026-09-20", to: "2026-09-30", sign: 1 },
        { from: "2026-11-01", to: "2026-11-10", sign: 1 },
      ],
    });
    expect(splitRange("2026-02-01", "2026-02-28", false)).toEqual({ months: [{ from: "2026-02-01", to: "2026-02-01" }], days: [] });
    expect(splitRange("2024-02-01", "2024-02-28", false)).toEqual({ months: [{ from: "2024-02-01", to: "2024-02-01" }], days: [{ from: "2024-02-29", to: "2024-02-29", sign: -1 }] });
    expect(splitRange("2026-11-30", "2026-12-01", false)).toEqual({ months: [], days: [{ from: "2026-11-30", to: "2026-11-30", sign: 1 }, { from: "2026-12-01", to: "2026-12-01", sign: 1 }] });
    expect(splitRange("2026-11-03", "2026-11-03", false)).toEqual({ months: [], days: [{ from: "2026-11-03", to: "2026-11-03", sign: 1 }] });
  });

  it("counts every day of the range once and no other day", () => {
    const starts = ["2025-01-01", "2025-01-31", "2025-02-01", "2025-02-15", "2024-02-29", "2025-12-31", "2025-03-16"];
    for (const from of starts) {
      for (const len of [0, 1, 14, 15, 16, 27, 28, 30, 31, 45, 59, 60, 95, 400]) {
        const to = addDays(from, len);
        const r = splitRange(from, to, false);
        const weight = new Map<string, number>();
        const add = (d: string, w: number) => weight.set(d, (weight.get(d) ?? 0) + w);
        for (const part of r.days) for (let d = part.from; d <= part.to; d = addDays(d, 1)) add(d, part.sign);
        for (const run of r.months) {
          for (let m = run.from; m <= run.to; m = addDays(m, 32).slice(0, 7) + "-01") {
            for (let d = m; d.slice(0, 7) === m.slice(0, 7); d = addDays(d, 1)) add(d, 1);
          }
        }
        for (const [d, w] of weight) expect(w, `${from}..${to} ${d}`).toBe(d >= from && d <= to ? 1 : 0);
        for (let d = from; d <= to; d = addDays(d, 1)) expect(weight.get(d), `${from}..${to} ${d}`).toBe(1);
        // Never more daily rows than half a month at either edge.
        const daily = r.days.reduce((n, p) => n + 1 + Math.round((Date.parse(p.to) - Date.parse(p.from)) / 86_400_000), 0);
        expect(daily, `${from}..${to}`).toBeLessThanOrEqual(32);
      }
    }
  });

  it("reads days and weeks day by day", () => {
    expect(splitRange("2025-12-01", "2026-11-30", true)).toEqual({ months: [], days: [{ from: "2025-12-01", to: "2026-11-30", sign: 1 }] });
  });
});

describe("salesSourceFor", () => {
  it("answers periods and retailer dimensions from the header rollup, products and HSN codes from the product rollup", () => {
    for (const g of ["day", "week", "month", "retailer", "state", "salesperson", "warehouse"] as const) expect(salesSourceFor(g, {}), g).toBe("header");
    expect(salesSourceFor("month", { connectionId: "c", state: "29", salespersonId: "none", warehouseId: "w" })).toBe("header");
    expect(salesSourceFor("product", {})).toBe("product");
    expect(salesSourceFor("hsn", { productId: "p" })).toBe("product");
    expect(salesSourceFor("month", { hsn: "1905" })).toBe("product");
    expect(salesSourceFor(null, {})).toBe("header");
    expect(salesSourceFor(null, { productId: "none" })).toBe("product");
  });

  it("falls back to the invoice lines for a category, or a product dimension with a retailer one", () => {
    expect(salesSourceFor("category", {})).toBe("lines");
    expect(salesSourceFor("month", { categoryId: "c" })).toBe("lines");
    expect(salesSourceFor("product", { connectionId: "c" })).toBe("lines");
    expect(salesSourceFor("retailer", { productId: "p" })).toBe("lines");
    expect(salesSourceFor("month", { hsn: "1905", state: "27" })).toBe("lines");
    expect(salesSourceFor(null, { productId: "p", warehouseId: "none" })).toBe("lines");
  });

  it("counts a product's or an HSN code's documents once each", () => {
    expect(productDocumentsFor("product", {})).toBe("productDocuments");
    expect(productDocumentsFor("month", { productId: "p" })).toBe("productDocuments");
    expect(productDocumentsFor("hsn", {})).toBe("hsnDocuments");
    expect(productDocumentsFor(null, { hsn: "1905" })).toBe("hsnDocuments");
    expect(productDocumentsFor("product", { hsn: "1905" })).toBe("documents");
    expect(productDocumentsFor("hsn", { productId: "p" })).toBe("documents");
  });
});
