// E-way bill JSON from a tax invoice, vehicle numbers, the threshold and the validity days.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { buildEwayBillJson, ewayBillRequired, ewayBillValidity, validateEwayBillJson, vehicleNoProblem } from "@/lib/integrations/gst/ewaybill/ewaybill-json";
import { fakeDocument } from "../support/einvoice-fixtures";

const IST = (s: string) => new Date(`${s}+05:30`);

describe("buildEwayBillJson", () => {
  it("outward supply from the seller (dispatch-from) to the buyer's ship-to, with Part B", () => {
    const doc = fakeDocument({ lines: [{ price: "40000.00" }, { price: "30000.00", hsn: "21069099" }], buyerState: "24", dispatchFrom: true, shipTo: true });
    const j = buildEwayBillJson(doc, { vehicleNo: "ka 12 tr 1234", transDistance: 420 });
    expect(j).toMatchObject({
      userGstin: "29AAFCC9980M1ZR", supplyType: "O", subSupplyType: "1", docType: "INV", docNo: "INV/26-27/000042", docDate: "20/11/2026", transactionType: 4,
      fromGstin: "29AAFCC9980M1ZR", fromPlace: "Hosur", fromPincode: 635109, fromStateCode: 29, actFromStateCode: 33,
      toGstin: "24AAQCA8719H1ZC", toPlace: "Mandya", toPincode: 571401, toStateCode: 24, actToStateCode: 29,
      totalValue: 70000, igstValue: 12600, cgstValue: 0, totInvValue: 82600, transMode: "1", transDistance: "420", vehicleNo: "KA12TR1234", vehicleType: "R", mainHsnCode: 19059020,
    });
    expect(j.itemList).toEqual([
      { itemNo: 1, productName: "Item 1", productDesc: "SKU-1", hsnCode: 19059020, quantity: 1, qtyUnit: "PCS", taxableAmount: 40000, cgstRate: 0, sgstRate: 0, igstRate: 18, cessRate: 0, cessNonadvol: 0 },
      { itemNo: 2, productName: "Item 2", productDesc: "SKU-2", hsnCode: 21069099, quantity: 1, qtyUnit: "PCS", taxableAmount: 30000, cgstRate: 0, sgstRate: 0, igstRate: 18, cessRate: 0, cessNonadvol: 0 },
    ]);
    expect(validateEwayBillJson(j)).toEqual([]);
  });

  it("intra-state: half rates for CGST and SGST; no vehicle and no transporter is a problem", () => {
    const j = buildEwayBillJson(fakeDocument({ lines: [{ price: "60000.00" }] }), { transDistance: 30 });
    expect(j).toMatchObject({ transactionType: 1, vehicleNo: "", vehicleType: "" });
    expect(j.itemList[0]).toMatchObject({ cgstRate: 9, sgstRate: 9, igstRate: 0 });
    expect(validateEwayBillJson(j)).toEqual([{ path: "vehicleNo", message: "Give a vehicle number (Part B) or a transporter id" }]);
    expect(validateEwayBillJson(buildEwayBillJson(fakeDocument(), { transDistance: 30, transporterId: "29AAFCC9980M1ZR" }))).toEqual([]);
  });

  it("refuses credit notes (they move no goods) and reports a bad vehicle and distance", () => {
    expect(() => buildEwayBillJson(fakeDocument({ type: "CREDIT_NOTE" }), { transDistance: 10 })).toThrow(/credit note, which moves no goods/);
    const j = buildEwayBillJson(fakeDocument(), { vehicleNo: "XX12AB1234", transDistance: 5000 });
    expect(validateEwayBillJson(j).map((p) => p.message)).toEqual(["Distance 5000 km must be a whole number from 0 to 4000", "Vehicle number XX12AB1234 must start with a state code such as KA, MH or DL"]);
  });
});

describe("vehicle numbers", () => {
  it.each([
    ["KA12TR1234", null],
    ["MH04AB1", null],
    ["DL1CAB1234", null],
    ["22BH1234AA", null],
    ["KA12", "Vehicle number KA12 must be 7–15 letters and digits"],
    ["KA12TR1234567890", "Vehicle number KA12TR1234567890 must be 7–15 letters and digits"],
    ["ZZ12TR1234", "Vehicle number ZZ12TR1234 must start with a state code such as KA, MH or DL"],
    ["KA12TR12#4", "Vehicle number KA12TR12#4 can have only letters and digits"],
    ["KATRUCK1234", "Vehicle number KATRUCK1234 should look like KA12TR1234"],
  ])("%s", (v, problem) => expect(vehicleNoProblem(v)).toBe(problem));
});

describe("ewayBillRequired", () => {
  const D = Prisma.Decimal;
  it("above the threshold only, tax invoices only", () => {
    expect(ewayBillRequired({ type: "INVOICE", grandTotal: new D("50000.00") })).toBe(false);
    expect(ewayBillRequired({ type: "INVOICE", grandTotal: new D("50000.01") })).toBe(true);
    expect(ewayBillRequired({ type: "INVOICE", grandTotal: new D("80000") }, "100000")).toBe(false);
    expect(ewayBillRequired({ type: "CREDIT_NOTE", grandTotal: new D("90000") })).toBe(false);
  });
});

describe("ewayBillValidity", () => {
  it("1 day per 200 km or part: 200 km is 1 day, 201 km is 2", () => {
    const from = IST("2026-11-20T10:00:00");
    expect(ewayBillValidity(1, from).days).toBe(1);
    expect(ewayBillValidity(200, from).days).toBe(1);
    expect(ewayBillValidity(201, from).days).toBe(2);
    expect(ewayBillValidity(400, from).days).toBe(2);
    expect(ewayBillValidity(401, from).days).toBe(3);
  });

  it("a day runs to midnight IST of the day after generation (Rule 138(10))", () => {
    expect(ewayBillValidity(150, IST("2026-11-20T10:00:00")).validUntil).toEqual(IST("2026-11-21T23:59:59"));
    // Made one second before midnight: still to the end of the next day.
    expect(ewayBillValidity(150, IST("2026-11-20T23:59:59")).validUntil).toEqual(IST("2026-11-21T23:59:59"));
    // Made one second after midnight: a day later.
    expect(ewayBillValidity(150, IST("2026-11-21T00:00:01")).validUntil).toEqual(IST("2026-11-22T23:59:59"));
    expect(ewayBillValidity(201, IST("2026-12-31T18:00:00")).validUntil).toEqual(IST("2027-01-02T23:59:59"));
  });
});
