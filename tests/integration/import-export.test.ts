import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import * as exportRoute from "@/app/api/v1/products/export/route";
import * as importRoute from "@/app/api/v1/products/import/route";
import * as templateRoute from "@/app/api/v1/products/import/template/route";
import { issueTokenPair } from "@/lib/auth/tokens";
import { exportPrices } from "@/lib/catalog/export/export-prices";
import { exportProducts } from "@/lib/catalog/export/export-products";
import { importTemplate } from "@/lib/catalog/export/import-template";
import { PRODUCT_COLUMNS } from "@/lib/catalog/import/columns";
import { importPrices } from "@/lib/catalog/import/import-prices";
import { importProducts } from "@/lib/catalog/import/import-products";
import { XLSX_MIME } from "@/lib/catalog/import/read-sheet";
import type { Ctx } from "@/lib/ctx";
import { prisma } from "@/lib/db/client";
import { setItemPrices } from "@/lib/pricing/price-list-items";
import { createPriceList } from "@/lib/pricing/price-lists";
import { createProduct, createWarehouse, stockUp } from "../support/catalog-factories";
import { createStaff, tenant } from "../support/factories";

const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(",")).join("\n"), "utf8");

async function xlsx(rows: (string | number | boolean | Date | null)[][]) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sheet1");
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const products = (ctx: Ctx, bytes: Buffer, dryRun: boolean, contentType = "text/csv") => importProducts(ctx, { bytes, contentType, dryRun });
const prices = (ctx: Ctx, bytes: Buffer, dryRun: boolean, contentType = "text/csv") => importPrices(ctx, { bytes, contentType, dryRun });

const HEAD = ["SKU", "Name", "Category", "HSN Code", "gst_rate", "Unit", "Base Price", "MRP", "Tax Inclusive", "pack unit", "Pack Size"];

describe("product import: errors by row and column", () => {
  it("reports every bad row with its column, writes nothing in a dry run, and a real import of a bad file writes nothing either", async () => {
    const t = await tenant();
    const file = csv([
      HEAD,
      ["SGF-BESAN-1KG", "Besan 1 kg", "Staples > Flours", "1106", "5", "PCS", "95", "110", "no", "", ""],
      ["", "No SKU", "", "1106", "5", "PCS", "95", "", "", "", ""], // row 3
      ["SGF-RAVA", "Rava", "", "11", "5", "PCS", "50", "", "", "", ""], // row 4: HSN
      ["SGF-OIL", "Oil", "", "1507", "7", "LTR", "-5", "", "", "", ""], // row 5: GST + price
      ["SGF-POHA", "Poha", "", "1904", "5", "KILO", "60", "55", "yes", "", ""], // row 6: unit + above MRP
      ["SGF-JAR", "Jar", "", "3924", "18", "PCS", "60", "", "maybe", "BOX", ""], // row 7: flag + pack size
      ["sgf-besan-1kg", "Besan again", "", "1106", "5", "PCS", "95", "", "", "", ""], // row 8: duplicate SKU
      ["SGF-X", "X", "Staples >  > Flours", "1106", "5", "PCS", "95", "", "", "", ""], // row 9: category path
    ]);
    const dry = await products(t.ctx, file, true);
    expect(dry).toMatchObject({ kind: "products", dryRun: true, format: "csv", rows: 8 });
    const got = dry.errors.map((e) => [e.row, e.column]);
    expect(got).toEqual([
      [3, "sku"],
      [4, "hsn_code"],
      [5, "base_price"],
      [5, "gst_rate"],
      [6, "base_price"],
      [6, "unit"],
      [7, "pack_size"],
      [7, "tax_inclusive"],
      [8, "sku"],
      [9, "category"],
    ]);
    expect(dry.errors.find((e) => e.row === 8)?.message).toContain("also on row 2");
    expect(dry.errors.find((e) => e.row === 6 && e.column === "base_price")?.message).toContain("MRP");
    expect(dry.errors.find((e) => e.row === 7 && e.column === "tax_inclusive")?.message).toMatch(/yes or no/);
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(0);

    const err = await products(t.ctx, file, false).catch((e) => e);
    expect(err).toMatchObject({ code: "validation", message: expect.stringContaining("nothing was imported"), details: { rowErrors: dry.errors } });
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await prisma.category.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { companyId: t.company.id } })).toBe(0);
  });

  it("header problems: unknown and repeated columns, no SKU column", async () => {
    const t = await tenant();
    const r1 = await products(t.ctx, csv([["sku", "name", "colour", "Name"], ["A1", "x", "red", "y"]]), true);
    expect(r1.errors).toEqual([
      { row: 1, column: "colour", message: expect.stringContaining("Unknown column") },
      { row: 1, column: "name", message: "Column name appears twice" },
    ]);
    const r2 = await products(t.ctx, csv([["name", "unit"], ["x", "PCS"]]), true);
    expect(r2.errors).toEqual([{ row: 1, column: "sku", message: "Missing column sku" }]);
  });
});

describe("product import: creates, updates, categories", () => {
  it("creates products and missing categories (paths), tolerant of header case and spaces", async () => {
    const t = await tenant();
    const existing = await prisma.category.create({ data: { companyId: t.company.id, name: "Staples" } });
    const file = csv([
      HEAD,
      ["sgf-besan-1kg", "Besan 1 kg", "staples > Flours", "1106", "5%", "pcs", "95", "110", "no", "", ""],
      ["SGF-ATTA-5KG", "Atta 5 kg", "Staples > Flours", "1101", "0", "BAG", "240.50", "", "yes", "", ""],
      ["SGF-SOAP", "Soap", "Home Care > Bath > Soaps", "3401", "18", "PCS", "30", "35", "", "BOX", "24"],
      ["", "", "", "", "", "", "", "", "", "", ""], // blank rows are skipped
      ["SGF-TEA", "Tea", "", "0902", "5", "PAC", "120", "", "", "", ""],
    ]);
    const dry = await products(t.ctx, file, true);
    expect(dry).toMatchObject({ rows: 4, toCreate: 4, toUpdate: 0, unchanged: 0, errors: [] });
    expect(dry.newCategories).toEqual(["Staples > Flours", "Home Care", "Home Care > Bath", "Home Care > Bath > Soaps"]);
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(0);

    const done = await products(t.ctx, file, false);
    expect(done).toMatchObject({ dryRun: false, toCreate: 4, errors: [] });
    const rows = await prisma.product.findMany({ where: { companyId: t.company.id }, include: { category: { include: { parent: true } } }, orderBy: { sku: "asc" } });
    expect(rows.map((p) => p.sku)).toEqual(["SGF-ATTA-5KG", "SGF-BESAN-1KG", "SGF-SOAP", "SGF-TEA"]);
    const besan = rows[1];
    expect(besan).toMatchObject({ name: "Besan 1 kg", unit: "PCS", hsnCode: "1106", taxInclusive: false, active: true, sellInPacks: false });
    expect(besan.gstRate.toFixed(2)).toBe("5.00");
    expect(besan.mrp?.toFixed(2)).toBe("110.00");
    expect(besan.category).toMatchObject({ name: "Flours", parent: { id: existing.id, name: "Staples" } });
    expect(rows[0].categoryId).toBe(besan.categoryId);
    expect(rows[2]).toMatchObject({ packUnit: "BOX" });
    expect(rows[2].packSize?.toFixed()).toBe("24");
    expect(rows[3].categoryId).toBeNull();
    expect(await prisma.category.count({ where: { companyId: t.company.id } })).toBe(1 + 1 + 3);
    const actions = await prisma.auditLog.groupBy({ by: ["action"], where: { companyId: t.company.id }, _count: { _all: true } });
    expect(Object.fromEntries(actions.map((a) => [a.action, a._count._all]))).toEqual({ "category.create": 4, "product.import_create": 4, "product.import": 1 });
  });

  it("updates existing SKUs with only the columns given; blank optional cells clear, blank flags keep; same values are unchanged", async () => {
    const t = await tenant();
    const a = await createProduct(t.company.id, { sku: "SGF-A", name: "Old A", description: "keep me?", basePrice: "90.00", active: false, brand: "Ganesh" });
    const b = await createProduct(t.company.id, { sku: "SGF-B", name: "B", basePrice: "50.00" });
    const file = csv([
      ["sku", "base_price", "description", "active", "brand"],
      ["SGF-A", "92.50", "", "", "Ganesh"],
      ["SGF-B", "50", "", "", ""],
      ["SGF-NEW", "10", "", "", ""],
    ]);
    const dry = await products(t.ctx, file, true);
    expect(dry).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 1 });
    // SGF-NEW has no name, HSN, GST rate or unit: a new product needs them.
    expect(dry.errors.map((e) => [e.row, e.column])).toEqual([
      [4, "gst_rate"],
      [4, "hsn_code"],
      [4, "name"],
      [4, "unit"],
    ]);
    const fixed = csv([
      ["sku", "base_price", "description", "active", "brand"],
      ["SGF-A", "92.50", "", "", "Ganesh"],
      ["SGF-B", "50", "", "", ""],
    ]);
    expect(await products(t.ctx, fixed, false)).toMatchObject({ toCreate: 0, toUpdate: 1, unchanged: 1, errors: [] });
    const after = await prisma.product.findUniqueOrThrow({ where: { id: a.id } });
    expect(after).toMatchObject({ name: "Old A", description: null, active: false, brand: "Ganesh", hsnCode: a.hsnCode });
    expect(after.basePrice.toFixed(2)).toBe("92.50");
    expect((await prisma.product.findUniqueOrThrow({ where: { id: b.id } })).updatedAt).toEqual(b.updatedAt);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: a.id, action: "product.import_update" } });
    expect(audit).toMatchObject({ before: { basePrice: "90", description: "keep me?" }, after: { basePrice: "92.50", description: null } });
  });

  it("reads XLSX: numbers, dates and text cells", async () => {
    const t = await tenant();
    const file = await xlsx([
      ["sku", "name", "hsn_code", "gst_rate", "unit", "base_price", "mrp", "min_order_qty", "active"],
      ["XL-1", "Sugar (loose)", "1701", 5, "KGS", 45.5, 50, 2.5, "yes"],
      ["XL-2", "Salt 1 kg", "2501", 0, "PCS", 0.1 + 0.2, null, 1, false],
      ["XL-3", "Bad", 12, 5, "PCS", 10, null, 1, true],
    ]);
    const dry = await products(t.ctx, file, true, XLSX_MIME);
    expect(dry).toMatchObject({ format: "xlsx", rows: 3, toCreate: 2 });
    expect(dry.errors).toEqual([{ row: 4, column: "hsn_code", message: "HSN code is 4, 6 or 8 digits" }]);
    const ok = await xlsx([
      ["sku", "name", "hsn_code", "gst_rate", "unit", "base_price", "mrp", "min_order_qty", "active"],
      ["XL-1", "Sugar (loose)", "1701", 5, "KGS", 45.5, 50, 2.5, "yes"],
      ["XL-2", "Salt 1 kg", "2501", 0, "PCS", 0.1 + 0.2, null, 1, false],
    ]);
    await products(t.ctx, ok, false, "application/octet-stream");
    const [sugar, salt] = await prisma.product.findMany({ where: { companyId: t.company.id }, orderBy: { sku: "asc" } });
    expect(sugar.basePrice.toFixed(2)).toBe("45.50");
    expect(sugar.minOrderQty.toFixed(3)).toBe("2.500");
    expect(salt.basePrice.toFixed(2)).toBe("0.30");
    expect(salt.active).toBe(false);
  });

  it("two imports of the same new SKUs at once: one creates them, the other finds them (no duplicates, no failure)", async () => {
    const t = await tenant();
    const file = csv([["sku", "name", "category", "hsn_code", "gst_rate", "unit", "base_price"], ...Array.from({ length: 50 }, (_, i) => [`TWIN-${i}`, `Twin ${i}`, "Twins > Pairs", "1106", "5", "PCS", "10"])]);
    const [a, b] = await Promise.all([products(t.ctx, file, false), products(t.ctx, file, false)]);
    expect([a.toCreate, b.toCreate].sort()).toEqual([0, 50]);
    expect(a.toCreate + a.unchanged).toBe(50);
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(50);
    expect(await prisma.category.count({ where: { companyId: t.company.id } })).toBe(2);
  });

  it("another company's SKUs are not touched: the same SKU makes the importer its own product", async () => {
    const a = await tenant();
    const b = await tenant();
    const theirs = await createProduct(a.company.id, { sku: "SHARED-1", name: "A's product" });
    await products(b.ctx, csv([["sku", "name", "hsn_code", "gst_rate", "unit", "base_price"], ["SHARED-1", "B's product", "1106", "5", "PCS", "10"]]), false);
    expect(await prisma.product.findUniqueOrThrow({ where: { id: theirs.id } })).toMatchObject({ name: "A's product" });
    expect(await prisma.product.findFirstOrThrow({ where: { companyId: b.company.id, sku: "SHARED-1" } })).toMatchObject({ name: "B's product" });
  });
});

describe("export and round trip", () => {
  async function seedCatalog(t: Awaited<ReturnType<typeof tenant>>) {
    await products(
      t.ctx,
      csv([
        ["sku", "name", "description", "category", "brand", "hsn_code", "gst_rate", "cess_rate", "unit", "pack_unit", "pack_size", "sell_in_packs", "mrp", "base_price", "cost_price", "tax_inclusive", "barcode", "active", "min_order_qty", "reorder_level", "lead_time_days"],
        ["RT-1", "Poha, thick \"A1\" 1 kg", "Line one\nline two", "Staples > Poha", "Ganesh", "19041090", "5", "0", "PCS", "BOX", "12", "yes", "80", "68", "52.25", "yes", "0089012345", "yes", "12", "24", "5"],
        ["RT-2", "=HYPERLINK(\"x\")", "", "", "", "0401", "0.25", "12.5", "KGS", "", "", "no", "", "0.01", "", "no", "", "no", "0.5", "0", "0"],
        ["RT-3", "@Home towel ₹ special", "हल्दी", "Home > Bath", "", "6302", "12", "", "PCS", "", "", "", "", "199.99", "", "", "", "", "", "", ""],
      ]),
      false,
    );
  }

  it("exports every product in the import's columns (CSV and XLSX) and re-imports with nothing to change", async () => {
    const t = await tenant();
    await seedCatalog(t);
    const out = await exportProducts(t.ctx, { format: "csv" });
    expect(out.contentType).toBe("text/csv; charset=utf-8");
    expect(out.filename).toMatch(/^products-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = out.body.toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const parsed = Papa.parse<string[]>(text.slice(1).trim(), { header: false }).data;
    expect(parsed[0]).toEqual([...PRODUCT_COLUMNS]);
    expect(parsed.slice(1).map((r) => r[0])).toEqual(["RT-1", "RT-2", "RT-3"]);
    expect(parsed[1]).toEqual(["RT-1", "Poha, thick \"A1\" 1 kg", "Line one\nline two", "Staples > Poha", "Ganesh", "19041090", "5", "0", "PCS", "BOX", "12", "yes", "80.00", "68.00", "52.25", "yes", "0089012345", "yes", "12", "24", "5"]);
    expect(parsed.slice(2).map((r) => r.at(-1))).toEqual(["0", ""]); // a lead time of 0 days is kept, none stays blank
    expect(parsed[2][1]).toBe("'=HYPERLINK(\"x\")"); // a spreadsheet must not run it

    expect(await products(t.ctx, out.body, true)).toMatchObject({ rows: 3, toCreate: 0, toUpdate: 0, unchanged: 3, errors: [] });
    const x = await exportProducts(t.ctx, { format: "xlsx" });
    expect(x.contentType).toBe(XLSX_MIME);
    expect(await products(t.ctx, x.body, true, XLSX_MIME)).toMatchObject({ format: "xlsx", rows: 3, toCreate: 0, toUpdate: 0, unchanged: 3, errors: [] });

    // Into another company, the same file recreates the same catalog.
    const other = await tenant();
    expect(await products(other.ctx, x.body, false, XLSX_MIME)).toMatchObject({ toCreate: 3, newCategories: ["Staples", "Staples > Poha", "Home", "Home > Bath"] });
    const again = await exportProducts(other.ctx, { format: "csv" });
    expect(again.body.toString("utf8")).toBe(text);
  });

  it("exports only what the products list filters select", async () => {
    const t = await tenant();
    await seedCatalog(t);
    const names = async (f: Record<string, unknown>) => Papa.parse<string[]>((await exportProducts(t.ctx, { format: "csv", ...f })).body.toString("utf8").slice(1).trim()).data.slice(1).map((r) => r[0]);
    expect(await names({ q: "towel" })).toEqual(["RT-3"]);
    expect(await names({ active: "inactive" })).toEqual(["RT-2"]);
    const home = await prisma.category.findFirstOrThrow({ where: { companyId: t.company.id, name: "Home", parentId: null } });
    expect(await names({ categoryId: home.id })).toEqual(["RT-3"]);
    expect(await names({ categoryId: home.id, includeSubcategories: false })).toEqual([]);
    const w = await createWarehouse(t.company.id);
    const rt1 = await prisma.product.findFirstOrThrow({ where: { companyId: t.company.id, sku: "RT-1" } });
    await stockUp(t.company.id, rt1.id, w.id, 10); // below its reorder level of 24
    expect(await names({ stock: "low" })).toEqual(["RT-1"]);
    expect(await names({ stock: "out" })).toEqual(["RT-2", "RT-3"]);
    await expect(exportProducts(t.ctx, { format: "pdf" })).rejects.toMatchObject({ code: "validation" });
  });

  it("templates carry the columns and an example that imports", async () => {
    const t = await tenant();
    const tpl = await importTemplate(t.ctx, { kind: "products", format: "xlsx" });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.body as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Products", "How to fill"]);
    expect((wb.worksheets[0].getRow(1).values as unknown[]).slice(1)).toEqual([...PRODUCT_COLUMNS]);
    expect(await products(t.ctx, tpl.body, true, XLSX_MIME)).toMatchObject({ toCreate: 1, errors: [] });
    const csvTpl = await importTemplate(t.ctx, { kind: "products", format: "csv" });
    expect(await products(t.ctx, csvTpl.body, false)).toMatchObject({ toCreate: 1, errors: [] });
    await createPriceList(t.ctx, { name: "Standard" });
    const priceTpl = await importTemplate(t.ctx, { kind: "prices", format: "csv" });
    expect(await prices(t.ctx, priceTpl.body, true)).toMatchObject({ toCreate: 2, errors: [] });
  });
});

describe("price import", () => {
  it("reports unknown lists and SKUs, bad prices and dates, and overlaps (stored and within the file); nothing imported", async () => {
    const t = await tenant();
    const std = await createPriceList(t.ctx, { name: "Standard" });
    const p = await createProduct(t.company.id, { sku: "PR-1" });
    await createProduct(t.company.id, { sku: "PR-2" });
    await setItemPrices(t.ctx, std.id, { productId: p.id, slabs: [{ minQty: "10", price: "92", validFrom: "2026-04-01", validTo: "2026-04-30" }] });
    const file = csv([
      ["Price List", "SKU", "Min Qty", "Price", "Valid From", "Valid To"],
      ["Standard", "PR-1", "1", "95", "", ""], // row 2 ok
      ["Wholesale", "PR-1", "1", "90", "", ""], // row 3: no such list
      ["standard", "NOPE", "1", "90", "", ""], // row 4: no such SKU
      ["Standard", "PR-2", "1", "-4", "", ""], // row 5: negative
      ["Standard", "PR-2", "5", "40", "31/02/2026", ""], // row 6: bad date
      ["Standard", "PR-2", "10", "40", "2026-05-02", "01/05/2026"], // row 7: from after to
      ["Standard", "PR-1", "10", "91", "2026-04-15", ""], // row 8: overlaps the stored April price
      ["Standard", "PR-2", "20", "38", "", "2026-12-31"], // row 9 ok
      ["Standard", "PR-2", "20", "37", "2026-06-01", ""], // row 10: shares dates with row 9
      ["Standard", "PR-2", "20", "36", "", "2026-12-31"], // row 11: same key as row 9
      ["Standard", "PR-2", "0", "36", "", ""], // row 12: zero min qty
    ]);
    const dry = await prices(t.ctx, file, true);
    expect(dry.errors.map((e) => [e.row, e.column])).toEqual([
      [3, "price_list"],
      [4, "sku"],
      [5, "price"],
      [6, "valid_from"],
      [7, "valid_to"],
      [8, "valid_from"],
      [10, "valid_from"],
      [11, "valid_from"],
      [12, "min_qty"],
    ]);
    expect(dry.errors.find((e) => e.row === 8)?.message).toContain("₹92.00 price for 10+");
    expect(dry.errors.find((e) => e.row === 10)?.message).toContain("row 9");
    expect(dry.errors.find((e) => e.row === 5)?.message).toBe("Price cannot be negative");
    await expect(prices(t.ctx, file, false)).rejects.toMatchObject({ code: "validation" });
    expect(await prisma.priceListItem.count({ where: { priceListId: std.id } })).toBe(1);
  });

  it("creates, updates by (list, SKU, min qty, valid from), and round-trips through export", async () => {
    const t = await tenant();
    const std = await createPriceList(t.ctx, { name: "Standard" });
    const ws = await createPriceList(t.ctx, { name: "Wholesale" });
    await createProduct(t.company.id, { sku: "PR-1" });
    await createProduct(t.company.id, { sku: "PR-2", unit: "KGS" }); // by weight: a 2.5 kg slab
    const file = csv([
      ["price_list", "sku", "min_qty", "price", "valid_from", "valid_to"],
      ["Standard", "pr-1", "", "95", "", ""],
      ["Standard", "PR-1", "10", "92", "", ""],
      ["Standard", "PR-1", "50", "89.50", "01/04/2026", "31/03/2027"],
      ["Wholesale", "PR-1", "1", "85", "", ""],
      ["Wholesale", "PR-2", "2.5", "40", "2026-04-01", ""],
    ]);
    expect(await prices(t.ctx, file, true)).toMatchObject({ kind: "prices", rows: 5, toCreate: 5, toUpdate: 0, errors: [] });
    expect(await prisma.priceListItem.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await prices(t.ctx, file, false)).toMatchObject({ toCreate: 5 });
    const slab = await prisma.priceListItem.findFirstOrThrow({ where: { priceListId: std.id, minQty: "50" } });
    expect(slab.validFrom?.toISOString().slice(0, 10)).toBe("2026-04-01");
    expect(slab.validTo?.toISOString().slice(0, 10)).toBe("2027-03-31");

    const out = await exportPrices(t.ctx, { priceListId: std.id, format: "csv" });
    expect(out.filename).toMatch(/^prices-standard-/);
    const lines = out.body.toString("utf8").slice(1).trim().split("\r\n");
    expect(lines).toEqual(["price_list,sku,min_qty,price,valid_from,valid_to", "Standard,PR-1,1,95.00,,", "Standard,PR-1,10,92.00,,", "Standard,PR-1,50,89.50,2026-04-01,2027-03-31"]);
    expect(await prices(t.ctx, out.body, true)).toMatchObject({ toCreate: 0, toUpdate: 0, unchanged: 3, errors: [] });
    const all = await exportPrices(t.ctx, { format: "xlsx" });
    expect(await prices(t.ctx, all.body, true, XLSX_MIME)).toMatchObject({ rows: 5, unchanged: 5, errors: [] });

    const change = csv([
      ["price_list", "sku", "min_qty", "price", "valid_from", "valid_to"],
      ["Standard", "PR-1", "10", "91", "", ""],
      ["Wholesale", "PR-2", "2.500", "40", "2026-04-01", "2026-12-31"],
    ]);
    expect(await prices(t.ctx, change, false)).toMatchObject({ toCreate: 0, toUpdate: 2, unchanged: 0 });
    expect((await prisma.priceListItem.findFirstOrThrow({ where: { priceListId: std.id, minQty: "10" } })).price.toFixed(2)).toBe("91.00");
    expect((await prisma.priceListItem.findFirstOrThrow({ where: { priceListId: ws.id, minQty: "2.5" } })).validTo?.toISOString().slice(0, 10)).toBe("2026-12-31");
    expect(await prisma.auditLog.count({ where: { companyId: t.company.id, action: "price_list_item.import_update" } })).toBe(2);
  });

  it("another company's lists and products are unknown; its lists cannot be exported", async () => {
    const a = await tenant();
    const b = await tenant();
    const theirs = await createPriceList(a.ctx, { name: "Secret" });
    await createProduct(a.company.id, { sku: "A-ONLY" });
    await createPriceList(b.ctx, { name: "Mine" });
    const r = await prices(b.ctx, csv([["price_list", "sku", "price"], ["Secret", "A-ONLY", "1"], ["Mine", "A-ONLY", "1"]]), true);
    expect(r.errors.map((e) => [e.row, e.column])).toEqual([
      [2, "price_list"],
      [2, "sku"],
      [3, "sku"],
    ]);
    await expect(exportPrices(b.ctx, { priceListId: theirs.id })).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("limits, formats and permissions", () => {
  it("refuses files over 5 MB, over 20,000 rows, empty files, old .xls and other types", async () => {
    const t = await tenant();
    const big = Buffer.alloc(5 * 1024 * 1024 + 1, "a");
    await expect(products(t.ctx, big, true)).rejects.toMatchObject({ code: "payload_too_large" });
    const many = Buffer.from(["sku,name", ...Array.from({ length: 20_001 }, (_, i) => `S${i},n`)].join("\n"));
    await expect(products(t.ctx, many, true)).rejects.toMatchObject({ code: "payload_too_large", details: { rows: 20_001, maxRows: 20_000 } });
    const limit = Buffer.from(["sku,name,hsn_code,gst_rate,unit,base_price", ...Array.from({ length: 20_000 }, (_, i) => `S${i},Item ${i},1106,5,PCS,10`)].join("\n"));
    expect(await products(t.ctx, limit, true)).toMatchObject({ rows: 20_000, toCreate: 20_000, errors: [] });
    await expect(products(t.ctx, Buffer.alloc(0), true)).rejects.toMatchObject({ code: "validation" });
    await expect(products(t.ctx, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), true, "application/vnd.ms-excel")).rejects.toMatchObject({ code: "unsupported_media_type" });
    await expect(products(t.ctx, csv([["sku"], ["x"]]), true, "image/png")).rejects.toMatchObject({ code: "unsupported_media_type" });
    await expect(products(t.ctx, Buffer.from("not a zip"), true, XLSX_MIME)).rejects.toMatchObject({ code: "validation" });
  });

  it("imports 20,000 new products in one go", { timeout: 120_000 }, async () => {
    const t = await tenant();
    const file = Buffer.from(["sku,name,category,hsn_code,gst_rate,unit,base_price", ...Array.from({ length: 20_000 }, (_, i) => `BULK-${i},Item ${i},Bulk > Group ${i % 10},1106,5,PCS,${10 + (i % 90)}.50`)].join("\n"));
    expect(await products(t.ctx, file, false)).toMatchObject({ toCreate: 20_000, errors: [] });
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(20_000);
    expect(await prisma.category.count({ where: { companyId: t.company.id } })).toBe(11);
    const again = Buffer.from(["sku,base_price", ...Array.from({ length: 20_000 }, (_, i) => `BULK-${i},${i < 5000 ? "1.00" : `${10 + (i % 90)}.50`}`)].join("\n"));
    expect(await products(t.ctx, again, false)).toMatchObject({ toUpdate: 5000, unchanged: 15_000 });
    expect(await prisma.product.count({ where: { companyId: t.company.id, basePrice: "1.00" } })).toBe(5000);
  });

  it("importing needs catalog.write; exporting needs catalog.read", async () => {
    const t = await tenant();
    const sales = await createStaff(t.company.id, "SALES");
    const driver = await createStaff(t.company.id, "DRIVER");
    await expect(products(sales.ctx, csv([["sku"], ["A"]]), true)).rejects.toMatchObject({ code: "forbidden" });
    await expect(prices(sales.ctx, csv([["sku"], ["A"]]), true)).rejects.toMatchObject({ code: "forbidden" });
    expect((await exportProducts(sales.ctx, {})).filename).toMatch(/\.csv$/);
    await expect(exportProducts(driver.ctx, {})).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("REST: import and export", () => {
  it("dry run and import over HTTP with a CSV body; export and template downloads", async () => {
    const t = await tenant();
    const token = (await issueTokenPair(prisma, t.actor)).accessToken;
    const post = (query: string, body: Buffer, type = "text/csv") =>
      importRoute.POST(new Request(`http://localhost/api/v1/products/import?${query}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": type }, body: new Uint8Array(body) }), { params: Promise.resolve({}) });
    const bad = csv([["sku", "name", "hsn_code", "gst_rate", "unit", "base_price"], ["H-1", "One", "1106", "5", "PCS", "10"], ["H-2", "Two", "1106", "9", "PCS", "10"]]);
    const dry = await post("kind=products&dryRun=true", bad);
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ dryRun: true, toCreate: 1, errors: [{ row: 3, column: "gst_rate" }] });
    const failed = await post("kind=products", bad);
    expect(failed.status).toBe(400);
    expect(failed.headers.get("content-type")).toBe("application/problem+json");
    expect(await failed.json()).toMatchObject({ code: "validation", rowErrors: [{ row: 3, column: "gst_rate" }] });
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(0);
    const good = csv([["sku", "name", "hsn_code", "gst_rate", "unit", "base_price"], ["H-1", "One", "1106", "5", "PCS", "10"]]);
    const done = await post("kind=products&dryRun=false", good);
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ dryRun: false, toCreate: 1 });
    expect((await post("kind=stock", good)).status).toBe(400);
    expect((await post("kind=products", good, "application/json")).status).toBe(415);

    const get = (handler: typeof exportRoute.GET, url: string) => handler(new Request(url, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({}) });
    const exported = await get(exportRoute.GET, "http://localhost/api/v1/products/export?kind=products&format=csv");
    expect(exported.status).toBe(200);
    expect(exported.headers.get("content-disposition")).toMatch(/^attachment; filename="products-.*\.csv"$/);
    expect(await exported.text()).toContain("H-1,One");
    const x = await get(exportRoute.GET, "http://localhost/api/v1/products/export?kind=prices&format=xlsx");
    expect(x.headers.get("content-type")).toBe(XLSX_MIME);
    expect((await get(exportRoute.GET, "http://localhost/api/v1/products/export?kind=prices&priceListId=nope")).status).toBe(404);
    const tpl = await get(templateRoute.GET, "http://localhost/api/v1/products/import/template?kind=prices&format=csv");
    expect(Buffer.from(await tpl.arrayBuffer()).toString("utf8").split("\r\n")[0]).toBe("\uFEFFprice_list,sku,min_qty,price,valid_from,valid_to");
    expect((await get(templateRoute.GET, "http://localhost/api/v1/products/import/template?kind=stock")).status).toBe(400);
  });
});
