// OpenAPI operations for GST returns: GSTR-1 (JSON, Excel, problems), GSTR-3B and e-invoice/e-way bill coverage.
import { gstReturnInput } from "@/lib/reporting/gst/gst-returns.schemas";
import { attachmentHeader, mediaTypes, type Operation } from "@/lib/http/openapi-operation";

const num = { type: "number", description: "Rupees, rounded to 2 decimals" };
const rate = { type: "number", description: "GST rate, percent" };
const day = { type: "string", description: "dd-mm-yyyy" };
const yn = { enum: ["Y", "N"] };
const itmDet = { type: "object", properties: { rt: rate, txval: num, iamt: num, camt: num, samt: num, csamt: num } };
const igstOnly = { type: "object", properties: { rt: rate, txval: num, iamt: num, csamt: num } };
const items = (det: object) => ({ type: "array", items: { type: "object", properties: { num: { type: "integer" }, itm_det: det } } });
const hsnRows = {
  type: "array",
  items: {
    type: "object",
    properties: { num: { type: "integer" }, hsn_sc: { type: "string" }, desc: { type: "string" }, uqc: { type: "string", description: "GST unit quantity code" }, qty: { type: "number" }, rt: rate, txval: num, iamt: num, camt: num, samt: num, csamt: num },
  },
};
const gstr1 = {
  title: "Gstr1",
  type: "object",
  description: "The GSTR-1 JSON the GST portal's offline tool imports, in the portal's own field names. Sections without rows are left out.",
  required: ["gstin", "fp", "version", "hash"],
  properties: {
    gstin: { type: "string" },
    fp: { type: "string", pattern: "^(0[1-9]|1[0-2])\\d{4}$" },
    version: { type: "string", example: "GST3.0.4" },
    hash: { const: "hash" },
    b2b: { type: "array", description: "Table 4: registered buyers", items: { type: "object", properties: { ctin: { type: "string", description: "Buyer GSTIN" }, inv: { type: "array", items: { type: "object", properties: { inum: { type: "string" }, idt: day, val: num, pos: { type: "string" }, rchrg: yn, inv_typ: { enum: ["R", "SEWP", "SEWOP", "DE"] }, itms: items(itmDet) } } } } } },
    b2cl: { type: "array", description: "Table 5: inter-state invoices to unregistered buyers above the limit", items: { type: "object", properties: { pos: { type: "string" }, inv: { type: "array", items: { type: "object", properties: { inum: { type: "string" }, idt: day, val: num, itms: items(igstOnly) } } } } } },
    b2cs: { type: "array", description: "Table 7: other supplies to unregistered buyers, by place of supply and rate", items: { type: "object", properties: { sply_ty: { enum: ["INTRA", "INTER"] }, pos: { type: "string" }, typ: { const: "OE" }, rt: rate, txval: num, iamt: num, camt: num, samt: num, csamt: num } } },
    cdnr: { type: "array", description: "Table 9B: notes to registered buyers", items: { type: "object", properties: { ctin: { type: "string" }, nt: { type: "array", items: { type: "object", properties: { ntty: { enum: ["C", "D"] }, nt_num: { type: "string" }, nt_dt: day, val: num, pos: { type: "string" }, rchrg: yn, inv_typ: { type: "string" }, itms: items(itmDet) } } } } } },
    cdnur: {
      type: "array",
      description: "Table 9B: notes to unregistered buyers (large inter-state and exports)",
      items: { type: "object", required: ["typ", "ntty", "nt_num", "nt_dt", "val", "itms"], properties: { typ: { enum: ["B2CL", "EXPWP", "EXPWOP"] }, ntty: { enum: ["C", "D"] }, nt_num: { type: "string" }, nt_dt: day, val: num, pos: { type: "string" }, itms: items(igstOnly) } },
    },
    exp: {
      type: "array",
      description: "Table 6A: exports",
      items: {
        type: "object",
        properties: {
          exp_typ: { enum: ["WPAY", "WOPAY"] },
          inv: { type: "array", items: { type: "object", required: ["inum", "idt", "val", "itms"], properties: { inum: { type: "string" }, idt: day, val: num, sbpcode: { type: "string" }, sbnum: { type: "string" }, sbdt: day, itms: { type: "array", items: { type: "object", properties: { txval: num, rt: rate, iamt: num, csamt: num } } } } } },
        },
      },
    },
    nil: { type: "object", description: "Table 8: nil-rated, exempt and non-GST supplies", properties: { inv: { type: "array", items: { type: "object", properties: { sply_ty: { enum: ["INTRB2B", "INTRAB2B", "INTRB2C", "INTRAB2C"] }, expt_amt: num, nil_amt: num, ngsup_amt: num } } } } },
    hsn: {
      type: "object",
      description: "Table 12: { data } up to April 2025; { hsn_b2b, hsn_b2c } from May 2025",
      required: [],
      properties: { data: hsnRows, hsn_b2b: hsnRows, hsn_b2c: hsnRows },
    },
    doc_issue: {
      type: "object",
      description: "Table 13: documents issued",
      properties: { doc_det: { type: "array", items: { type: "object", properties: { doc_num: { type: "integer", description: "1 invoices, 4 debit notes, 5 credit notes" }, docs: { type: "array", items: { type: "object", properties: { num: { type: "integer" }, from: { type: "string" }, to: { type: "string" }, totnum: { type: "integer" }, cancel: { type: "integer" }, net_issue: { type: "integer" } } } } } } } },
    },
  },
};
const returnPeriod = {
  type: "object",
  properties: {
    fp: { type: "string", description: "MMYYYY" },
    frequency: { enum: ["monthly", "quarterly"] },
    from: { type: "string", format: "date" },
    to: { type: "string", format: "date" },
    label: { type: "string", example: "Oct–Dec 2026" },
    hsnSplit: { type: "boolean", description: "Table 12 (HSN) is split into B2B and B2C (from May 2025)" },
  },
};
const amounts = { taxable: { type: "string" }, igst: { type: "string" }, cgst: { type: "string" }, sgst: { type: "string" }, cess: { type: "string" } };
const problem = {
  type: "object",
  properties: { level: { enum: ["error", "warning"] }, code: { type: "string" }, documentId: { type: ["string", "null"] }, documentNumber: { type: ["string", "null"] }, line: { type: ["integer", "null"] }, field: { type: "string" }, message: { type: "string" } },
};
const problems = {
  type: "object",
  properties: {
    fp: { type: "string" },
    period: returnPeriod,
    gstin: { type: "string" },
    turnover: { type: "string", description: "Previous financial year's turnover from the books (decides 4- or 6-digit HSN)" },
    hsnDigits: { enum: [4, 6] },
    errors: { type: "integer" },
    problems: { type: "array", items: problem },
    tieOut: { type: "object", properties: { register: { type: "object", properties: { ...amounts, documents: { type: "integer", description: "Issued documents of the period" } } }, sections: { type: "object", properties: amounts }, sectionsBreakdown: { type: "array", items: { type: "object", properties: { section: { type: "string" }, ...amounts } } }, hsn: { type: "object", properties: amounts }, checks: { type: "array", items: { type: "object", properties: { name: { type: "string" }, expected: { type: "string" }, actual: { type: "string" }, ok: { type: "boolean" } } } }, ok: { type: "boolean" } } },
    sections: { type: "array", items: { type: "object", properties: { section: { type: "string" }, label: { type: "string" }, records: { type: "integer" }, ...amounts } } },
  },
};
const contribution = { type: "object", properties: { documentId: { type: "string" }, number: { type: "string" }, type: { type: "string" }, issueDate: { type: "string" }, section: { type: "string" }, ...amounts } };
const gstr3b = {
  type: "object",
  properties: {
    period: returnPeriod,
    table31: { type: "array", items: { type: "object", properties: { key: { enum: ["a", "b", "c", "d", "e", "rcm"] }, label: { type: "string" }, derivation: { type: "string" }, ...amounts, documents: { type: "array", items: contribution } } } },
    table32: { type: "array", items: { type: "object", properties: { pos: { type: "string" }, taxable: { type: "string" }, igst: { type: "string" }, documents: { type: "array", items: contribution } } } },
  },
};
const coverageDocument = { id: { type: "string" }, number: { type: "string" }, type: { enum: ["INVOICE", "CREDIT_NOTE", "DEBIT_NOTE"] }, issueDate: { type: "string", format: "date" }, buyerName: { type: "string" }, grandTotal: { type: "string", description: "Decimal rupees" } };
const coverage = {
  type: "object",
  properties: {
    period: returnPeriod,
    eInvoiceEnabled: { type: "boolean" },
    ewayBillThreshold: { type: "string", description: "Decimal rupees" },
    missingIrn: { type: "array", description: "Documents that needed an IRN and have none", items: { type: "object", properties: { ...coverageDocument, eInvoiceStatus: { type: "string" }, eInvoiceError: { type: ["string", "null"] }, ageDays: { type: "integer" }, windowPassed: { type: "boolean", description: "Older than the 30-day reporting window" } } } },
    cancelledIrns: { type: "array", items: { type: "object", properties: { ...coverageDocument, irn: { type: ["string", "null"] }, irnCancelledAt: { type: "string", format: "date-time" } } } },
    ewayExpiring: { type: "array", items: { type: "object", properties: { ...coverageDocument, ewayBillNo: { type: "string" }, validUntil: { type: "string", format: "date-time" }, expired: { type: "boolean" } } } },
    ewayMissing: { type: "array", description: "Invoices of goods above the threshold without an e-way bill", items: { type: "object", properties: coverageDocument } },
  },
};
const periodNote = "reports.read. fp is MMYYYY; with frequency=quarterly, the quarter's last month (03, 06, 09, 12). A bad fp is 422 naming fp.";

export const gstReturnsOperations: Operation[] = [
  { method: "get", path: "/gst-returns/gstr1", tag: "GST returns", summary: "GSTR-1 of a period as the offline tool's JSON", description: `${periodNote} download=1 adds Content-Disposition. The body is exactly the portal's JSON (amounts are numbers here, as the portal requires).`, auth: true, query: gstReturnInput, response: { status: 200, description: "GSTR-1 JSON", schema: gstr1 } },
  { method: "get", path: "/gst-returns/gstr1/problems", tag: "GST returns", summary: "GSTR-1 validator findings and tie-out to the books", description: `${periodNote} Each problem names the document and line.`, auth: true, query: gstReturnInput, response: { status: 200, description: "Problems, tie-out, section summary", schema: problems } },
  { method: "get", path: "/gst-returns/gstr1/xlsx", tag: "GST returns", summary: "GSTR-1 as the offline tool's Excel workbook (streamed)", description: periodNote, auth: true, query: gstReturnInput, response: { status: 200, description: "The GSTR-1 workbook, as an attachment", files: [mediaTypes.xlsx], headers: attachmentHeader } },
  { method: "get", path: "/gst-returns/gstr3b", tag: "GST returns", summary: "GSTR-3B tables 3.1 and 3.2 with the documents behind each figure", description: periodNote, auth: true, query: gstReturnInput, response: { status: 200, description: "GSTR-3B 3.1 and 3.2", schema: gstr3b } },
  { method: "get", path: "/gst-returns/coverage", tag: "GST returns", summary: "E-invoice and e-way bill coverage of a period", description: `${periodNote} Documents that needed an IRN and have none, IRNs cancelled in the period, e-way bills expiring or expired, invoices above the e-way bill threshold without one.`, auth: true, query: gstReturnInput, response: { status: 200, description: "Coverage lists", schema: coverage } },
];
