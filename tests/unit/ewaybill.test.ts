// E-way bill JSON from a tax invoice, vehicle numbers, the threshold and the validity days.
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { makeGstin } from "@/lib/demo/gstin-fixtures";
import { toUqc, type SubSupplyType } from "@/lib/integrations/gst/ewaybill/ewaybill-codes";
import { buildEwayBillJson, composeEwayBillJson, ewayBillRequired, ewayBillValidity, ewayDocFromInvoice, validateEwayBillJson, vehicleNoProblem, type EwayDocInput } from "@/lib/integrations/gst/ewaybill/ewaybill-json";
import { ewayBillNeeded, ewayThresholdFor } from "@/lib/integrations/gst/ewaybill/ewaybill-threshold";
import { ewbDateTime, parseEwbDateTime } from "@/lib/integrations/gst/ewaybill/ewaybill-client";
import { fakeDocument } from "../support/einvoice-fixtures";

const IST = (s: string) => new Date(`${s}+05:30`);

const noEmpty = (o: unknown): string[] =>
  o && typeof o === "object" ? Object.entries(o).flatMap(([k, v]) => (v === "" || v === null || v === undefined ? [k] : noEmpty(v).map((x) => `${k}.${x}`))) : [];

describe("buildEwayBillJson (tax invoice)", () => {
  it("outward supply from the seller (dispatch-from) to the buyer's ship-to, with Part B", () => {
    const doc = fakeDocument({ lines: [{ price: "40000.00" }, { price: "30000.00", hsn: "21069099" }], buyerState: "24", dispatchFrom: true, shipTo: true });
    const j = buildEwayBillJson(doc, { vehicleNo: "ka 12 tr 1234", transDistance: 420, transDocNo: "TRP/26-27/00012", transDocDate: "20/11/2026" });
    expect(j).toMatchObject({
      userGstin: "29AAFCC9980M1ZR", supplyType: "O", subSupplyType: "1", docType: "INV", docNo: "INV/26-27/000042", docDate: "20/11/2026", transactionType: 4,
      fromGstin: "29AAFCC9980M1ZR", fromAddr1: "Plot 7 Warehouse Road", fromPlace: "Hosur", fromPincode: 635109, fromStateCode: 29, actFromStateCode: 33, dispatchFromGSTIN: "29AAFCC9980M1ZR",
      toGstin: "24AAQCA8719H1ZC", toAddr1: "9 Godown Lane", toPlace: "Mandya", toPincode: 571401, toStateCode: 24, actToStateCode: 29, shipToGSTIN: "24AAQCA8719H1ZC", shipToTradeName: "Sharma Kirana Godown",
      totalValue: 70000, igstValue: 12600, cgstValue: 0, totInvValue: 82600, transMode: "1", transDistance: "420", transDocNo: "TRP/26-27/00012", transDocDate: "20/11/2026", vehicleNo: "KA12TR1234", vehicleType: "R", mainHsnCode: 19059020,
    });
    expect(j.itemList).toEqual([
      { itemNo: 1, productName: "Item 1", productDesc: "SKU-1", hsnCode: 19059020, quantity: 1, qtyUnit: "PCS", taxableAmount: 40000, cgstRate: 0, sgstRate: 0, igstRate: 18, cessRate: 0 },
      { itemNo: 2, productName: "Item 2", productDesc: "SKU-2", hsnCode: 21069099, quantity: 1, qtyUnit: "PCS", taxableAmount: 30000, cgstRate: 0, sgstRate: 0, igstRate: 18, cessRate: 0 },
    ]);
    expect(noEmpty(j)).toEqual([]);
    expect(validateEwayBillJson(j)).toEqual([]);
  });

  it("regular (transactionType 1), intra-state: half rates; absent fields are left out, not sent empty", () => {
    const j = buildEwayBillJson(fakeDocument({ lines: [{ price: "60000.00" }] }), { transDistance: 30, vehicleNo: "KA01AB1234" });
    expect(j.transactionType).toBe(1);
    expect(j.itemList[0]).toMatchObject({ cgstRate: 9, sgstRate: 9, igstRate: 0 });
    for (const k of ["subSupplyDesc", "fromAddr2", "dispatchFromGSTIN", "shipToGSTIN", "shipToTradeName", "transporterId", "transporterName", "transDocNo", "transDocDate"]) expect(j).not.toHaveProperty(k);
    expect(j.toAddr2).toBe("Near Bus Stand");
    expect(noEmpty(j)).toEqual([]);
    expect(validateEwayBillJson(j)).toEqual([]);
  });

  it("Part A only: no mode, vehicle or LR at all — allowed when a transporter is named", () => {
    const j = buildEwayBillJson(fakeDocument({ lines: [{ price: "60000.00" }] }), { transDistance: 30 });
    for (const k of ["transMode", "vehicleNo", "vehicleType", "transDocNo", "transDocDate"]) expect(j).not.toHaveProperty(k);
    expect(validateEwayBillJson(j)).toEqual([{ path: "vehicleNo", message: "Give a vehicle number (Part B) or a transporter id" }]);
    expect(validateEwayBillJson(buildEwayBillJson(fakeDocument(), { transDistance: 30, transporterId: "29aafcc9980m1zr" }))).toEqual([]);
  });

  it("bill from–dispatch from alone is transactionType 3; bill to–ship to alone is 2", () => {
    const t3 = buildEwayBillJson(fakeDocument({ dispatchFrom: true }), { transDistance: 50, vehicleNo: "KA01AB1234" });
    expect(t3).toMatchObject({ transactionType: 3, dispatchFromGSTIN: "29AAFCC9980M1ZR", actFromStateCode: 33 });
    expect(t3).not.toHaveProperty("shipToGSTIN");
    const t2 = buildEwayBillJson(fakeDocument({ shipTo: true }), { transDistance: 50, vehicleNo: "KA01AB1234" });
    expect(t2).toMatchObject({ transactionType: 2, toPlace: "Mandya", shipToTradeName: "Sharma Kirana Godown" });
    expect(t2).not.toHaveProperty("dispatchFromGSTIN");
    expect(validateEwayBillJson(t2)).toEqual([]);
    expect(validateEwayBillJson(t3)).toEqual([]);
  });

  it("export: sub-supply 3, to URP in state 99, the goods to the port (ship-to), IGST", () => {
    const doc = fakeDocument({ supplyType: "export_with_payment", buyerState: "96", buyerGstin: null });
    const port = { name: "JNPT Nhava Sheva", address1: "Jawaharlal Nehru Port", address2: null, city: "Navi Mumbai", stateCode: "27", pincode: "400707" };
    const j = composeEwayBillJson(ewayDocFromInvoice(doc, { shipTo: port }), { transDistance: 900, vehicleNo: "KA01AB1234" });
    expect(j).toMatchObject({ subSupplyType: "3", docType: "INV", toGstin: "URP", toStateCode: 99, actToStateCode: 27, toPincode: 400707, toPlace: "Navi Mumbai", transactionType: 2, shipToGSTIN: "URP" });
    expect(j.itemList[0]).toMatchObject({ igstRate: 18, cgstRate: 0 });
    expect(validateEwayBillJson(j)).toEqual([]);
    const wrong = { ...j, toGstin: "24AAQCA8719H1ZC" };
    expect(validateEwayBillJson(wrong).map((p) => p.path)).toContain("toGstin");
  });

  it("export without payment (LUT): zero-rated, still sub-supply 3", () => {
    const doc = fakeDocument({ supplyType: "export_without_payment", buyerState: "96", buyerGstin: null, lines: [{ price: "80000.00", rate: "0" }] });
    const j = composeEwayBillJson(ewayDocFromInvoice(doc, { shipTo: { name: "Port", address1: "Chennai Port", address2: null, city: "Chennai", stateCode: "33", pincode: "600001" } }), { transDistance: 350, vehicleNo: "KA01AB1234" });
    expect(j).toMatchObject({ subSupplyType: "3", igstValue: 0, toStateCode: 99, actToStateCode: 33 });
    expect(validateEwayBillJson(j)).toEqual([]);
  });

  it("SEZ: a supply (sub-supply 1) to the SEZ unit's GSTIN with IGST", () => {
    const j = buildEwayBillJson(fakeDocument({ supplyType: "sez_with_payment", buyerState: "24" }), { transDistance: 700, vehicleNo: "KA01AB1234" });
    expect(j).toMatchObject({ subSupplyType: "1", toGstin: "24AAQCA8719H1ZC", toStateCode: 24 });
    expect(j.igstValue).toBeGreaterThan(0);
    expect(validateEwayBillJson(j)).toEqual([]);
  });

  it("rail, air and ship carry the transport document, not a vehicle", () => {
    const j = buildEwayBillJson(fakeDocument(), { transDistance: 900, transMode: 2, vehicleNo: "KA01AB1234", transDocNo: "RR-4471", transDocDate: "21/11/2026" });
    expect(j).toMatchObject({ transMode: "2", transDocNo: "RR-4471", transDocDate: "21/11/2026" });
    expect(j).not.toHaveProperty("vehicleNo");
    expect(validateEwayBillJson(j)).toEqual([]);
    expect(validateEwayBillJson({ ...j, transDocDate: undefined }).map((p) => p.path)).toEqual(["transDocNo"]);
    expect(validateEwayBillJson({ ...j, transDocDate: "19/11/2026" }).map((p) => p.message)).toEqual(["The transport document cannot be dated before the document it carries"]);
  });

  it("refuses credit notes (they move no goods) and reports a bad vehicle and distance", () => {
    expect(() => buildEwayBillJson(fakeDocument({ type: "CREDIT_NOTE" }), { transDistance: 10 })).toThrow(/credit note, which moves no goods/);
    const j = buildEwayBillJson(fakeDocument(), { vehicleNo: "XX12AB1234", transDistance: 5000 });
    expect(validateEwayBillJson(j).map((p) => p.message)).toEqual(["Distance 5000 km must be a whole number from 0 to 4000 (as text)", "Vehicle number XX12AB1234 must start with a state code such as KA, MH or DL"]);
  });
});

describe("delivery challan e-way bills (docType CHL)", () => {
  const OWN = makeGstin("27", "AABCR1718E");
  const D = Prisma.Decimal;
  const party = (gstin: string | null, state: string, city: string, pin: string) => ({ gstin, name: `${city} party`, stateCode: state, address: { address1: `1 ${city} Road`, address2: null, city, stateCode: state, pincode: pin } });
  const challan = (sub: SubSupplyType, to: ReturnType<typeof party>, desc?: string): EwayDocInput => ({
    subSupplyType: sub, subSupplyDesc: desc, docType: "CHL", docNo: "DC/26-27/00007", docDate: new Date("2026-11-20T00:00:00Z"),
    from: party(OWN, "27", "Pune", "410501"), to, intra: to.stateCode === "27",
    lines: [{ name: "Besan 1 kg", desc: "BES-1", hsnCode: "1106", quantity: new D("100"), unit: "kg", taxableValue: new D("80000.00"), gstRate: new D("5"), cessRate: new D(0) }],
    totals: to.stateCode === "27"
      ? { taxable: new D("80000.00"), cgst: new D("2000.00"), sgst: new D("2000.00"), igst: new D(0), cess: new D(0), other: new D(0), total: new D("84000.00") }
      : { taxable: new D("80000.00"), cgst: new D(0), sgst: new D(0), igst: new D("4000.00"), cess: new D(0), other: new D(0), total: new D("84000.00") },
  });
  const road = { transDistance: 210, vehicleNo: "MH12TR4455", transDocNo: "TRP/26-27/00003", transDocDate: "20/11/2026" };

  it("stock transfer to an own warehouse: for own use (5), the same GSTIN both sides", () => {
    const j = composeEwayBillJson(challan(5, party(OWN, "27", "Nashik", "422010")), road);
    expect(j).toMatchObject({ subSupplyType: "5", docType: "CHL", fromGstin: OWN, toGstin: OWN, transactionType: 1 });
    expect(j.itemList[0]).toMatchObject({ qtyUnit: "KGS", cgstRate: 2.5, sgstRate: 2.5 });
    expect(validateEwayBillJson(j)).toEqual([]);
  });

  it("job work (4) to another state; the same GSTIN is not allowed for job work or supply", () => {
    const j = composeEwayBillJson(challan(4, party("24AAQCA8719H1ZC", "24", "Vapi", "396195")), road);
    expect(j).toMatchObject({ subSupplyType: "4", docType: "CHL", igstValue: 4000 });
    expect(j).not.toHaveProperty("subSupplyDesc");
    expect(validateEwayBillJson(j)).toEqual([]);
    const same = composeEwayBillJson(challan(4, party(OWN, "27", "Nashik", "422010")), road);
    expect(validateEwayBillJson(same).map((p) => p.path)).toEqual(["toGstin"]);
  });

  it("goods on approval: Others (8) with its description; exhibition (12)", () => {
    const j = composeEwayBillJson(challan(8, party(makeGstin("27", "AAFCC9980M"), "27", "Nagpur", "440001"), "Goods on approval"), road);
    expect(j).toMatchObject({ subSupplyType: "8", subSupplyDesc: "Goods on approval" });
    expect(validateEwayBillJson(j)).toEqual([]);
    expect(validateEwayBillJson({ ...j, subSupplyDesc: undefined }).map((p) => p.path)).toEqual(["subSupplyDesc"]);
    const ex = composeEwayBillJson(challan(12, party(null, "27", "Mumbai", "400051")), road);
    expect(ex).toMatchObject({ subSupplyType: "12", toGstin: "URP" });
    expect(validateEwayBillJson(ex)).toEqual([]);
  });

  it("a challan cannot carry a supply, nor an invoice job work", () => {
    const j = composeEwayBillJson(challan(1, party("24AAQCA8719H1ZC", "24", "Vapi", "396195")), road);
    expect(validateEwayBillJson(j).map((p) => p.message)).toEqual(["A Supply movement goes on INV or BIL, not CHL"]);
    const inv = { ...composeEwayBillJson(challan(4, party("24AAQCA8719H1ZC", "24", "Vapi", "396195")), road), docType: "INV" as const };
    expect(validateEwayBillJson(inv).map((p) => p.path)).toEqual(["docType"]);
  });
});

describe("validateEwayBillJson is strict", () => {
  const good = () => buildEwayBillJson(fakeDocument({ lines: [{ price: "60000.00" }] }), { transDistance: 30, vehicleNo: "KA01AB1234" });
  it.each([
    ["an empty string", { fromAddr2: "" }, "fromAddr2"],
    ["a null", { transporterId: null }, "transporterId"],
    ["an unknown field", { vehicleColour: "red" }, "vehicleColour"],
    ["a number sent as text", { fromPincode: "560058" }, "fromPincode"],
    ["distance as a number", { transDistance: 30 }, "transDistance"],
    ["a bad date", { docDate: "31/02/2026" }, "docDate"],
    ["a lower-case vehicle", { vehicleNo: "ka01ab1234" }, "vehicleNo"],
    ["a vehicle type without vehicle", { vehicleNo: undefined, vehicleType: "R", transporterId: "29AAFCC9980M1ZR", transMode: undefined }, "vehicleType"],
    ["IGST within the state", { igstValue: 10800, cgstValue: 0, sgstValue: 0 }, "igstValue"],
    ["a document number with spaces", { docNo: "INV 42" }, "docNo"],
  ])("refuses %s", (_label, patch, path) => {
    const j = { ...good(), ...patch } as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) if (v === undefined) delete j[k];
    expect(validateEwayBillJson(j).map((p) => p.path)).toContain(path);
  });

  it("items: HSN digits, unit codes, matching rates and totals", () => {
    const j = good();
    const bad = { ...j, itemList: [{ ...j.itemList[0]!, hsnCode: 12, qtyUnit: "PIECES", sgstRate: 8 }] };
    expect(validateEwayBillJson(bad).map((p) => p.path)).toEqual(expect.arrayContaining(["itemList[0].hsnCode", "itemList[0].qtyUnit", "itemList[0].sgstRate"]));
    expect(validateEwayBillJson({ ...j, totInvValue: j.totInvValue + 1 }).map((p) => p.path)).toEqual(["totInvValue"]);
  });

  it("NIC's sandbox GSTINs fail the check digit: refused unless the check is lenient", () => {
    const j = { ...good(), fromGstin: "05AAACG2115R1ZM", userGstin: "05AAACG2115R1ZM" };
    expect(validateEwayBillJson(j).map((p) => p.path)).toEqual(expect.arrayContaining(["fromGstin", "userGstin"]));
    expect(validateEwayBillJson(j, { lenientGstinCheckDigit: true }).filter((p) => p.path.includes("Gstin"))).toEqual([]);
  });

  it("units map to GST unit codes", () => {
    expect([toUqc("kg"), toUqc("Pcs"), toUqc("litre"), toUqc("BOX"), toUqc("tray")]).toEqual(["KGS", "PCS", "LTR", "BOX", "OTH"]);
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

describe("validity for over-dimensional cargo", () => {
  it("20 km a day instead of 200", () => {
    const from = IST("2026-11-20T10:00:00");
    expect(ewayBillValidity(20, from, { odc: true }).days).toBe(1);
    expect(ewayBillValidity(21, from, { odc: true }).days).toBe(2);
    expect(ewayBillValidity(100, from, { odc: true })).toEqual({ days: 5, validUntil: IST("2026-11-25T23:59:59") });
  });
});

describe("thresholds", () => {
  const s = { threshold: "50000", stateThresholds: { "29": "75000" } };
  it("inter-state uses the base; intra-state the company's state override, else the built-in table, else the base", () => {
    expect(ewayThresholdFor("27", "29", s).toFixed(0)).toBe("50000");
    expect(ewayThresholdFor("29", "29", s).toFixed(0)).toBe("75000");
    expect(ewayThresholdFor("27", "27", s).toFixed(0)).toBe("100000");
    expect(ewayThresholdFor("24", "24", s).toFixed(0)).toBe("50000");
    expect(ewayBillNeeded({ value: "80000", fromState: "27", toState: "27" }, s).required).toBe(false);
    expect(ewayBillNeeded({ value: "80000", fromState: "27", toState: "24" }, s).required).toBe(true);
    expect(ewayBillNeeded({ value: "50000.00", fromState: "24", toState: "27" }, s).required).toBe(false);
  });
  it("job work to another state needs one whatever the value", () => {
    expect(ewayBillNeeded({ value: "1000", fromState: "27", toState: "24", jobWork: true }, s)).toMatchObject({ required: true });
    expect(ewayBillNeeded({ value: "1000", fromState: "27", toState: "27", jobWork: true }, s)).toMatchObject({ required: false });
  });
});

describe("e-way bill date-times", () => {
  it("dd/MM/yyyy hh:mm:ss AM in IST, both ways", () => {
    expect(ewbDateTime(IST("2026-11-20T00:05:09"))).toBe("20/11/2026 12:05:09 AM");
    expect(ewbDateTime(IST("2026-11-20T13:30:00"))).toBe("20/11/2026 01:30:00 PM");
    expect(parseEwbDateTime("20/11/2026 01:30:00 PM")).toEqual(IST("2026-11-20T13:30:00"));
    expect(parseEwbDateTime("21/11/2026 11:59:00 PM")).toEqual(IST("2026-11-21T23:59:00"));
    expect(parseEwbDateTime("20/11/2026 12:05:09 AM")).toEqual(IST("2026-11-20T00:05:09"));
  });
});
