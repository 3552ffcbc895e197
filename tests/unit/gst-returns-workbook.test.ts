// The offline tool's Excel layout of the golden month: sheet names, headers and one row per
// document and rate, with the template's spellings (dates 02-Nov-2026, place of supply "29-Karnataka",
// invoice types, UQC "PCS-PIECES", nature of document).
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildGstr1 } from "@/lib/reporting/gst/build-gstr1";
import { gstr1Sheets, writeGstr1Workbook } from "@/lib/reporting/gst/gstr1-workbook";
import { november2026, SUPPLIER_GSTIN } from "./gst-returns-fixtures";

describe("GSTR-1 workbook", () => {
  const b = buildGstr1({ gstin: SUPPLIER_GSTIN, fp: "112026", documents: november2026 });
  const sheets = gstr1Sheets(b.json, b.inPeriod);
  const sheet = (name: string) => sheets.find((s) => s.name === name)!;

  it("has the template's sheets in order, the split HSN tabs from May 2025", () => {
    expect(sheets.map((s) => s.name)).toEqual(["b2b,sez,de", "b2cl", "b2cs", "cdnr", "cdnur", "exp", "exemp", "hsn(b2b)", "hsn(b2c)", "docs"]);
  });

  it("b2b: one row per invoice and rate, SEZ and deemed-export types spelled as the template", () => {
    const rows = sheet("b2b,sez,de").rows;
    // INV 1 has two rates, the other six invoices one each.
    expect(rows).toHaveLength(8);
    expect(rows[0]).toEqual(["05AAACG2115R1ZN", "Buyer", "INV/26-27/000003", "04-Nov-2026", 21000, "05-Uttarakhand", "Y", null, "Regular B2B", null, 5, 20000, 0]);
    expect(rows.map((r) => r[8])).toEqual(["Regular B2B", "Regular B2B", "Regular B2B", "Regular B2B", "Regular B2B", "Deemed Exp", "SEZ supplies with payment", "SEZ supplies without payment"]);
    // Summary: 5 recipients, 7 invoices, value counted once per invoice: 21000 + 13900 + 6550 + 5900 + 7080 + 11800 + 8000.
    expect(sheet("b2b,sez,de").summary).toEqual([["No. of Recipients", 5], ["No. of Invoices", 7], ["Total Invoice Value", 74230], ["Total Taxable Value", 62000], ["Total Cess", 0]]);
  });

  it("exemp, hsn and docs in the template's words", () => {
    expect(sheet("exemp").rows).toEqual([
      ["Intra-State supplies to registered persons", 4000, 1500, 0],
      ["Inter-State supplies to unregistered persons", 800, 0, 900],
    ]);
    expect(sheet("hsn(b2b)").rows[2]).toEqual(["19053100", "Glucose biscuits family pack 8", "PCS-PIECES", 200, 24190, 18, 20500, 2070, 810, 810, 0]);
    expect(sheet("docs").rows).toEqual([
      ["Invoices for outward supply", "INV/26-27/000001", "INV/26-27/000016", 16, 1],
      ["Debit Note", "DN/26-27/000001", "DN/26-27/000002", 2, 0],
      ["Credit Note", "CN/26-27/000001", "CN/26-27/000004", 4, 0],
    ]);
  });

  it("streams a workbook Excel opens: title, summary, headers on row 4, data from row 5", async () => {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (c: Buffer) => chunks.push(c));
    await writeGstr1Workbook(out, b.json, b.inPeriod);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("b2cs")!;
    expect(ws.getRow(1).getCell(1).value).toBe("Summary For B2CS(7)");
    expect(ws.getRow(4).values).toEqual([undefined, "Type", "Place Of Supply", "Applicable % of Tax Rate", "Rate", "Taxable Value", "Cess Amount", "E-Commerce GSTIN"]);
    expect(ws.getRow(5).values).toEqual([undefined, "OE", "24-Gujarat", undefined, 5, 500, 0]);
  });
});
