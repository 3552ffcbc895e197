import "server-only";
// Blank import files with the right columns, an example row and (in XLSX) a sheet explaining each column.
import { assertCan } from "@/lib/auth/permissions";
import { writeSheet, type ExportFile } from "@/lib/catalog/export/write-sheet";
import { importTemplateInput } from "@/lib/catalog/export/export.schemas";
import { GST_RATES } from "@/lib/catalog/catalog.schemas";
import { UNIT_CODES, unitDecimals, UNITS } from "@/lib/catalog/units";
import { PRICE_COLUMNS, PRICE_NUMBER_COLUMNS, PRODUCT_COLUMNS, PRODUCT_NUMBER_COLUMNS } from "@/lib/catalog/import/columns";
import type { Ctx } from "@/lib/ctx";
import { parseInput } from "@/lib/validation";

const wholeUnits = UNIT_CODES.filter((u) => unitDecimals(u) === 0).join(", ");
const decimalUnits = UNIT_CODES.filter((u) => unitDecimals(u) > 0).join(", ");

const productNotes: [string, string][] = [
  ["sku", "Required. Your product code, unique: up to 40 letters, digits, . _ / -. A row with a SKU you already have updates that product."],
  ["name", "Required for new products."],
  ["description", "Optional."],
  ["category", "Optional path like “Staples > Flours”. Missing categories are created. Blank = no category."],
  ["brand", "Optional."],
  ["hsn_code", "Required for new products: 4, 6 or 8 digits."],
  ["gst_rate", `Required for new products, in percent: ${GST_RATES.join(", ")}.`],
  ["cess_rate", "Optional, in percent (default 0)."],
  ["unit", `Required for new products: ${Object.keys(UNITS).join(", ")}. Quantities of ${wholeUnits} are whole numbers; ${decimalUnits} take up to 3 decimals.`],
  ["pack_unit", "Optional pack, e.g. BOX; needs pack_size."],
  ["pack_size", "How many units are in one pack, e.g. 12 (a whole number for counted units)."],
  ["sell_in_packs", "yes / no: orders must be whole packs."],
  ["mrp", "Optional maximum retail price in rupees."],
  ["base_price", "Required for new products: selling price per unit in rupees (more than 0) when no price list has one."],
  ["cost_price", "Optional cost per unit, for stock valuation."],
  ["tax_inclusive", "yes / no: prices include GST."],
  ["barcode", "Optional, 4–32 letters or digits."],
  ["active", "yes / no (default yes)."],
  ["min_order_qty", "Optional (default 1)."],
  ["reorder_level", "Optional (default 0): low-stock warning level."],
  ["lead_time_days", "Optional: days from ordering to receiving this product, a whole number 0–365. Blank = the reorder report's default lead time."],
  ["", "Leave a column out to keep what is stored; a blank cell clears optional values. The first sheet is imported."],
];

const priceNotes: [string, string][] = [
  ["price_list", "Required: the name of one of your price lists."],
  ["sku", "Required: a product you already have."],
  ["min_qty", "From this quantity up (default 1), in the product's unit (whole numbers for PCS, BOX, …). Several rows for one product make quantity slabs."],
  ["price", "Required: price per unit in rupees, more than 0 (free goods are marked on the order, not priced at 0)."],
  ["valid_from", "Optional first day (YYYY-MM-DD or DD/MM/YYYY). Blank = from always."],
  ["valid_to", "Optional last day, inclusive. Blank = no end."],
  ["", "A row with the same list, SKU, min_qty and valid_from as a stored price updates it. Two prices of one product with the same min_qty may not share a day."],
];

export async function importTemplate(ctx: Ctx, input: unknown): Promise<ExportFile> {
  assertCan(ctx.actor, "catalog.read");
  const t = parseInput(importTemplateInput, input);
  if (t.kind === "products") {
    const example = ["SGF-POHA-1KG", "Poha (thick) 1 kg", "Thick beaten rice", "Staples > Poha", "Shree Ganesh", "1904", "5", "0", "PCS", "BOX", "12", "no", "80.00", "68.00", "52.00", "yes", "8901234567890", "yes", "1", "24", "5"];
    return writeSheet(t.format, { name: "Products", columns: PRODUCT_COLUMNS, rows: [example], numberFormats: PRODUCT_NUMBER_COLUMNS, notes: productNotes }, "products-template");
  }
  const rows = [
    ["Standard", "SGF-POHA-1KG", "1", "66.00", null, null],
    ["Standard", "SGF-POHA-1KG", "10", "64.50", "2026-04-01", "2027-03-31"],
  ];
  return writeSheet(t.format, { name: "Prices", columns: PRICE_COLUMNS, rows, numberFormats: PRICE_NUMBER_COLUMNS, notes: priceNotes }, "prices-template");
}
