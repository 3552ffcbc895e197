import { describe, expect, it } from "vitest";
import { dayToDbDate, describeRange, isCalendarDay, istDay, parseDay, rangesOverlap, startOfIstDay } from "@/lib/pricing/dates";

describe("price validity days (Asia/Kolkata)", () => {
  it("the IST day turns at 18:30 UTC", () => {
    expect(istDay(new Date("2026-03-31T18:29:59.999Z"))).toBe("2026-03-31");
    expect(istDay(new Date("2026-03-31T18:30:00.000Z"))).toBe("2026-04-01");
    expect(istDay(new Date("2026-12-31T20:00:00.000Z"))).toBe("2027-01-01");
  });

  it("startOfIstDay is the first instant of that day", () => {
    const start = startOfIstDay("2026-04-01");
    expect(start.toISOString()).toBe("2026-03-31T18:30:00.000Z");
    expect(istDay(start)).toBe("2026-04-01");
    expect(istDay(new Date(start.getTime() - 1))).toBe("2026-03-31");
    expect(dayToDbDate("2026-04-01").toISOString()).toBe("2026-04-01T00:00:00.000Z");
  });

  it("reads ISO and Indian day-first dates, rejects impossible ones", () => {
    expect(parseDay("2026-04-01")).toBe("2026-04-01");
    expect(parseDay("01/04/2026")).toBe("2026-04-01");
    expect(parseDay(" 1-4-2026 ")).toBe("2026-04-01");
    expect(parseDay("31/04/2026")).toBeNull();
    expect(parseDay("2026-02-29")).toBeNull();
    expect(parseDay("2028-02-29")).toBe("2028-02-29");
    expect(parseDay("04/01/26")).toBeNull();
    expect(parseDay("tomorrow")).toBeNull();
    expect(isCalendarDay("2026-13-01")).toBe(false);
  });

  it("inclusive ranges overlap when they share a day; open ends reach forever", () => {
    const r = (from: string | null, to: string | null) => ({ from, to });
    expect(rangesOverlap(r("2026-04-01", "2026-04-30"), r("2026-04-30", null))).toBe(true);
    expect(rangesOverlap(r("2026-04-01", "2026-04-30"), r("2026-05-01", null))).toBe(false);
    expect(rangesOverlap(r(null, "2026-03-31"), r("2026-04-01", "2026-04-30"))).toBe(false);
    expect(rangesOverlap(r(null, null), r("2030-01-01", "2030-01-01"))).toBe(true);
    expect(describeRange("2026-04-01", "2026-04-30")).toBe("01/04/2026 – 30/04/2026");
    expect(describeRange(null, null)).toBe("always");
  });
});
