import { describe, expect, it } from "vitest";
import { formatDayDmy, parseDayDmy } from "@/lib/dates/dmy";

describe("days written DD/MM/YYYY", () => {
  it("shows an ISO day as DD/MM/YYYY and nothing for no day", () => {
    expect(formatDayDmy("2026-12-06")).toBe("06/12/2026");
    expect(formatDayDmy("")).toBe("");
    expect(formatDayDmy(null)).toBe("");
    expect(formatDayDmy("06/12/2026")).toBe("");
  });

  it("reads the day first, whatever the separator, with a two- or four-digit year, and an ISO day", () => {
    expect(parseDayDmy("06/12/2026")).toBe("2026-12-06");
    expect(parseDayDmy("6/12/2026")).toBe("2026-12-06");
    expect(parseDayDmy("06-12-26")).toBe("2026-12-06");
    expect(parseDayDmy("6.1.2027")).toBe("2027-01-06");
    expect(parseDayDmy(" 6 12 2026 ")).toBe("2026-12-06");
    expect(parseDayDmy("2026-12-06")).toBe("2026-12-06");
    // 12/06 is the 12th of June, never December the 6th.
    expect(parseDayDmy("12/06/2026")).toBe("2026-06-12");
  });

  it("refuses days that do not exist and text that is not a day", () => {
    expect(parseDayDmy("31/02/2026")).toBeNull();
    expect(parseDayDmy("29/02/2027")).toBeNull();
    expect(parseDayDmy("29/02/2028")).toBe("2028-02-29");
    expect(parseDayDmy("13/13/2026")).toBeNull();
    expect(parseDayDmy("00/12/2026")).toBeNull();
    expect(parseDayDmy("06/12")).toBeNull();
    expect(parseDayDmy("tomorrow")).toBeNull();
    expect(parseDayDmy("")).toBeNull();
  });
});
