// The columns of the product and price files: one definition for import, export and templates, so
// an export always re-imports.

export const PRODUCT_COLUMNS = [
  "sku",
  "name",
  "description",
  "category",
  "brand",
  "hsn_code",
  "gst_rate",
  "cess_rate",
  "unit",
  "pack_unit",
  "pack_size",
  "sell_in_packs",
  "mrp",
  "base_price",
  "cost_price",
  "tax_inclusive",
  "barcode",
  "active",
  "min_order_qty",
  "reorder_level",
  "lead_time_days",
] as const;
export type ProductColumn = (typeof PRODUCT_COLUMNS)[number];

/** Column → field of createProductInput (category is a path, resolved separately). */
export const PRODUCT_FIELDS = {
  sku: "sku",
  name: "name",
  description: "description",
  brand: "brand",
  hsn_code: "hsnCode",
  gst_rate: "gstRate",
  cess_rate: "cessRate",
  unit: "unit",
  pack_unit: "packUnit",
  pack_size: "packSize",
  sell_in_packs: "sellInPacks",
  mrp: "mrp",
  base_price: "basePrice",
  cost_price: "costPrice",
  tax_inclusive: "taxInclusive",
  barcode: "barcode",
  active: "active",
  min_order_qty: "minOrderQty",
  reorder_level: "reorderLevel",
  lead_time_days: "leadTimeDays",
} as const satisfies Record<Exclude<ProductColumn, "category">, string>;
export type ProductField = (typeof PRODUCT_FIELDS)[keyof typeof PRODUCT_FIELDS];

export const PRODUCT_BOOLEAN_COLUMNS: readonly ProductColumn[] = ["sell_in_packs", "tax_inclusive", "active"];
/** Left blank on an existing product, these keep their value; on a new one they take the default. */
export const PRODUCT_DEFAULTED_COLUMNS: readonly ProductColumn[] = ["cess_rate", "sell_in_packs", "tax_inclusive", "active", "min_order_qty", "reorder_level"];
/** Written as numbers in XLSX (with this many decimals shown). */
export const PRODUCT_NUMBER_COLUMNS: Partial<Record<ProductColumn, string>> = { gst_rate: "General", cess_rate: "General", pack_size: "General", mrp: "0.00", base_price: "0.00", cost_price: "0.00", min_order_qty: "General", reorder_level: "General", lead_time_days: "0" };

export const PRICE_COLUMNS = ["price_list", "sku", "min_qty", "price", "valid_from", "valid_to"] as const;
export type PriceColumn = (typeof PRICE_COLUMNS)[number];
export const PRICE_NUMBER_COLUMNS: Partial<Record<PriceColumn, string>> = { min_qty: "General", price: "0.00" };

const PRODUCT_ALIASES: Record<string, ProductColumn> = { hsn: "hsn_code", gst: "gst_rate", gstpercent: "gst_rate", cess: "cess_rate", moq: "min_order_qty", categorypath: "category", productname: "name", leadtime: "lead_time_days" };
const PRICE_ALIASES: Record<string, PriceColumn> = { pricelist: "price_list", list: "price_list", from: "valid_from", to: "valid_to", quantity: "min_qty", minquantity: "min_qty" };

/** A header as a key: case, spaces and punctuation do not matter ("HSN Code" = "hsn_code"). */
export function headerKey(h: string) {
  return h.toLowerCase().replace(/[^a-z0-9]/g, "");
}

export type RowError = { row: number; column: string; message: string };

/** Matches the header row to known columns. Unknown or repeated columns are errors on row 1. */
export function mapHeader<C extends string>(header: string[], kind: "products" | "prices", required: readonly C[]) {
  const columns = (kind === "products" ? PRODUCT_COLUMNS : PRICE_COLUMNS) as readonly string[];
  const aliases = (kind === "products" ? PRODUCT_ALIASES : PRICE_ALIASES) as Record<string, string>;
  const byKey = new Map(columns.map((c) => [headerKey(c), c]));
  const index = new Map<C, number>();
  const errors: RowError[] = [];
  header.forEach((h, i) => {
    if (h === "") return;
    const key = headerKey(h);
    const col = (byKey.get(key) ?? aliases[key]) as C | undefined;
    if (!col) errors.push({ row: 1, column: h, message: `Unknown column “${h}”. Use: ${columns.join(", ")}` });
    else if (index.has(col)) errors.push({ row: 1, column: col, message: `Column ${col} appears twice` });
    else index.set(col, i);
  });
  for (const r of required) if (!index.has(r)) errors.push({ row: 1, column: r, message: `Missing column ${r}` });
  return { index, errors };
}

/** A yes/no cell: true/false, yes/no, y/n, 1/0 (any case). Blank → null; anything else → undefined (an error). */
export function parseYesNo(text: string): boolean | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === "") return null;
  if (["true", "yes", "y", "1"].includes(t)) return true;
  if (["false", "no", "n", "0"].includes(t)) return false;
  return undefined;
}

export function sortErrors(errors: RowError[]) {
  return errors.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column));
}
