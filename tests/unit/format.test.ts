import { describe, it, expect } from "vitest";
import { formatDate, formatDateTime, formatEta, formatINR, formatRelative, formatTime } from "@/lib/format";

describe("formatINR", () => {
  it("groups digits the Indian way with two decimals", () => {
    expect(formatINR(0)).toBe("₹0.00");
    expect(formatINR(5)).toBe("₹5.00");
    expect(formatINR(999)).toBe("₹999.00");
    expect(formatINR(1000)).toBe("₹1,000.00");
    expect(formatINR(123456)).toBe("₹1,23,456.00");
    expect(formatINR("1234567.8")).toBe("₹12,34,567.80");
    expect(formatINR(100000000)).toBe("₹10,00,00,000.00");
  });

  it("formats large decimal strings exactly, without float rounding", () => {
    expect(formatINR("12345678901234.56")).toBe("₹1,23,45,67,89,01,234.56");
    expect(formatINR("99999999999999999.995")).toBe("₹1,00,00,00,00,00,00,00,000.00");
  });

  it("puts the minus sign before the symbol", () => {
    expect(formatINR(-1234.5)).toBe("-₹1,234.50");
    expect(formatINR("-0.001")).toBe("₹0.00");
  });

  it("rounds half away from zero on the decimal string", () => {
    expect(formatINR("1.005")).toBe("₹1.01"); // 1.005 as a float would round to 1.00
    expect(formatINR("1.004")).toBe("₹1.00");
    expect(formatINR("-2.675")).toBe("-₹2.68");
    expect(formatINR("9.995")).toBe("₹10.00");
  });

  it("accepts Decimal-like objects, exponent notation and options", () => {
    expect(formatINR({ toString: () => "42.1" })).toBe("₹42.10");
    expect(formatINR(1e21)).toBe("₹1,00,00,00,00,00,00,00,00,00,000.00");
    expect(formatINR("5e-7")).toBe("₹0.00");
    expect(formatINR("1.5e3")).toBe("₹1,500.00");
    expect(formatINR("123456.789", { symbol: false })).toBe("1,23,456.79");
    expect(formatINR("123456.5", { decimals: 0 })).toBe("₹1,23,457");
    expect(formatINR(".5")).toBe("₹0.50");
  });

  it("rejects non-numbers", () => {
    expect(() => formatINR("abc")).toThrow();
    expect(() => formatINR(Number.NaN)).toThrow();
    expect(() => formatINR("")).toThrow();
  });
});

describe("dates in IST", () => {
  it("formats a date in Asia/Kolkata", () => {
    expect(formatDate(new Date("2026-11-24T09:35:00Z"))).toBe("24 Nov 2026");
    // 20:00 UTC is already the next day in India.
    expect(formatDate("2026-11-23T20:00:00Z")).toBe("24 Nov 2026");
    expect(formatDate("2026-09-01T00:00:00Z")).toBe("1 Sep 2026");
  });

  it("formats date and time with am/pm", () => {
    expect(formatDateTime("2026-11-24T09:35:00Z")).toBe("24 Nov 2026, 3:05 pm");
    expect(formatDateTime("2026-11-23T18:30:00Z")).toBe("24 Nov 2026, 12:00 am");
    expect(formatDateTime("2026-11-24T06:30:00Z")).toBe("24 Nov 2026, 12:00 pm");
  });

  it("formats a stop's ETA against its trip's day: the time alone that day, with the date past midnight", () => {
    expect(formatTime("2026-11-24T09:35:00Z")).toBe("3:05 pm");
    expect(formatEta("2026-11-24T09:35:00Z", "2026-11-24")).toBe("3:05 pm");
    // 18:44 UTC on the 24th is 00:14 on the 25th in India: a long run past midnight says so.
    expect(formatEta("2026-11-24T18:44:00Z", "2026-11-24")).toBe("12:14 am, 25 Nov");
    expect(formatEta("2026-12-07T06:44:00Z", "2026-12-06")).toBe("12:14 pm, 7 Dec");
  });

  it("formats relative times", () => {
    const now = new Date("2026-11-24T09:35:00Z");
    expect(formatRelative("2026-11-24T09:34:50Z", now)).toBe("just now");
    expect(formatRelative("2026-11-24T09:30:00Z", now)).toBe("5 min ago");
    expect(formatRelative("2026-11-24T06:35:00Z", now)).toBe("3 h ago");
    expect(formatRelative("2026-11-23T05:00:00Z", now)).toBe("yesterday");
    expect(formatRelative("2026-11-20T09:35:00Z", now)).toBe("4 days ago");
    expect(formatRelative("2026-11-26T09:35:00Z", now)).toBe("in 2 days");
    expect(formatRelative("2026-10-01T09:35:00Z", now)).toBe("1 Oct 2026");
  });
});

describe("formatQuantity", () => {
  it("drops needless zeros, groups the Indian way and appends the unit", async () => {
    const { formatQuantity } = await import("@/lib/format");
    expect(formatQuantity("1250.000")).toBe("1,250");
    expect(formatQuantity("2.500", "KGS")).toBe("2.5 KGS");
    expect(formatQuantity("0.125")).toBe("0.125");
    expect(formatQuantity("-3.000")).toBe("-3");
    expect(formatQuantity("123456.7")).toBe("1,23,456.7");
    expect(formatQuantity("0.0004")).toBe("0");
  });
});
