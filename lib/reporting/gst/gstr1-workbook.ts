// GSTR-1 as the offline tool's Excel workbook: one sheet per section with the template's sheet
// names and column headers (row 1 the section title, rows 2–3 its summary, row 4 the headers,
// data from row 5), one row per document and rate as the template has it. Written with exceljs's
// streaming writer: rows go out as they are made, the file is never whole in memory.
import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { stateName } from "@/lib/integrations/gst/states";
import type { Gstr1Json } from "./build-gstr1";
import type { GstDocument } from "./types";

type Cell = string | number | null;
type SheetSpec = { name: string; title: string; summary: [string, Cell][]; headers: string[]; rows: Cell[][] };

const invTypLabels: Record<string, string> = { R: "Regular B2B", SEWP: "SEZ supplies with payment", SEWOP: "SEZ supplies without payment", DE: "Deemed Exp" };
const nilLabels: Record<string, string> = {
  INTRB2B: "Inter-State supplies to registered persons",
  INTRAB2B: "Intra-State supplies to registered persons",
  INTRB2C: "Inter-State supplies to unregistered persons",
  INTRAB2C: "Intra-State supplies to unregistered persons",
};
const natureLabels: Record<number, string> = { 1: "Invoices for outward supply", 4: "Debit Note", 5: "Credit Note" };
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The workbook's sheets, in the template's order (only sections with rows, plus docs). */
export function gstr1Sheets(json: Gstr1Json, docs: Pick<GstDocument, "number" | "buyerName">[]): SheetSpec[] {
  const names = new Map(docs.map((d) => [d.number, d.buyerName]));
  const sheets: SheetSpec[] = [];
  const sum = (rows: Cell[][], col: number) => Math.round(rows.reduce((s, r) => s + Number(r[col] ?? 0), 0) * 100) / 100;

  const b2b: Cell[][] = [];
  for (const g of json.b2b ?? []) for (const inv of g.inv) for (const it of inv.itms) b2b.push([g.ctin, names.get(inv.inum) ?? "", inv.inum, excelDate(inv.idt), inv.val, pos(inv.pos), inv.rchrg, null, invTypLabels[inv.inv_typ] ?? inv.inv_typ, null, it.itm_det.rt, it.itm_det.txval, it.itm_det.csamt]);
  sheets.push({
    name: "b2b,sez,de",
    title: "Summary For B2B, SEZ, DE (4A, 4B, 6B, 6C)",
    summary: [["No. of Recipients", (json.b2b ?? []).length], ["No. of Invoices", (json.b2b ?? []).reduce((n, g) => n + g.inv.length, 0)], ["Total Invoice Value", sum(uniqueBy(b2b, 2), 4)], ["Total Taxable Value", sum(b2b, 11)], ["Total Cess", sum(b2b, 12)]],
    headers: ["GSTIN/UIN of Recipient", "Receiver Name", "Invoice Number", "Invoice date", "Invoice Value", "Place Of Supply", "Reverse Charge", "Applicable % of Tax Rate", "Invoice Type", "E-Commerce GSTIN", "Rate", "Taxable Value", "Cess Amount"],
    rows: b2b,
  });

  const b2cl: Cell[][] = [];
  for (const g of json.b2cl ?? []) for (const inv of g.inv) for (const it of inv.itms) b2cl.push([inv.inum, excelDate(inv.idt), inv.val, pos(g.pos), null, it.itm_det.rt, it.itm_det.txval, it.itm_det.csamt, null]);
  sheets.push({ name: "b2cl", title: "Summary For B2CL(5)", summary: [["No. of Invoices", uniqueBy(b2cl, 0).length], ["Total Inv Value", sum(uniqueBy(b2cl, 0), 2)], ["Total Taxable Value", sum(b2cl, 6)], ["Total Cess", sum(b2cl, 7)]], headers: ["Invoice Number", "Invoice date", "Invoice Value", "Place Of Supply", "Applicable % of Tax Rate", "Rate", "Taxable Value", "Cess Amount", "E-Commerce GSTIN"], rows: b2cl });

  const b2cs: Cell[][] = (json.b2cs ?? []).map((r) => [r.typ, pos(r.pos), null, r.rt, r.txval, r.csamt, null]);
  sheets.push({ name: "b2cs", title: "Summary For B2CS(7)", summary: [["Total Taxable  Value", sum(b2cs, 4)], ["Total Cess", sum(b2cs, 5)]], headers: ["Type", "Place Of Supply", "Applicable % of Tax Rate", "Rate", "Taxable Value", "Cess Amount", "E-Commerce GSTIN"], rows: b2cs });

  const cdnr: Cell[][] = [];
  for (const g of json.cdnr ?? []) for (const nt of g.nt) for (const it of nt.itms) cdnr.push([g.ctin, names.get(nt.nt_num) ?? "", nt.nt_num, excelDate(nt.nt_dt), nt.ntty, pos(nt.pos), nt.rchrg, invTypLabels[nt.inv_typ] ?? nt.inv_typ, nt.val, null, it.itm_det.rt, it.itm_det.txval, it.itm_det.csamt]);
  sheets.push({ name: "cdnr", title: "Summary For CDNR(9B)", summary: [["No. of Recipients", (json.cdnr ?? []).length], ["No. of Notes", uniqueBy(cdnr, 2).length], ["Total Note Value", sum(uniqueBy(cdnr, 2), 8)], ["Total Taxable Value", sum(cdnr, 11)], ["Total Cess", sum(cdnr, 12)]], headers: ["GSTIN/UIN of Recipient", "Receiver Name", "Note Number", "Note Date", "Note Type", "Place Of Supply", "Reverse Charge", "Note Supply Type", "Note Value", "Applicable % of Tax Rate", "Rate", "Taxable Value", "Cess Amount"], rows: cdnr });

  const cdnur: Cell[][] = [];
  for (const nt of json.cdnur ?? []) for (const it of nt.itms) cdnur.push([nt.typ, nt.nt_num, excelDate(nt.nt_dt), nt.ntty, nt.pos ? pos(nt.pos) : null, nt.val, null, it.itm_det.rt, it.itm_det.txval, it.itm_det.csamt]);
  sheets.push({ name: "cdnur", title: "Summary For CDNUR(9B)", summary: [["No. of Notes/Vouchers", uniqueBy(cdnur, 1).length], ["Total Note Value", sum(uniqueBy(cdnur, 1), 5)], ["Total Taxable Value", sum(cdnur, 8)], ["Total Cess", sum(cdnur, 9)]], headers: ["UR Type", "Note Number", "Note Date", "Note Type", "Place Of Supply", "Note Value", "Applicable % of Tax Rate", "Rate", "Taxable Value", "Cess Amount"], rows: cdnur });

  const exp: Cell[][] = [];
  for (const g of json.exp ?? []) for (const inv of g.inv) for (const it of inv.itms) exp.push([g.exp_typ, inv.inum, excelDate(inv.idt), inv.val, inv.sbpcode ?? null, inv.sbnum ?? null, inv.sbdt ? excelDate(inv.sbdt) : null, it.rt, it.txval, it.csamt]);
  sheets.push({ name: "exp", title: "Summary For EXP(6)", summary: [["No. of Invoices", uniqueBy(exp, 1).length], ["Total Invoice Value", sum(uniqueBy(exp, 1), 3)], ["No. of Shipping Bill", exp.filter((r) => r[5]).length], ["Total Taxable Value", sum(exp, 8)]], headers: ["Export Type", "Invoice Number", "Invoice date", "Invoice Value", "Port Code", "Shipping Bill Number", "Shipping Bill Date", "Rate", "Taxable Value", "Cess Amount"], rows: exp });

  const nil: Cell[][] = (json.nil?.inv ?? []).map((r) => [nilLabels[r.sply_ty] ?? r.sply_ty, r.nil_amt, r.expt_amt, r.ngsup_amt]);
  sheets.push({ name: "exemp", title: "Summary For Nil rated, exempted and non GST outward supplies (8)", summary: [["Total Nil Rated Supplies", sum(nil, 1)], ["Total Exempted Supplies", sum(nil, 2)], ["Total Non-GST Supplies", sum(nil, 3)]], headers: ["Description", "Nil Rated Supplies", "Exempted(other than nil rated/non GST supply)", "Non-GST Supplies"], rows: nil });

  const hsnHeaders = ["HSN", "Description", "UQC", "Total Quantity", "Total Value", "Rate", "Taxable Value", "Integrated Tax Amount", "Central Tax Amount", "State/UT Tax Amount", "Cess Amount"];
  const hsnRows = (rows: NonNullable<Extract<Gstr1Json["hsn"], { data: unknown }>["data"]>): Cell[][] =>
    rows.map((r) => [r.hsn_sc, r.desc, r.uqc === "NA" ? "NA" : uqcLabel(r.uqc), r.qty, round2(r.txval + r.iamt + r.camt + r.samt + r.csamt), r.rt, r.txval, r.iamt, r.camt, r.samt, r.csamt]);
  const hsnSummary = (rows: Cell[][]): [string, Cell][] => [["No. of HSN", uniqueBy(rows, 0).length], ["Total Value", sum(rows, 4)], ["Total Taxable Value", sum(rows, 6)], ["Total Integrated Tax", sum(rows, 7)], ["Total Central Tax", sum(rows, 8)], ["Total State/UT Tax", sum(rows, 9)], ["Total Cess", sum(rows, 10)]];
  const hsn = json.hsn;
  if (hsn && "data" in hsn) {
    const rows = hsnRows(hsn.data);
    sheets.push({ name: "hsn", title: "Summary For HSN(12)", summary: hsnSummary(rows), headers: hsnHeaders, rows });
  } else {
    const b = hsnRows(hsn?.hsn_b2b ?? []);
    const c = hsnRows(hsn?.hsn_b2c ?? []);
    sheets.push({ name: "hsn(b2b)", title: "Summary For HSN(12) - B2B", summary: hsnSummary(b), headers: hsnHeaders, rows: b });
    sheets.push({ name: "hsn(b2c)", title: "Summary For HSN(12) - B2C", summary: hsnSummary(c), headers: hsnHeaders, rows: c });
  }

  const docsRows: Cell[][] = [];
  for (const d of json.doc_issue?.doc_det ?? []) for (const r of d.docs) docsRows.push([natureLabels[d.doc_num] ?? String(d.doc_num), r.from, r.to, r.totnum, r.cancel]);
  sheets.push({ name: "docs", title: "Summary of documents issued during the tax period (13)", summary: [["Total Number", sum(docsRows, 3)], ["Total Cancelled", sum(docsRows, 4)]], headers: ["Nature of Document", "Sr. No. From", "Sr. No. To", "Total Number", "Cancelled"], rows: docsRows });
  return sheets;
}

/** Streams the workbook to `out`; resolves when the last byte is written. */
export async function writeGstr1Workbook(out: Writable, json: Gstr1Json, docs: Pick<GstDocument, "number" | "buyerName">[]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "Vendor ERP";
  for (const s of gstr1Sheets(json, docs)) {
    const ws = wb.addWorksheet(s.name);
    ws.columns = s.headers.map((h) => ({ width: Math.max(12, Math.min(40, h.length + 2)) }));
    const title = ws.addRow([s.title]);
    title.font = { bold: true };
    title.commit();
    ws.addRow(s.summary.map(([label]) => label)).commit();
    ws.addRow(s.summary.map(([, v]) => v)).commit();
    const head = ws.addRow(s.headers);
    head.font = { bold: true };
    head.commit();
    for (const r of s.rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
}

/** dd-mm-yyyy → "02-Nov-2026", as the template's date columns show. */
function excelDate(ddmmyyyy: string): string {
  const [d, m, y] = ddmmyyyy.split("-");
  return `${d}-${MONTHS[Number(m) - 1]}-${y}`;
}

/** "29-Karnataka", the template's place-of-supply spelling. */
function pos(code: string): string {
  return `${code}-${stateName(code) ?? ""}`;
}

const uqcNames: Record<string, string> = { BAG: "BAGS", BOX: "BOX", BTL: "BOTTLES", CAN: "CANS", CTN: "CARTONS", DOZ: "DOZENS", GMS: "GRAMMES", KGS: "KILOGRAMS", LTR: "LITRES", MLT: "MILILITRE", MTR: "METERS", NOS: "NUMBERS", OTH: "OTHERS", PAC: "PACKS", PCS: "PIECES", PRS: "PAIRS", QTL: "QUINTAL", ROL: "ROLLS", SET: "SETS", SQM: "SQUARE METERS", TBS: "TABLETS", TON: "TONNES", UNT: "UNITS", BDL: "BUNDLES" };
/** "PCS-PIECES", the template's UQC spelling. */
function uqcLabel(code: string): string {
  return `${code}-${uqcNames[code] ?? code}`;
}

function uniqueBy(rows: Cell[][], col: number): Cell[][] {
  const seen = new Set<Cell>();
  return rows.filter((r) => (seen.has(r[col]!) ? false : (seen.add(r[col]!), true)));
}

const round2 = (n: number) => Math.round(n * 100) / 100;
