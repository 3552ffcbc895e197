// The sales report's pure helpers: which documents a group drills down to, the periods a chart
// shows, and the axis labels in lakh and crore.
import { describe, expect, it } from "vitest";
import { compactINR } from "@/components/reports/compact-inr";
import { drillFilters, endOfMonth, groupName, periodKeys } from "@/lib/reporting/sales/sales-drill";

const range = { from: "2026-10-15", to: "2026-11-20" };

describe("drillFilters", () => {
  it("narrows a period to its days inside the report's range, keeping the other filters", () => {
    expect(drillFilters("day", "2026-11-03", range, { state: "29" })).toEqual({ state: "29", from: "2026-11-03", to: "2026-11-03" });
    expect(drillFilters("month", "2026-10", range, {})).toEqual({ from: "2026-10-15", to: "2026-10-31" });
    expect(drillFilters("month", "2026-11", range, {})).toEqual({ from: "2026-11-01", to: "2026-11-20" });
    // The week of Monday 12 Oct starts before the range: from is the range's first day.
    expect(drillFilters("week", "2026-10-12", range, {})).toEqual({ from: "2026-10-15", to: "2026-10-18" });
  });
  it("adds the group's own value for a dimension, 'none' included", () => {
    expect(drillFilters("retailer", "conn1", range, { hsn: "1905" })).toEqual({ ...range, hsn: "1905", connectionId: "conn1" });
    expect(drillFilters("warehouse", "none", range, {})).toEqual({ ...range, warehouseId: "none" });
    expect(drillFilters("salesperson", "u1", range, {})).toEqual({ ...range, salespersonId: "u1" });
  });
});

describe("periods and names", () => {
  it("lists every day, Monday-week and month of a range", () => {
    expect(periodKeys("day", { from: "2026-02-27", to: "2026-03-02" })).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(periodKeys("week", { from: "2026-11-04", to: "2026-11-17" })).toEqual(["2026-11-02", "2026-11-09", "2026-11-16"]);
    expect(periodKeys("month", { from: "2025-11-15", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
    expect(endOfMonth("2028-02")).toBe("2028-02-29");
  });
  it("names groups as people read them", () => {
    expect(groupName("month", "2026-11", null)).toBe("Nov 2026");
    expect(groupName("state", "29", null)).toBe("Karnataka (29)");
    expect(groupName("warehouse", "none", null)).toBe("Direct invoices (no order)");
    expect(groupName("product", "p1", "Poha 1 kg")).toBe("Poha 1 kg");
  });
});

describe("compactINR", () => {
  it("uses thousand, lakh and crore", () => {
    expect(compactINR(950)).toBe("₹950");
    expect(compactINR(12_500)).toBe("₹12.5K");
    expect(compactINR(340_000)).toBe("₹3.4L");
    expect(compactINR(12_000_000)).toBe("₹1.2Cr");
    expect(compactINR(-250_000)).toBe("-₹2.5L");
  });
});
