// An in-memory InvoiceDocument (what loadInvoiceDocument returns) with `lines` realistic FMCG lines
// whose tax and totals add up, for the PDF benchmark and for looking at sample PDFs without a
// database. Amounts are computed with Decimal like the tax engine: tax per line to the paisa,
// CGST = SGST, grand total rounded to the rupee with a round-off.
import type { InvoiceDocument } from "@/lib/billing/invoice-access";
import type { BuyerSnapshot, SellerSnapshot } from "@/lib/billing/parties";
import { Prisma } from "@/lib/generated/prisma/client";

const D = Prisma.Decimal;
const r2 = (d: Prisma.Decimal) => d.toDecimalPlaces(2, D.ROUND_HALF_UP);

const PRODUCTS: [sku: string, name: string, hsn: string, unit: string, price: string, gst: string][] = [
  ["SGF-POHA-1KG", "Shree Ganesh Poha (Thick) 1 kg", "19049000", "PCS", "62.00", "5"],
  ["SGF-TOOR-5KG", "Toor Dal Premium Unpolished 5 kg bag", "07136000", "BAG", "742.50", "5"],
  ["KVR-GHEE-1L", "Kaveri Pure Cow Ghee 1 L tin", "04059020", "LTR", "598.00", "12"],
  ["NLG-BISC-200", "Nilgiri Butter Cookies 200 g (box of 24)", "19053100", "BOX", "1032.00", "18"],
  ["SGF-MSL-100", "Garam Masala 100 g", "09109100", "PCS", "48.50", "5"],
  ["DTG-PWD-4KG", "Sparkle Detergent Powder 4 kg", "34022010", "PCS", "389.00", "18"],
  ["SHP-HRB-650", "Herbal Shampoo 650 ml", "33051090", "PCS", "275.00", "18"],
  ["PKL-MNG-1KG", "Mango Pickle (Avakaya) 1 kg jar", "20019000", "KGS", "210.00", "12"],
];

export function sampleInvoiceDocument(opts: { lines: number; interState?: boolean; einvoiced?: boolean; cancelled?: boolean; type?: InvoiceDocument["type"]; withCess?: boolean }): InvoiceDocument {
  const intra = !opts.interState;
  const type = opts.type ?? "INVOICE";
  const lines = Array.from({ length: opts.lines }, (_, i) => {
    const [sku, name, hsn, unit, price, gst] = PRODUCTS[i % PRODUCTS.length];
    const qty = new D(((i * 7) % 23) + 1);
    const gross = r2(qty.times(price));
    const discount = i % 3 === 0 ? r2(gross.times("0.05")) : new D(0);
    const taxable = gross.minus(discount);
    const half = r2(taxable.times(gst).div(200));
    const igst = intra ? new D(0) : half.times(2);
    const cessRate = opts.withCess && i % 4 === 0 ? new D(12) : new D(0);
    const cess = r2(taxable.times(cessRate).div(100));
    return {
      id: `line${i + 1}`,
      invoiceId: "inv1",
      companyId: "co1",
      position: i + 1,
      productId: null,
      orderLineId: null,
      originalLineId: null,
      sku,
      description: name,
      hsnCode: hsn,
      unit,
      quantity: qty,
      unitPrice: new D(price),
      freeGoods: false,
      taxInclusive: false,
      grossValue: gross,
      discount,
      taxableValue: taxable,
      gstRate: new D(gst),
      cessRate,
      cgstAmount: intra ? half : new D(0),
      sgstAmount: intra ? half : new D(0),
      igstAmount: igst,
      cessAmount: cess,
      lineTotal: taxable.plus(intra ? half.times(2) : igst).plus(cess),
      unitCost: null,
    };
  });
  const sum = (pick: (l: (typeof lines)[number]) => Prisma.Decimal) => lines.reduce((t, l) => t.plus(pick(l)), new D(0));
  const exact = sum((l) => l.lineTotal);
  const grand = exact.toDecimalPlaces(0, D.ROUND_HALF_UP);
  const seller: SellerSnapshot = {
    legalName: "Shree Ganesh Foods Private Limited",
    tradeName: "Shree Ganesh Foods",
    gstin: "27AABCS1234F1Z5",
    pan: "AABCS1234F",
    address1: "Plot 14, MIDC Industrial Area",
    address2: "Ambad",
    city: "Nashik",
    stateCode: "27",
    pincode: "422010",
    email: "accounts@shreeganesh.example",
    phone: "+91 98220 12345",
    dispatchFrom: null,
    bank: { bankName: "HDFC Bank", accountName: "Shree Ganesh Foods Pvt Ltd", accountNumber: "50200012345678", ifsc: "HDFC0001234", branch: "College Road, Nashik", upiId: "shreeganesh@hdfcbank" },
  };
  const buyer: BuyerSnapshot = {
    legalName: intra ? "Sharma Kirana Stores" : "Patel General Traders",
    tradeName: intra ? "Sharma Kirana" : null,
    gstin: intra ? "27AAEPS5678K1Z2" : "24AAGFP4321L1Z9",
    address1: intra ? "Shop 3, Gangapur Road" : "12 Station Road",
    address2: null,
    city: intra ? "Nashik" : "Surat",
    stateCode: intra ? "27" : "24",
    pincode: intra ? "422013" : "395003",
    email: "ravi@sharmakirana.example",
    phone: "+91 94220 55555",
    customerCode: "NSK-0042",
  };
  const issueDate = new Date("2026-11-24T00:00:00Z");
  return {
    id: "inv1",
    companyId: "co1",
    type,
    number: type === "INVOICE" ? "INV/26-27/000123" : type === "CREDIT_NOTE" ? "CN/26-27/000007" : "DN/26-27/000002",
    series: type === "INVOICE" ? "INV" : type === "CREDIT_NOTE" ? "CN" : "DN",
    financialYear: "26-27",
    status: opts.cancelled ? "CANCELLED" : "ISSUED",
    issueDate,
    dueDate: new Date("2026-12-24T00:00:00Z"),
    connectionId: "conn1",
    retailerId: "ret1",
    orderId: type === "INVOICE" ? "ord1" : null,
    originalInvoiceId: type === "INVOICE" ? null : "inv0",
    noteReason: type === "INVOICE" ? null : "RETURN",
    supplyType: "regular",
    reverseCharge: false,
    taxType: intra ? "intra" : "inter",
    supplierStateCode: "27",
    placeOfSupply: buyer.stateCode,
    sellerGstin: seller.gstin,
    seller,
    buyerGstin: buyer.gstin,
    buyerName: buyer.legalName,
    buyer,
    shipTo: intra ? null : { name: "Patel General Traders — Godown", address1: "Survey 88, Sachin GIDC", address2: null, city: "Surat", stateCode: "24", pincode: "394230" },
    buyerReference: "PO-7781",
    notes: null,
    taxableTotal: sum((l) => l.taxableValue),
    discountTotal: sum((l) => l.discount),
    cgstTotal: sum((l) => l.cgstAmount),
    sgstTotal: sum((l) => l.sgstAmount),
    igstTotal: sum((l) => l.igstAmount),
    cessTotal: sum((l) => l.cessAmount),
    roundOff: grand.minus(exact),
    grandTotal: grand,
    settledAmount: new D(0),
    eInvoiceStatus: opts.einvoiced ? "GENERATED" : "NOT_REQUIRED",
    eInvoiceError: null,
    irn: opts.einvoiced ? "a5c12dca80e743321740b6f1e1ab0a2b1e1e1e2f3a4b5c6d7e8f9a0b1c2d3e4f" : null,
    ackNo: opts.einvoiced ? "172610012345678" : null,
    ackDate: opts.einvoiced ? new Date("2026-11-24T06:12:00Z") : null,
    signedInvoice: null,
    signedQrCode: opts.einvoiced ? `eyJhbGciOiJSUzI1NiJ9.${Buffer.from(JSON.stringify({ data: { SellerGstin: seller.gstin, DocNo: "INV/26-27/000123", TotInvVal: grand.toString() } })).toString("base64url")}.c2lnbmF0dXJl` : null,
    irnCancelledAt: null,
    ewayBillNo: null,
    ewayBillDate: null,
    ewayBillValidUntil: null,
    cancelledAt: opts.cancelled ? new Date("2026-11-24T10:00:00Z") : null,
    cancelReason: opts.cancelled ? "Duplicate invoice" : null,
    issuedById: null,
    createdAt: issueDate,
    updatedAt: issueDate,
    lines,
    originalInvoice: type === "INVOICE" ? null : { id: "inv0", number: "INV/26-27/000101", issueDate: new Date("2026-11-10T00:00:00Z"), type: "INVOICE" },
    order: type === "INVOICE" ? { id: "ord1", number: "SO/26-27/000031" } : null,
  } as InvoiceDocument;
}
