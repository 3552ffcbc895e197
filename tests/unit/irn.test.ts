// The IRN is sha256(GSTIN + financial year "YYYY-YY" + type + number): the reference's checked example.
import { describe, expect, it } from "vitest";
import { computeIrn, irnFinancialYear } from "@/lib/integrations/gst/einvoice/irn";

describe("computeIrn", () => {
  it("matches the checked example", () => {
    expect(computeIrn("29AAFCC9980M1ZR", "15/07/2019", "INV", "2019-20/KA/1")).toBe("23f498ee41441ecad30f72ba5b9907506c3df70a17b0e0dff46b76a786400662");
  });

  it("is 64 lowercase hex and changes with type, number, year and seller", () => {
    const base = computeIrn("29AAFCC9980M1ZR", "01/04/2026", "INV", "INV/26-27/000001");
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(computeIrn("29AAFCC9980M1ZR", "01/04/2026", "CRN", "INV/26-27/000001")).not.toBe(base);
    expect(computeIrn("29AAFCC9980M1ZR", "01/04/2026", "INV", "INV/26-27/000002")).not.toBe(base);
    expect(computeIrn("29AAFCC9980M1ZR", "31/03/2026", "INV", "INV/26-27/000001")).not.toBe(base);
    expect(computeIrn("24AAQCA8719H1ZC", "01/04/2026", "INV", "INV/26-27/000001")).not.toBe(base);
  });

  it("takes the financial year April–March from a dd/mm/yyyy date or a calendar-day Date", () => {
    expect(irnFinancialYear("31/03/2020")).toBe("2019-20");
    expect(irnFinancialYear("01/04/2020")).toBe("2020-21");
    expect(irnFinancialYear("15/12/2099")).toBe("2099-00");
    expect(irnFinancialYear(new Date("2026-04-01T00:00:00Z"))).toBe("2026-27");
    expect(() => irnFinancialYear("2026-04-01")).toThrow(/dd\/mm\/yyyy/);
  });
});
