import { describe, expect, it } from "vitest";
import { mapHeader, parseYesNo, PRICE_COLUMNS, PRODUCT_COLUMNS } from "@/lib/catalog/import/columns";
import { headerKey } from "@/lib/catalog/import/columns";
import { detectFormat, XLSX_MIME } from "@/lib/catalog/import/read-sheet";

describe("import columns", () => {
  it("header names ignore case, spaces, underscores and punctuation; a few everyday aliases work", () => {
    expect(headerKey(" HSN Code ")).toBe(headerKey("hsn_code"));
    const { index, errors } = mapHeader(["SKU", "Product Name", "HSN", "GST %", "Base-Price", ""], "products", ["sku"]);
    expect(errors).toEqual([]);
    expect(Object.fromEntries(index)).toEqual({ sku: 0, name: 1, hsn_code: 2, gst_rate: 3, base_price: 4 });
    const prices = mapHeader(["Price List", "sku", "From", "To", "price"], "prices", ["price_list", "sku", "price"]);
    expect(Object.fromEntries(prices.index)).toEqual({ price_list: 0, sku: 1, valid_from: 2, valid_to: 3, price: 4 });
  });

  it("unknown, repeated and missing columns are errors on row 1", () => {
    const { errors } = mapHeader(["Name", "name", "colour"], "products", ["sku"]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [1, "name"],
      [1, "colour"],
      [1, "sku"],
    ]);
  });

  it("the export columns are exactly the import columns", () => {
    expect(mapHeader([...PRODUCT_COLUMNS], "products", ["sku"]).errors).toEqual([]);
    expect(mapHeader([...PRICE_COLUMNS], "prices", ["price_list", "sku", "price"]).errors).toEqual([]);
  });

  it("yes/no cells are strict: anything else is an error, not a silent no", () => {
    expect(["yes", "Y", "TRUE", "1"].map(parseYesNo)).toEqual([true, true, true, true]);
    expect(["no", "n", "False", "0"].map(parseYesNo)).toEqual([false, false, false, false]);
    expect(parseYesNo(" ")).toBeNull();
    expect(parseYesNo("maybe")).toBeUndefined();
  });

  it("tells CSV from XLSX by the bytes and refuses old .xls and other types", () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]);
    expect(detectFormat(zip, "application/octet-stream")).toBe("xlsx");
    expect(detectFormat(zip, null)).toBe("xlsx");
    expect(detectFormat(Buffer.from("sku,name"), "text/csv; charset=utf-8")).toBe("csv");
    expect(detectFormat(Buffer.from("sku,name"), null)).toBe("csv");
    expect(() => detectFormat(Buffer.from("sku"), XLSX_MIME)).toThrow(/not a valid .xlsx/);
    expect(() => detectFormat(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), "application/vnd.ms-excel")).toThrow(/old Excel/);
    expect(() => detectFormat(Buffer.from("x"), "image/png")).toThrow(/CSV/);
  });
});
