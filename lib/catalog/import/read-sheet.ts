import "server-only";
// Reads an uploaded CSV or XLSX file into rows of text cells, numbered as a spreadsheet shows them
// (the header is row 1), with the size and row limits every import shares.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { forbiddenCharMessage, hasForbiddenChars } from "@/lib/control-chars";
import type { RowError } from "@/lib/catalog/import/columns";
import { AppError } from "@/lib/errors";
import { formatIndianNumber } from "@/lib/format";

export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
export const IMPORT_MAX_ROWS = 20_000;
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type SheetFormat = "csv" | "xlsx";
export type Sheet = { format: SheetFormat; header: string[]; rows: { row: number; cells: string[] }[] };

const CSV_TYPES = ["text/csv", "application/csv", "text/plain", "text/comma-separated-values", "application/vnd.ms-excel"];

/** Decides CSV or XLSX from the bytes (a zip is XLSX) and the declared type. */
export function detectFormat(bytes: Buffer, contentType: string | null): SheetFormat {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const isOldExcel = bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isOldExcel) throw new AppError("unsupported_media_type", "This is an old Excel (.xls) file. Save it as .xlsx or .csv and upload again.");
  if (type && type !== XLSX_MIME && type !== "application/octet-stream" && !CSV_TYPES.includes(type)) {
    throw new AppError("unsupported_media_type", `Upload a CSV (text/csv) or Excel (.xlsx) file, not ${type}`);
  }
  if (isZip) return "xlsx";
  if (type === XLSX_MIME) throw new AppError("validation", "The file is not a valid .xlsx workbook", { fieldErrors: { file: ["Not a valid .xlsx file"] } });
  return "csv";
}

export async function readSheet(bytes: Buffer | undefined, contentType: string | null): Promise<Sheet> {
  if (!bytes?.length) throw new AppError("validation", "The file is empty", { fieldErrors: { file: ["Choose a CSV or XLSX file"] } });
  if (bytes.length > IMPORT_MAX_BYTES) throw new AppError("payload_too_large", `The file is larger than ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Split it and import the parts one after another.`);
  const format = detectFormat(bytes, contentType);
  const table = format === "xlsx" ? await readXlsx(bytes) : readCsv(bytes);
  const headerIndex = table.findIndex((r) => r.cells.some((c) => c !== ""));
  if (headerIndex < 0) throw new AppError("validation", "The file has no header row", { fieldErrors: { file: ["The first row must name the columns"] } });
  const header = table[headerIndex].cells;
  const rows = table.slice(headerIndex + 1).filter((r) => r.cells.some((c) => c !== ""));
  refuseForbiddenChars(table[headerIndex], header, rows);
  if (rows.length > IMPORT_MAX_ROWS) {
    throw new AppError("payload_too_large", `The file has ${formatIndianNumber(rows.length, 0)} rows; import at most ${formatIndianNumber(IMPORT_MAX_ROWS, 0)} at a time.`, { details: { rows: rows.length, maxRows: IMPORT_MAX_ROWS } });
  }
  return { format, header, rows };
}

/**
 * A cell with NUL or another control character (or an unpaired surrogate) can be stored nowhere:
 * the whole file is refused with 422 and every such cell named by row and column, before any row is planned.
 */
function refuseForbiddenChars(headerRow: { row: number; cells: string[] }, header: string[], rows: { row: number; cells: string[] }[]) {
  const errors: RowError[] = [];
  for (const r of [headerRow, ...rows]) {
    for (let i = 0; i < r.cells.length && errors.length < 100; i++) {
      if (hasForbiddenChars(r.cells[i])) errors.push({ row: r.row, column: r === headerRow || hasForbiddenChars(header[i] ?? "") ? columnLetter(i) : header[i] || columnLetter(i), message: forbiddenCharMessage(r.cells[i]) });
    }
  }
  if (!errors.length) return;
  const where = errors.slice(0, 5).map((e) => `row ${e.row}, ${e.column}`).join("; ");
  throw new AppError("validation", `The file has control characters no field can hold (${where}${errors.length > 5 ? "; …" : ""}). Remove them and import again.`, {
    status: 422,
    fieldErrors: { file: [`Control characters in ${errors.length === 1 ? "1 cell" : `${errors.length} cells`}`] },
    details: { rows: rows.length, toCreate: 0, toUpdate: 0, unchanged: 0, rowErrors: errors },
  });
}

/** 0 → "A", 26 → "AA": how a spreadsheet names a column. */
function columnLetter(i: number): string {
  return (i >= 26 ? columnLetter(Math.floor(i / 26) - 1) : "") + String.fromCharCode(65 + (i % 26));
}

/** Header text → a comparable key: case, spaces, underscores and punctuation do not matter. */

// ---------------------------------------------------------------------------------------------

function readCsv(bytes: Buffer) {
  const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
  if (text.includes("\uFFFD")) throw new AppError("validation", "The CSV is not UTF-8 text. In Excel use “Save as → CSV UTF-8”.", { fieldErrors: { file: ["Save the file as CSV UTF-8"] } });
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false, delimitersToGuess: [",", ";", "\t", "|"] });
  const fatal = parsed.errors.find((e) => e.type === "Quotes");
  if (fatal) throw new AppError("validation", `Row ${(fatal.row ?? 0) + 1}: ${fatal.message}`, { fieldErrors: { file: [fatal.message] } });
  return parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map(cleanText) }));
}

async function readXlsx(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as Parameters<typeof wb.xlsx.load>[0]);
  } catch {
    throw new AppError("validation", "The file is not a valid .xlsx workbook", { fieldErrors: { file: ["Not a valid .xlsx file"] } });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError("validation", "The workbook has no sheets", { fieldErrors: { file: ["The workbook is empty"] } });
  if (ws.actualRowCount > IMPORT_MAX_ROWS + 1) {
    throw new AppError("payload_too_large", `The sheet has ${formatIndianNumber(ws.actualRowCount - 1, 0)} rows; import at most ${formatIndianNumber(IMPORT_MAX_ROWS, 0)} at a time.`, { details: { rows: ws.actualRowCount - 1, maxRows: IMPORT_MAX_ROWS } });
  }
  const width = ws.columnCount;
  const out: { row: number; cells: string[] }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cleanText(cellText(r.getCell(c).value)));
    out.push({ row: rowNumber, cells });
  });
  return out;
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  // Float noise from spreadsheet arithmetic (92.49999999999) must not look like extra decimals.
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  if (typeof v === "boolean") return v ? "true" : "false";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("formula" in v || "sharedFormula" in v) return cellText((v as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("error" in v) return "";
  }
  return String(v);
}

/** Trims, and undoes the apostrophe exports put before = + - @ so spreadsheets do not run them as formulas. */
function cleanText(s: string | undefined) {
  const t = (s ?? "").trim();
  return /^'[=+\-@]/.test(t) ? t.slice(1) : t;
}
