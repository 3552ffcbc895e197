import "server-only";
// Writes rows to CSV (UTF-8 with a BOM, so Excel shows ₹ and Indian names) or XLSX.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { XLSX_MIME } from "@/lib/catalog/import/read-sheet";

export type Cell = string | number | null;
export type ExportFile = { filename: string; contentType: string; body: Buffer };
export type SheetSpec = { name: string; columns: readonly string[]; rows: Cell[][]; numberFormats?: Partial<Record<string, string>>; notes?: [string, string][] };

export async function writeSheet(format: "csv" | "xlsx", spec: SheetSpec, basename: string): Promise<ExportFile> {
  if (format === "csv") {
    // Cells that a spreadsheet would run as formulas get a leading apostrophe (the import removes it).
    const text = Papa.unparse({ fields: [...spec.columns], data: spec.rows.map((r) => r.map((c) => (c === null ? "" : String(c)))) }, { escapeFormulae: /^[=+\-@]/, newline: "\r\n" });
    return { filename: `${basename}.csv`, contentType: "text/csv; charset=utf-8", body: Buffer.from(`\uFEFF${text}\r\n`, "utf8") };
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = "Vendor ERP";
  const ws = wb.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c, key: c, width: Math.max(12, Math.min(40, c.length + 4)), style: spec.numberFormats?.[c] ? { numFmt: spec.numberFormats[c] } : { numFmt: "@" } }));
  ws.getRow(1).font = { bold: true };
  for (const r of spec.rows) ws.addRow(r.map((c, i) => (c === null ? null : spec.numberFormats?.[spec.columns[i]] && c !== "" && Number.isFinite(Number(c)) ? Number(c) : c)));
  for (const [i, c] of spec.columns.entries()) {
    const longest = spec.rows.slice(0, 500).reduce((n, r) => Math.max(n, String(r[i] ?? "").length), c.length);
    ws.getColumn(i + 1).width = Math.max(10, Math.min(50, longest + 2));
  }
  if (spec.notes?.length) {
    const help = wb.addWorksheet("How to fill");
    help.columns = [{ header: "column", key: "c", width: 18 }, { header: "what to enter", key: "w", width: 100 }];
    help.getRow(1).font = { bold: true };
    for (const [c, w] of spec.notes) help.addRow([c, w]);
  }
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  return { filename: `${basename}.xlsx`, contentType: XLSX_MIME, body };
}
