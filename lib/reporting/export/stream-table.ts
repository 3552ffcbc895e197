import "server-only";
// A table of rows as a CSV or XLSX download, streamed: rows are pulled from an async source page
// by page and written out as they come (exceljs's streaming WorkbookWriter for XLSX, plain text for
// CSV), so an export of 100,000 rows never holds the whole file in memory.
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";

export type ExportCell = string | number | null;
export type ExportColumn = { header: string; /** "money" and "quantity" cells are numbers in XLSX. */ kind?: "text" | "money" | "quantity" | "date"; width?: number };
export type ExportFormat = "csv" | "xlsx";
export type StreamedFile = { filename: string; contentType: string; body: ReadableStream<Uint8Array> };

export const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const CSV_CONTENT_TYPE = "text/csv; charset=utf-8";

/** Streams `rows` (any async iterable of row arrays) as a file named `<basename>.<format>`. */
export function streamTable(format: ExportFormat, spec: { sheet: string; basename: string; columns: ExportColumn[]; title?: [string, string][] }, rows: AsyncIterable<ExportCell[]>): StreamedFile {
  const out = new PassThrough();
  const write = format === "csv" ? writeCsv(out, spec, rows) : writeXlsx(out, spec, rows);
  write.catch((err: unknown) => out.destroy(err instanceof Error ? err : new Error(String(err))));
  return {
    filename: `${spec.basename}.${format}`,
    contentType: format === "csv" ? CSV_CONTENT_TYPE : XLSX_CONTENT_TYPE,
    body: Readable.toWeb(out) as ReadableStream<Uint8Array>,
  };
}

/** The file as an HTTP attachment. */
export function fileResponse(file: StreamedFile): Response {
  return new Response(file.body, {
    headers: { "content-type": file.contentType, "content-disposition": `attachment; filename="${file.filename}"`, "cache-control": "private, no-store", "x-content-type-options": "nosniff" },
  });
}

async function writeCsv(out: PassThrough, spec: { columns: ExportColumn[]; title?: [string, string][] }, rows: AsyncIterable<ExportCell[]>) {
  // A BOM so Excel reads UTF-8 (₹ and Indian names) correctly.
  let chunk = "\uFEFF";
  for (const [k, v] of spec.title ?? []) chunk += `${csvCell(k)},${csvCell(v)}\r\n`;
  if (spec.title?.length) chunk += "\r\n";
  chunk += spec.columns.map((c) => csvCell(c.header)).join(",") + "\r\n";
  for await (const row of rows) {
    chunk += row.map((c) => csvCell(c)).join(",") + "\r\n";
    if (chunk.length > 64 * 1024) {
      if (!out.write(chunk)) await drained(out);
      chunk = "";
    }
  }
  out.end(chunk);
}

async function writeXlsx(out: PassThrough, spec: { sheet: string; columns: ExportColumn[]; title?: [string, string][] }, rows: AsyncIterable<ExportCell[]>) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = "Vendor ERP";
  const ws = wb.addWorksheet(spec.sheet.slice(0, 31), { views: [{ state: "frozen", ySplit: (spec.title?.length ? spec.title.length + 1 : 0) + 1 }] });
  ws.columns = spec.columns.map((c) => ({ width: c.width ?? (c.kind === "money" || c.kind === "quantity" ? 16 : c.kind === "date" ? 12 : Math.max(12, Math.min(40, c.header.length + 4))) }));
  for (const [k, v] of spec.title ?? []) ws.addRow([k, v]).commit();
  if (spec.title?.length) ws.addRow([]).commit();
  const header = ws.addRow(spec.columns.map((c) => c.header));
  header.font = { bold: true };
  header.commit();
  const formats = spec.columns.map((c) => (c.kind === "money" ? "#,##,##0.00" : c.kind === "quantity" ? "#,##,##0.###" : undefined));
  for await (const row of rows) {
    const r = ws.addRow(row.map((c, i) => (c !== null && formats[i] && c !== "" && Number.isFinite(Number(c)) ? Number(c) : c)));
    formats.forEach((f, i) => {
      if (f) r.getCell(i + 1).numFmt = f;
    });
    r.commit();
    // Let the consumer read what is written before producing more (back-pressure).
    if (out.writableNeedDrain) await drained(out);
  }
  ws.commit();
  await wb.commit();
}

/** A CSV cell: quoted when needed; text a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvCell(v: ExportCell): string {
  if (v === null) return "";
  let s = String(v);
  if (typeof v === "string" && (/^[=+@\t\r]/.test(s) || (/^-/.test(s) && !/^-\d+(\.\d+)?$/.test(s)))) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function drained(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off("drain", done);
      out.off("close", done);
      resolve();
    };
    out.once("drain", done);
    out.once("close", done);
  });
}
