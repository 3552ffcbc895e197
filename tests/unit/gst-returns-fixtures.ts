// The golden documents of the GST return tests: one supplier in Gujarat (24) and a month of
// November 2026 holding one of every case GSTR-1 distinguishes, plus documents outside it.
// Every amount is written out; document totals are the sums of their lines.
import { Prisma } from "@/lib/generated/prisma/client";
import type { GstDocument, GstLine, GstOriginalInvoice, GstTreatment } from "@/lib/reporting/gst/types";

const D = Prisma.Decimal;

export const SUPPLIER_GSTIN = "24AAQCA8719H1ZC";
export const INTRA_BUYER = "24AANFA2641L1ZF"; // Gujarat
export const INTER_BUYER = "29AABCR1718E1ZL"; // Karnataka
export const RCM_BUYER = "05AAACG2115R1ZN"; // Uttarakhand
export const SEZ_UNIT = "33AAAAR6720M1ZG"; // Tamil Nadu SEZ
export const DEEMED_BUYER = "29AAFCC9980M1ZR"; // Karnataka, deemed export (EOU)

type L = [hsn: string, description: string, unit: string, qty: string, taxable: string, rate: string, cgst: string, sgst: string, igst: string, treatment?: GstTreatment];

export function line(position: number, [hsn, description, unit, qty, taxable, rate, cgst, sgst, igst, treatment]: L): GstLine {
  const total = new D(taxable).plus(cgst).plus(sgst).plus(igst);
  return { position, description, hsnCode: hsn, unit, quantity: qty, taxableValue: taxable, gstRate: rate, cessRate: "0", cgstAmount: cgst, sgstAmount: sgst, igstAmount: igst, cessAmount: "0", lineTotal: total.toFixed(2), ...(treatment ? { treatment } : {}) };
}

export function doc(d: Partial<GstDocument> & Pick<GstDocument, "number" | "issueDate">, lines: L[]): GstDocument {
  const ls = lines.map((l, i) => line(i + 1, l));
  const sum = (k: keyof GstLine) => ls.reduce((s, l) => s.plus(l[k] as string), new D(0)).toFixed(2);
  const pos = d.placeOfSupply ?? "24";
  const supplyType = d.supplyType ?? "regular";
  const base: GstDocument = {
    id: d.number,
    type: "INVOICE",
    status: "ISSUED",
    supplyType,
    reverseCharge: false,
    taxType: pos === "24" && supplyType === "regular" ? "intra" : "inter",
    supplierStateCode: "24",
    placeOfSupply: pos,
    buyerGstin: null,
    buyerName: "Buyer",
    taxableTotal: sum("taxableValue"),
    cgstTotal: sum("cgstAmount"),
    sgstTotal: sum("sgstAmount"),
    igstTotal: sum("igstAmount"),
    cessTotal: "0.00",
    roundOff: "0.00",
    grandTotal: sum("lineTotal"),
    original: null,
    number: d.number,
    issueDate: d.issueDate,
    lines: ls,
  };
  return { ...base, ...d, placeOfSupply: pos, supplyType, lines: ls } as GstDocument;
}

const orig = (number: string, issueDate: string, grandTotal: string, taxType: "intra" | "inter"): GstOriginalInvoice => ({ number, issueDate, grandTotal, taxType });

const BISCUITS = "Glucose biscuits family pack 800 g";
export const november2026: GstDocument[] = [
  // Intra-state to a registered buyer, two rates.
  doc({ number: "INV/26-27/000001", issueDate: "2026-11-02", buyerGstin: INTRA_BUYER }, [
    ["19053100", BISCUITS, "PCS", "100", "10000.00", "18", "900.00", "900.00", "0"],
    ["21069099", "Namkeen mix", "KGS", "50", "2000.00", "5", "50.00", "50.00", "0"],
  ]),
  // Inter-state to a registered buyer.
  doc({ number: "INV/26-27/000002", issueDate: "2026-11-03", buyerGstin: INTER_BUYER, placeOfSupply: "29" }, [["19053100", BISCUITS, "PCS", "50", "5000.00", "18", "0", "0", "900.00"]]),
  // Reverse charge (a GTA service, tax paid by the recipient).
  doc({ number: "INV/26-27/000003", issueDate: "2026-11-04", buyerGstin: RCM_BUYER, placeOfSupply: "05", reverseCharge: true }, [["996511", "Goods transport", "UNT", "1", "20000.00", "5", "0", "0", "1000.00"]]),
  // B2C inter-state just above ₹1,00,000: B2CL.
  doc({ number: "INV/26-27/000004", issueDate: "2026-11-05", placeOfSupply: "27" }, [["84501100", "Washing machine 7 kg", "PCS", "1", "84746.61", "18", "0", "0", "15254.39"]]),
  // B2C inter-state at exactly ₹1,00,000 (not above): B2CS.
  doc({ number: "INV/26-27/000005", issueDate: "2026-11-06", placeOfSupply: "27" }, [["84501100", "Washing machine 7 kg", "PCS", "1", "84745.76", "18", "0", "0", "15254.24"]]),
  // B2C small, intra-state, two rates; and another at 18 %.
  doc({ number: "INV/26-27/000006", issueDate: "2026-11-07" }, [
    ["19053100", "Glucose biscuits 100 g", "PCS", "10", "1000.00", "18", "90.00", "90.00", "0"],
    ["21069099", "Namkeen mix", "KGS", "5", "500.00", "5", "12.50", "12.50", "0"],
  ]),
  doc({ number: "INV/26-27/000007", issueDate: "2026-11-08" }, [["19053100", BISCUITS, "PCS", "20", "2000.00", "18", "180.00", "180.00", "0"]]),
  // B2C small, inter-state (Karnataka), 40 %.
  doc({ number: "INV/26-27/000008", issueDate: "2026-11-09", placeOfSupply: "29" }, [["22021010", "Aerated drink 300 ml", "PCS", "30", "3000.00", "40", "0", "0", "1200.00"]]),
  // Exports with and without payment.
  doc({ number: "INV/26-27/000009", issueDate: "2026-11-10", placeOfSupply: "96", supplyType: "export_with_payment", shippingBill: { portCode: "INNSA1", number: "1234567", date: "2026-11-12" } }, [
    ["19053100", BISCUITS, "PCS", "500", "50000.00", "18", "0", "0", "9000.00"],
  ]),
  doc({ number: "INV/26-27/000010", issueDate: "2026-11-11", placeOfSupply: "96", supplyType: "export_without_payment" }, [["19053100", BISCUITS, "PCS", "400", "40000.00", "18", "0", "0", "0"]]),
  // SEZ with and without payment.
  doc({ number: "INV/26-27/000011", issueDate: "2026-11-12", buyerGstin: SEZ_UNIT, placeOfSupply: "33", supplyType: "sez_with_payment" }, [["84501100", "Washing machine 7 kg", "PCS", "1", "10000.00", "18", "0", "0", "1800.00"]]),
  doc({ number: "INV/26-27/000012", issueDate: "2026-11-13", buyerGstin: SEZ_UNIT, placeOfSupply: "33", supplyType: "sez_without_payment" }, [["84501100", "Washing machine 7 kg", "PCS", "1", "8000.00", "18", "0", "0", "0"]]),
  // Deemed export.
  doc({ number: "INV/26-27/000013", issueDate: "2026-11-14", buyerGstin: DEEMED_BUYER, placeOfSupply: "29", supplyType: "deemed_export" }, [["19053100", BISCUITS, "PCS", "60", "6000.00", "18", "0", "0", "1080.00"]]),
  // Registered, intra: nil-rated (0 %), exempt and a taxable line.
  doc({ number: "INV/26-27/000014", issueDate: "2026-11-15", buyerGstin: INTRA_BUYER }, [
    ["10063010", "Rice loose", "KGS", "100", "4000.00", "0", "0", "0", "0"],
    ["04011000", "Fresh milk", "LTR", "50", "1500.00", "0", "0", "0", "0", "exempt"],
    ["21069099", "Namkeen mix", "KGS", "10", "1000.00", "5", "25.00", "25.00", "0"],
  ]),
  // Unregistered, inter-state: nil-rated and non-GST only.
  doc({ number: "INV/26-27/000015", issueDate: "2026-11-16", placeOfSupply: "29" }, [
    ["10063010", "Rice loose", "KGS", "20", "800.00", "0", "0", "0", "0"],
    ["27101930", "High speed diesel", "LTR", "10", "900.00", "0", "0", "0", "0", "non_gst"],
  ]),
  // Cancelled: only doc_issue counts it.
  doc({ number: "INV/26-27/000016", issueDate: "2026-11-17", buyerGstin: INTRA_BUYER, status: "CANCELLED" }, [["19053100", BISCUITS, "PCS", "10", "1000.00", "18", "90.00", "90.00", "0"]]),
  // Notes.
  doc({ number: "CN/26-27/000001", type: "CREDIT_NOTE", issueDate: "2026-11-20", buyerGstin: INTRA_BUYER, original: orig("INV/26-27/000001", "2026-11-02", "13900.00", "intra") }, [
    ["19053100", BISCUITS, "PCS", "10", "1000.00", "18", "90.00", "90.00", "0"],
  ]),
  doc({ number: "CN/26-27/000002", type: "CREDIT_NOTE", issueDate: "2026-11-21", placeOfSupply: "27", original: orig("INV/26-27/000004", "2026-11-05", "100001.00", "inter") }, [
    ["84501100", "Washing machine 7 kg", "PCS", "0", "10000.00", "18", "0", "0", "1800.00"],
  ]),
  doc({ number: "CN/26-27/000003", type: "CREDIT_NOTE", issueDate: "2026-11-22", original: orig("INV/26-27/000006", "2026-11-07", "1705.00", "intra") }, [
    ["19053100", "Glucose biscuits 100 g", "PCS", "2", "200.00", "18", "18.00", "18.00", "0"],
  ]),
  doc({ number: "CN/26-27/000004", type: "CREDIT_NOTE", issueDate: "2026-11-23", placeOfSupply: "96", supplyType: "export_with_payment", original: orig("INV/26-27/000009", "2026-11-10", "59000.00", "inter") }, [
    ["19053100", BISCUITS, "PCS", "50", "5000.00", "18", "0", "0", "900.00"],
  ]),
  doc({ number: "DN/26-27/000001", type: "DEBIT_NOTE", issueDate: "2026-11-24", buyerGstin: INTER_BUYER, placeOfSupply: "29", original: orig("INV/26-27/000002", "2026-11-03", "5900.00", "inter") }, [
    ["19053100", BISCUITS, "PCS", "0", "500.00", "18", "0", "0", "90.00"],
  ]),
  doc({ number: "DN/26-27/000002", type: "DEBIT_NOTE", issueDate: "2026-11-25", placeOfSupply: "29", original: orig("INV/26-27/000008", "2026-11-09", "4200.00", "inter") }, [
    ["22021010", "Aerated drink 300 ml", "PCS", "0", "100.00", "40", "0", "0", "40.00"],
  ]),
  // October: outside the period.
  doc({ number: "INV/26-27/000099", issueDate: "2026-10-30", buyerGstin: INTRA_BUYER }, [["19053100", BISCUITS, "PCS", "1", "100.00", "18", "9.00", "9.00", "0"]]),
];
