// The IRP JSON built from a document, and the validator over a table of broken documents: each
// breakage must produce its problem in words, and a correct document none.
import { describe, expect, it } from "vitest";
import { buildIrpJson } from "@/lib/integrations/gst/einvoice/irp-json";
import type { IrpInvoice } from "@/lib/integrations/gst/einvoice/irp-types";
import { blockingProblems, validateIrpJson } from "@/lib/integrations/gst/einvoice/validate-irp-json";
import { fakeDocument } from "../support/einvoice-fixtures";

const valid = () => buildIrpJson(fakeDocument({ lines: [{ price: "1000.00", qty: "2" }, { price: "250.50", discount: "10.00", hsn: "998314" }, { price: "99.99", qty: "3.5", rate: "5" }] }));

describe("buildIrpJson", () => {
  it("fills schema 1.1 from an intra-state invoice", () => {
    const j = valid();
    expect(j.Version).toBe("1.1");
    expect(j.TranDtls).toMatchObject({ TaxSch: "GST", SupTyp: "B2B", RegRev: "N" });
    expect(j.DocDtls).toEqual({ Typ: "INV", No: "INV/26-27/000042", Dt: "20/11/2026" });
    expect(j.SellerDtls).toMatchObject({ Gstin: "29AAFCC9980M1ZR", LglNm: "Shree Ganesh Foods Pvt Ltd", TrdNm: "Shree Ganesh Foods", Pin: 560058, Stcd: "29", Ph: "9845012345" });
    expect(j.BuyerDtls).toMatchObject({ Gstin: "29AABCR1718E1ZL", Pos: "29", Pin: 570001, Addr2: "Near Bus Stand" });
    expect(j.DispDtls).toBeUndefined();
    expect(j.ShipDtls).toBeUndefined();
    expect(j.ItemList[0]).toEqual({ SlNo: "1", PrdDesc: "Item 1", IsServc: "N", HsnCd: "19059020", Qty: 2, Unit: "PCS", UnitPrice: 1000, TotAmt: 2000, Discount: 0, AssAmt: 2000, GstRt: 18, IgstAmt: 0, CgstAmt: 180, SgstAmt: 180, CesRt: 0, CesAmt: 0, TotItemVal: 2360 });
    expect(j.ItemList[1]).toMatchObject({ IsServc: "Y", TotAmt: 250.5, Discount: 10, AssAmt: 240.5 });
    expect(j.ItemList[2]).toMatchObject({ Qty: 3.5, AssAmt: 349.97 });
    expect(j.ValDtls.AssVal).toBe(2590.47);
    // CGST = SGST = 180 + 21.65 + 8.75; 2590.47 + 2 × 210.40 = 3011.27, rounded to the rupee with −0.27.
    expect(j.ValDtls).toEqual({ AssVal: 2590.47, CgstVal: 210.4, SgstVal: 210.4, IgstVal: 0, CesVal: 0, Discount: 0, OthChrg: 0, RndOffAmt: -0.27, TotInvVal: 3011 });
    expect(validateIrpJson(j)).toEqual([]);
  });

  it("inter-state, dispatch-from and ship-to, credit note with the original invoice", () => {
    const j = buildIrpJson(fakeDocument({ buyerState: "24", dispatchFrom: true, shipTo: true, type: "CREDIT_NOTE", number: "CN/26-27/000003" }));
    expect(j.DocDtls.Typ).toBe("CRN");
    expect(j.BuyerDtls.Pos).toBe("24");
    expect(j.ItemList[0]).toMatchObject({ IgstAmt: 180, CgstAmt: 0, SgstAmt: 0 });
    expect(j.DispDtls).toMatchObject({ Nm: "Shree Ganesh Foods", Loc: "Hosur", Pin: 635109, Stcd: "33" });
    expect(j.ShipDtls).toMatchObject({ LglNm: "Sharma Kirana Godown", Loc: "Mandya", Pin: 571401, Stcd: "29" });
    expect(j.RefDtls).toEqual({ PrecDocDtls: [{ InvNo: "INV/26-27/000007", InvDt: "02/10/2026" }] });
    expect(validateIrpJson(j)).toEqual([]);
  });

  it("maps supply types: SEZ with payment is IGST even within the seller's state", () => {
    const j = buildIrpJson(fakeDocument({ supplyType: "sez_with_payment" }));
    expect(j.TranDtls.SupTyp).toBe("SEZWP");
    expect(j.ItemList[0]!.IgstAmt).toBe(180);
    expect(blockingProblems(validateIrpJson(j))).toEqual([]);
    expect(buildIrpJson(fakeDocument({ supplyType: "export_without_payment" })).TranDtls.SupTyp).toBe("EXPWOP");
  });
});

type Case = [string, (j: IrpInvoice) => void, string | RegExp, string?];
const cases: Case[] = [
  ["wrong version", (j) => ((j as { Version: string }).Version = "1.0"), 'Version must be "1.1" (got "1.0")'],
  ["supply type", (j) => ((j.TranDtls as { SupTyp: string }).SupTyp = "B2C"), 'Supply type "B2C" must be one of B2B, SEZWP, SEZWOP, EXPWP, EXPWOP, DEXP'],
  ["lower-case number", (j) => (j.DocDtls.No = "inv/1"), /Document number "inv\/1" must be 1–16 characters/],
  ["number starting with 0", (j) => (j.DocDtls.No = "0001"), /Document number "0001"/],
  ["number too long", (j) => (j.DocDtls.No = "INV/2026-27/0000001"), /Document number/],
  ["ISO date", (j) => (j.DocDtls.Dt = "2026-11-20"), 'Document date "2026-11-20" must be a real date written dd/mm/yyyy'],
  ["impossible date", (j) => (j.DocDtls.Dt = "31/02/2026"), /Document date "31\/02\/2026"/],
  ["buyer PIN", (j) => (j.BuyerDtls.Pin = 4220), "Buyer PIN 4220 must be 6 digits (100000–999999)", "BuyerDtls.Pin"],
  ["seller PIN missing", (j) => (j.SellerDtls.Pin = NaN), /Seller PIN is missing or not a number/],
  ["seller GSTIN check digit", (j) => (j.SellerDtls.Gstin = "29AAFCC9980M1ZX"), "Seller GSTIN 29AAFCC9980M1ZX is not a valid GSTIN (15 characters with a correct check character)"],
  ["seller state vs GSTIN", (j) => (j.SellerDtls.Stcd = "27"), 'Seller state code "27" must match the GSTIN\'s state 29'],
  ["URP on B2B", (j) => (j.BuyerDtls.Gstin = "URP"), /An unregistered buyer \(URP\) can only be on an export invoice/],
  ["unknown place of supply", (j) => (j.BuyerDtls.Pos = "99"), 'Place of supply "99" must be a GST state code (96 for exports)'],
  ["short legal name", (j) => (j.BuyerDtls.LglNm = "AB"), "Buyer legal name must be 3–100 characters (it has 2)"],
  ["missing city", (j) => (j.SellerDtls.Loc = ""), "Seller city (Loc) is missing"],
  ["no items", (j) => (j.ItemList = []), "The document has no items (ItemList)"],
  ["too many items", (j) => (j.ItemList = Array.from({ length: 1001 }, (_, i) => ({ ...j.ItemList[0]!, SlNo: String(i + 1) }))), "At most 1000 items fit on one e-invoice (this one has 1001)"],
  ["HSN 5 digits", (j) => (j.ItemList[2]!.HsnCd = "19059"), 'Item 3: HSN "19059" must be 4, 6 or 8 digits'],
  ["IsServc wrong", (j) => (j.ItemList[1]!.IsServc = "N"), "Item 2: IsServc must be Y (HSN 99… is a service)"],
  ["AssAmt ≠ TotAmt − Discount", (j) => (j.ItemList[1]!.AssAmt = 100), "Item 2: AssAmt 100.00 ≠ TotAmt − Discount 240.50"],
  ["TotItemVal", (j) => (j.ItemList[0]!.TotItemVal = 2359), "Item 1: TotItemVal 2359.00 ≠ AssAmt + taxes + cess 2360.00"],
  ["CGST ≠ SGST", (j) => ((j.ItemList[0]!.SgstAmt = 181), (j.ItemList[0]!.TotItemVal = 2361)), "Item 1: CGST 180.00 and SGST 181.00 must be equal"],
  ["IGST on intra-state", (j) => Object.assign(j.ItemList[0]!, { IgstAmt: 360, CgstAmt: 0, SgstAmt: 0 }), "Item 1: an intra-state supply (place of supply = seller's state) is charged CGST + SGST, not IGST"],
  ["CGST on inter-state", (j) => (j.BuyerDtls.Pos = "24"), "Item 1: an inter-state supply is charged IGST, not CGST/SGST"],
  ["three decimals in an amount", (j) => (j.ItemList[0]!.TotAmt = 2000.005), "Item 1: TotAmt 2000.005 must be an amount of zero or more with at most 2 decimals"],
  ["tax not at the rate", (j) => ((j.ItemList[0]!.GstRt = 12), (j.ItemList[0]!.GstRt = 28)), /Item 1: tax 360.00 does not match 28% of AssAmt 2000.00/],
  ["not a GST rate", (j) => (j.ItemList[0]!.GstRt = 17), /Item 1: GST rate 17 is not a GST rate/],
  ["AssVal ≠ items", (j) => (j.ValDtls.AssVal = 1), "AssVal 1.00 ≠ the items' taxable value 2590.47"],
  ["round-off too big", (j) => (j.ValDtls.RndOffAmt = 100), "Round-off 100 must be between −99.99 and 99.99"],
  ["TotInvVal", (j) => (j.ValDtls.TotInvVal = j.ValDtls.TotInvVal + 1), /TotInvVal \d+\.00 ≠ AssVal \+ taxes \+ cess \+ OthChrg − Discount \+ RndOffAmt/],
  ["duplicate serial", (j) => (j.ItemList[1]!.SlNo = "1"), "Item 2: serial number 1 is used twice"],
];

describe("validateIrpJson", () => {
  it.each(cases)("%s", (_name, breakIt, expected, path) => {
    const j = valid();
    breakIt(j);
    const problems = validateIrpJson(j);
    const messages = problems.map((p) => p.message);
    if (typeof expected === "string") expect(messages).toContain(expected);
    else expect(messages.some((m) => expected.test(m))).toBe(true);
    expect(problems.find((p) => (typeof expected === "string" ? p.message === expected : expected.test(p.message)))?.level).toBe("error");
    if (path) expect(problems.find((p) => p.message === expected)?.path).toBe(path);
  });

  it("a 4-digit HSN is a warning, not an error", () => {
    const j = valid();
    j.ItemList[0]!.HsnCd = "1905";
    const problems = validateIrpJson(j);
    expect(problems).toEqual([{ path: "ItemList[0].HsnCd", message: "Item 1: HSN 1905 has 4 digits; with turnover above ₹5 crore the IRP needs 6 or 8", level: "warning" }]);
    expect(blockingProblems(problems)).toEqual([]);
  });

  it("NIC's sandbox GSTINs fail the check digit: refused normally, a warning in sandbox mode", () => {
    const j = valid();
    j.SellerDtls.Gstin = "29AMBPG7773M002";
    expect(blockingProblems(validateIrpJson(j)).map((p) => p.path)).toEqual(["SellerDtls.Gstin"]);
    expect(blockingProblems(validateIrpJson(j, { sandbox: true }))).toEqual([]);
    expect(validateIrpJson(j, { sandbox: true })[0]).toMatchObject({ level: "warning", message: "Seller GSTIN 29AMBPG7773M002 fails the check digit (accepted by the sandbox only)" });
  });

  it("not an object, and missing sections", () => {
    expect(validateIrpJson(null)[0]!.message).toBe("The e-invoice JSON must be an object");
    const messages = validateIrpJson({ Version: "1.1" }).map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining(["Transaction details (TranDtls) are missing", "Document details (DocDtls) are missing", "Seller details (SellerDtls) are missing", "Buyer details (BuyerDtls) are missing", "The document has no items (ItemList)", "Value details (ValDtls) are missing"]));
  });
});
