import { describe, expect, it } from "vitest";
import * as categoriesRoute from "@/app/api/v1/categories/route";
import * as categoryRoute from "@/app/api/v1/categories/[id]/route";
import * as productsRoute from "@/app/api/v1/products/route";
import * as productRoute from "@/app/api/v1/products/[id]/route";
import * as bulkRoute from "@/app/api/v1/products/bulk-active/route";
import * as imagesRoute from "@/app/api/v1/products/[id]/images/route";
import * as imageRoute from "@/app/api/v1/products/[id]/images/[imageId]/route";
import * as openapi from "@/app/api/v1/openapi.json/route";
import { issueTokenPair } from "@/lib/auth/tokens";
import { addProductImage } from "@/lib/catalog/add-product-image";
import { bulkSetActive } from "@/lib/catalog/bulk-set-active";
import { createCategory } from "@/lib/catalog/create-category";
import { countUncategorisedProducts } from "@/lib/catalog/count-uncategorised-products";
import { createProduct } from "@/lib/catalog/create-product";
import { deleteCategory } from "@/lib/catalog/delete-category";
import { deleteProductImage } from "@/lib/catalog/delete-product-image";
import { getProductImageOrThrow } from "@/lib/catalog/get-product-image-or-throw";
import { getProductOrThrow } from "@/lib/catalog/get-product-or-throw";
import { flattenCategoryTree, listCategoryTree } from "@/lib/catalog/list-category-tree";
import { listProductImages } from "@/lib/catalog/list-product-images";
import { listProducts } from "@/lib/catalog/list-products";
import { moveCategory } from "@/lib/catalog/move-category";
import { renameCategory } from "@/lib/catalog/rename-category";
import { updateProduct } from "@/lib/catalog/update-product";
import { prisma } from "@/lib/db/client";
import { createProduct as seedProduct, createWarehouse, stockUp } from "../support/catalog-factories";
import { createRetailerUser, createStaff, tenant } from "../support/factories";
import { call } from "../support/http";
import { HTML_PAYLOAD, describeImage, jpegImage, pngImage, pngSignatureThenHtml, pngWithHtmlInside, webpImage } from "../support/images";

const PNG = await pngImage();
const JPEG = await jpegImage(6, 5);

const poha = (over: Record<string, unknown> = {}) => ({
  sku: "sgf-poha-1kg",
  name: "Poha (thick) 1 kg",
  brand: "Shree Ganesh",
  hsnCode: "19041090",
  gstRate: "5",
  unit: "PCS",
  packUnit: "BOX",
  packSize: "12",
  mrp: "90",
  basePrice: "72.50",
  costPrice: "61",
  barcode: "8901234500011",
  reorderLevel: "24",
  ...over,
});

async function auditActions(companyId: string, entityId?: string) {
  return (await prisma.auditLog.findMany({ where: { companyId, ...(entityId ? { entityId } : {}) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((a) => a.action);
}

/** Sets reserved units on a level the way the ledger would (a RESERVATION row, the level and the product total). */
async function reserve(companyId: string, productId: string, warehouseId: string, qty: string) {
  await prisma.$transaction([
    prisma.stockMovement.create({ data: { companyId, productId, warehouseId, kind: "RESERVATION", onHandDelta: "0", reservedDelta: qty, refType: "test", refId: "t" } }),
    prisma.stockLevel.update({ where: { productId_warehouseId: { productId, warehouseId } }, data: { reserved: { increment: qty } } }),
    prisma.product.update({ where: { id: productId }, data: { stockReserved: { increment: qty } } }),
  ]);
}

describe("products: create and update", () => {
  it("creates a product with decimals as strings, an upper-cased SKU and an audit row", async () => {
    const t = await tenant();
    const p = await createProduct(t.ctx, poha());
    expect(p).toMatchObject({ sku: "SGF-POHA-1KG", gstRate: "5", mrp: "90.00", basePrice: "72.50", costPrice: "61.00", packUnit: "BOX", packSize: "12", minOrderQty: "1", reorderLevel: "24", active: true, taxInclusive: false });
    const row = await prisma.product.findUniqueOrThrow({ where: { id: p.id } });
    expect(row.companyId).toBe(t.company.id);
    expect(row.basePrice.toFixed(2)).toBe("72.50");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { companyId: t.company.id, entityId: p.id } });
    expect(audit).toMatchObject({ action: "product.create", actorUserId: t.user.id, entityType: "Product" });
    expect(audit.after).toMatchObject({ sku: "SGF-POHA-1KG", basePrice: "72.50" });
  });

  it("bad HSN, bad GST rate, half a pack and unknown fields are named, and nothing is written", async () => {
    const t = await tenant();
    await expect(createProduct(t.ctx, poha({ hsnCode: "19041" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { hsnCode: ["HSN code is 4, 6 or 8 digits"] } });
    await expect(createProduct(t.ctx, poha({ gstRate: "15" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { gstRate: [expect.stringContaining("GST rate must be one of")] } });
    await expect(createProduct(t.ctx, poha({ packSize: undefined }))).rejects.toMatchObject({ fieldErrors: { packSize: ["Enter how many units are in one pack"] } });
    await expect(createProduct(t.ctx, poha({ packUnit: undefined }))).rejects.toMatchObject({ fieldErrors: { packUnit: ["Choose the pack unit (e.g. BOX)"] } });
    await expect(createProduct(t.ctx, poha({ colour: "red" }))).rejects.toMatchObject({ code: "validation", fieldErrors: { colour: ["Unknown field"] } });
    await expect(createProduct(t.ctx, poha({ unit: "LITRE" }))).rejects.toMatchObject({ fieldErrors: { unit: [expect.stringContaining("Use a unit code")] } });
    await expect(createProduct(t.ctx, poha({ taxInclusive: true, basePrice: "95" }))).rejects.toMatchObject({ fieldErrors: { basePrice: ["Selling price (tax inclusive) cannot be above MRP"] } });
    expect(await prisma.product.count({ where: { companyId: t.company.id } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { companyId: t.company.id } })).toBe(0);
  });

  it("a SKU is unique per company (case-insensitively, since SKUs are upper-cased) but free across companies", async () => {
    const a = await tenant();
    const b = await tenant();
    await createProduct(a.ctx, poha());
    await expect(createProduct(a.ctx, poha({ sku: "SGF-Poha-1kg", name: "Other" }))).rejects.toMatchObject({ code: "conflict", fieldErrors: { sku: ["SKU already used by Poha (thick) 1 kg"] } });
    await expect(createProduct(b.ctx, poha())).resolves.toMatchObject({ sku: "SGF-POHA-1KG" });
  });

  it("two creates racing for one SKU: one wins, the other gets the same field error", async () => {
    const t = await tenant();
    const results = await Promise.allSettled([createProduct(t.ctx, poha({ name: "First" })), createProduct(t.ctx, poha({ name: "Second" }))]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(lost.reason).toMatchObject({ code: "conflict", fieldErrors: { sku: [expect.stringMatching(/^SKU already used by (First|Second)$/)] } });
  });

  it("updates only the fields sent, audits just what changed, and checks pack rules against the stored product", async () => {
    const t = await tenant();
    const p = await createProduct(t.ctx, poha());
    const other = await createProduct(t.ctx, poha({ sku: "SGF-BESAN-500", name: "Besan 500 g", barcode: null }));
    const updated = await updateProduct(t.ctx, p.id, { basePrice: "74", packSize: "10" });
    expect(updated).toMatchObject({ basePrice: "74.00", packSize: "10", packUnit: "BOX", name: "Poha (thick) 1 kg" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: p.id, action: "product.update" } });
    expect(audit.before).toEqual({ basePrice: "72.50", packSize: "12" });
    expect(audit.after).toEqual({ basePrice: "74.00", packSize: "10" });
    await expect(updateProduct(t.ctx, p.id, { packSize: null })).rejects.toMatchObject({ code: "validation", fieldErrors: { packSize: ["Enter how many units are in one pack"] } });
    await expect(updateProduct(t.ctx, p.id, { packUnit: null, packSize: null })).resolves.toMatchObject({ packUnit: null, packSize: null });
    await expect(updateProduct(t.ctx, p.id, { sellInPacks: true })).rejects.toMatchObject({ fieldErrors: { sellInPacks: ["Selling in whole packs needs a pack size"] } });
    await expect(updateProduct(t.ctx, p.id, { sku: other.sku })).rejects.toMatchObject({ code: "conflict", fieldErrors: { sku: ["SKU already used by Besan 500 g"] } });
    await expect(updateProduct(t.ctx, p.id, { hsnCode: "12" })).rejects.toMatchObject({ fieldErrors: { hsnCode: ["HSN code is 4, 6 or 8 digits"] } });
    await expect(updateProduct(t.ctx, p.id, {})).rejects.toMatchObject({ code: "validation", message: "Nothing to change" });
    await expect(updateProduct(t.ctx, p.id, { sku: p.sku, name: "Poha (thick) 1 kg" })).resolves.toMatchObject({ sku: p.sku });
    expect(await auditActions(t.company.id, p.id)).toEqual(["product.create", "product.update", "product.update"]);
  });

  it("a category must be the company's own", async () => {
    const a = await tenant();
    const b = await tenant();
    const foreign = await createCategory(b.ctx, { name: "Pulses" });
    await expect(createProduct(a.ctx, poha({ categoryId: foreign.id }))).rejects.toMatchObject({ code: "validation", fieldErrors: { categoryId: ["Choose one of your categories"] } });
    const p = await createProduct(a.ctx, poha());
    await expect(updateProduct(a.ctx, p.id, { categoryId: foreign.id })).rejects.toMatchObject({ code: "validation" });
    const own = await createCategory(a.ctx, { name: "Pulses" });
    await expect(updateProduct(a.ctx, p.id, { categoryId: own.id })).resolves.toMatchObject({ categoryId: own.id });
    await expect(updateProduct(a.ctx, p.id, { categoryId: "" })).resolves.toMatchObject({ categoryId: null });
  });
});

describe("product detail", () => {
  it("shows the category path, images, stock per warehouse and status; inactive warehouses do not count", async () => {
    const t = await tenant();
    const food = await createCategory(t.ctx, { name: "Food" });
    const flakes = await createCategory(t.ctx, { name: "Flakes", parentId: food.id });
    const p = await createProduct(t.ctx, poha({ categoryId: flakes.id, reorderLevel: "20" }));
    const pune = await createWarehouse(t.company.id, { name: "Pune", isDefault: true });
    const nashik = await createWarehouse(t.company.id, { name: "Nashik" });
    const old = await createWarehouse(t.company.id, { name: "Old godown", active: false });
    await createWarehouse(t.company.id, { name: "Closed empty", active: false });
    await stockUp(t.company.id, p.id, pune.id, 30);
    await reserve(t.company.id, p.id, pune.id, "12");
    await stockUp(t.company.id, p.id, old.id, 500);
    await addProductImage(t.ctx, p.id, { mimeType: "image/png", bytes: PNG });

    const d = await getProductOrThrow(t.ctx, p.id);
    expect(d.category).toEqual({ id: flakes.id, name: "Flakes", path: [{ id: food.id, name: "Food" }, { id: flakes.id, name: "Flakes" }] });
    expect(d.images).toEqual([expect.objectContaining({ contentType: "image/png", position: 0, url: `/api/v1/products/${p.id}/images/${d.images[0].id}` })]);
    expect(d.stock).toEqual([
      { warehouseId: pune.id, code: pune.code, name: "Pune", active: true, onHand: "30", reserved: "12", available: "18" },
      { warehouseId: nashik.id, code: nashik.code, name: "Nashik", active: true, onHand: "0", reserved: "0", available: "0" },
      { warehouseId: old.id, code: old.code, name: "Old godown", active: false, onHand: "500", reserved: "0", available: "500" },
    ]);
    expect(d.available).toBe("18");
    expect(d.stockStatus).toBe("low");
  });
});

describe("product list", () => {
  async function catalog() {
    const t = await tenant();
    const grocery = await createCategory(t.ctx, { name: "Grocery" });
    const pulses = await createCategory(t.ctx, { name: "Pulses", parentId: grocery.id });
    const oils = await createCategory(t.ctx, { name: "Oils" });
    const mk = (sku: string, name: string, over: Record<string, unknown> = {}) => createProduct(t.ctx, { sku, name, hsnCode: "1006", gstRate: "5", unit: "KGS", basePrice: "100", ...over });
    const toor = await mk("TD-1", "Toor Dal 1 kg", { brand: "Tata Sampann", basePrice: "165", categoryId: pulses.id, barcode: "8901725111113" });
    const moong = await mk("MD-1", "Moong Dal 1 kg", { brand: "Rajdhani", basePrice: "140", categoryId: pulses.id });
    const rice = await mk("RC-5", "Basmati Rice 5 kg", { brand: "India Gate", basePrice: "620", categoryId: grocery.id });
    const oil = await mk("SO-1", "Sunflower Oil 1 L", { brand: "Fortune", basePrice: "155", categoryId: oils.id, unit: "LTR" });
    const salt = await mk("ST-1", "Salt 1 kg (50% iodised)", { brand: "Tata", basePrice: "28" });
    const old = await mk("OLD-1", "Discontinued Dal Mix", { active: false, basePrice: "90", categoryId: pulses.id });
    return { t, grocery, pulses, oils, toor, moong, rice, oil, salt, old };
  }
  const skus = (page: { items: { sku: string }[] }) => page.items.map((i) => i.sku);

  it("searches name, SKU, brand (anywhere from 3 letters, word starts below) and exact barcode", async () => {
    const c = await catalog();
    expect(skus(await listProducts(c.t.ctx, { q: "dal" }))).toEqual(["OLD-1", "MD-1", "TD-1"]);
    expect(skus(await listProducts(c.t.ctx, { q: "TATA" }))).toEqual(["ST-1", "TD-1"]);
    expect(skus(await listProducts(c.t.ctx, { q: "rc-5" }))).toEqual(["RC-5"]);
    expect(skus(await listProducts(c.t.ctx, { q: "8901725111113" }))).toEqual(["TD-1"]);
    expect(skus(await listProducts(c.t.ctx, { q: "890172511111" }))).toEqual([]);
    expect(skus(await listProducts(c.t.ctx, { q: "su" }))).toEqual(["SO-1"]);
    expect(skus(await listProducts(c.t.ctx, { q: "al" }))).toEqual([]);
    // LIKE wildcards in the search are literal text
    expect(skus(await listProducts(c.t.ctx, { q: "50%" }))).toEqual(["ST-1"]);
    expect(skus(await listProducts(c.t.ctx, { q: "_" }))).toEqual([]);
  });

  it("filters by category (with sub-categories by default), uncategorised, and active flag with tab counts", async () => {
    const c = await catalog();
    const grocery = await listProducts(c.t.ctx, { categoryId: c.grocery.id });
    expect(skus(grocery)).toEqual(["RC-5", "OLD-1", "MD-1", "TD-1"]);
    expect(skus(await listProducts(c.t.ctx, { categoryId: c.grocery.id, includeSubcategories: false }))).toEqual(["RC-5"]);
    expect(skus(await listProducts(c.t.ctx, { categoryId: "none" }))).toEqual(["ST-1"]);
    expect(grocery.items.find((i) => i.sku === "MD-1")).toMatchObject({ categoryName: "Pulses", basePrice: "140.00", unit: "KGS", active: true, available: "0", stockStatus: "out" });
    const active = await listProducts(c.t.ctx, { categoryId: c.pulses.id, active: "active" });
    expect(skus(active)).toEqual(["MD-1", "TD-1"]);
    expect(active).toMatchObject({ total: 2, counts: { all: 3, active: 2, inactive: 1 } });
    expect(skus(await listProducts(c.t.ctx, { active: "inactive" }))).toEqual(["OLD-1"]);
    expect((await listProducts(c.t.ctx, {})).counts).toEqual({ all: 6, active: 5, inactive: 1 });
  });

  it("sorts by name, SKU, base price and update time in either direction, and pages with totals", async () => {
    const c = await catalog();
    expect(skus(await listProducts(c.t.ctx, { sort: "basePrice", dir: "desc" }))).toEqual(["RC-5", "TD-1", "SO-1", "MD-1", "OLD-1", "ST-1"]);
    expect(skus(await listProducts(c.t.ctx, { sort: "sku" }))).toEqual(["MD-1", "OLD-1", "RC-5", "SO-1", "ST-1", "TD-1"]);
    expect(skus(await listProducts(c.t.ctx, { sort: "name", dir: "desc" }))).toEqual(["TD-1", "SO-1", "ST-1", "MD-1", "OLD-1", "RC-5"]);
    await updateProduct(c.t.ctx, c.rice.id, { name: "Basmati Rice 5 kg (new)" });
    expect(skus(await listProducts(c.t.ctx, { sort: "updatedAt", dir: "desc" }))[0]).toBe("RC-5");
    const p1 = await listProducts(c.t.ctx, { pageSize: 4 });
    const p2 = await listProducts(c.t.ctx, { pageSize: 4, offset: 4 });
    expect(p1).toMatchObject({ total: 6, page: 1, pageCount: 2, hasMore: true });
    expect(p2).toMatchObject({ total: 6, page: 2, pageCount: 2, hasMore: false });
    expect([...skus(p1), ...skus(p2)]).toEqual(skus(await listProducts(c.t.ctx, {})));
    await expect(listProducts(c.t.ctx, { sort: "price" })).rejects.toMatchObject({ code: "validation", fieldErrors: { sort: expect.any(Array) } });
    await expect(listProducts(c.t.ctx, { pageSize: 500 })).rejects.toMatchObject({ code: "validation" });
  });

  it("filters by stock status: available over all warehouses against the reorder level", async () => {
    const c = await catalog();
    const id = c.t.company.id;
    const main = await createWarehouse(id);
    const second = await createWarehouse(id);
    await prisma.product.updateMany({ where: { companyId: id }, data: { reorderLevel: "10" } });
    await stockUp(id, c.toor.id, main.id, 8);
    await stockUp(id, c.toor.id, second.id, 5); // 13 > 10: in stock
    await stockUp(id, c.moong.id, main.id, 10); // exactly the reorder level: low
    await stockUp(id, c.rice.id, main.id, 40);
    await reserve(id, c.rice.id, main.id, "35"); // 5 available: low
    // oil: never stocked → out. (Stock in an inactive warehouse cannot exist: deactivating one
    // needs empty shelves and the ledger refuses movements there — tests/integration/inventory.test.ts.)
    await stockUp(id, c.salt.id, main.id, 3);
    await reserve(id, c.salt.id, main.id, "3"); // all reserved: out
    const list = await listProducts(c.t.ctx, {});
    const status = Object.fromEntries(list.items.map((i) => [i.sku, [i.available, i.stockStatus]]));
    expect(status).toEqual({ "TD-1": ["13", "in_stock"], "MD-1": ["10", "low"], "RC-5": ["5", "low"], "SO-1": ["0", "out"], "ST-1": ["0", "out"], "OLD-1": ["0", "out"] });
    expect(skus(await listProducts(c.t.ctx, { stock: "in_stock" }))).toEqual(["TD-1"]);
    expect(skus(await listProducts(c.t.ctx, { stock: "low" }))).toEqual(["RC-5", "MD-1"]);
    const out = await listProducts(c.t.ctx, { stock: "out", active: "active", sort: "basePrice" });
    expect(skus(out)).toEqual(["ST-1", "SO-1"]);
    // Stock-filtered lists are not counted: they page by "has more".
    expect(out).toMatchObject({ total: null, counts: null, pageCount: null, hasMore: false });
    const first = await listProducts(c.t.ctx, { stock: "out", pageSize: 2 });
    expect(first).toMatchObject({ hasMore: true });
    expect(skus(first)).toEqual(["OLD-1", "ST-1"]);
    expect(skus(await listProducts(c.t.ctx, { stock: "out", pageSize: 2, offset: 2 }))).toEqual(["SO-1"]);
    expect(skus(await listProducts(c.t.ctx, { stock: "low", q: "dal" }))).toEqual(["MD-1"]);
    expect(skus(await listProducts(c.t.ctx, { stock: "low", categoryId: c.pulses.id, sort: "basePrice", dir: "desc" }))).toEqual(["MD-1"]);
  });

  it("another company's products never appear, whatever the filter", async () => {
    const c = await catalog();
    const b = await tenant();
    await createProduct(b.ctx, { sku: "TD-1", name: "Toor Dal 1 kg", hsnCode: "1006", gstRate: "5", unit: "KGS", basePrice: "150" });
    const mine = await listProducts(b.ctx, {});
    expect(mine).toMatchObject({ total: 1, counts: { all: 1, active: 1, inactive: 0 } });
    expect((await listProducts(b.ctx, { q: "dal" })).items.map((i) => i.basePrice)).toEqual(["150.00"]);
    expect((await listProducts(b.ctx, { stock: "out" })).items).toHaveLength(1);
    expect(await listProducts(b.ctx, { categoryId: c.grocery.id })).toMatchObject({ total: 0, items: [] });
  });
});

describe("bulk activate / deactivate", () => {
  it("changes only this company's products, counts real changes and audits each", async () => {
    const a = await tenant();
    const b = await tenant();
    const p1 = await seedProduct(a.company.id);
    const p2 = await seedProduct(a.company.id);
    const theirs = await seedProduct(b.company.id);
    expect(await bulkSetActive(a.ctx, { ids: [p1.id, p2.id, theirs.id, "nope"], active: false })).toEqual({ count: 2 });
    expect((await prisma.product.findUniqueOrThrow({ where: { id: theirs.id } })).active).toBe(true);
    expect(await bulkSetActive(a.ctx, { ids: [p1.id, p2.id], active: false })).toEqual({ count: 0 });
    expect(await bulkSetActive(a.ctx, { ids: [p1.id], active: true })).toEqual({ count: 1 });
    expect(await auditActions(a.company.id)).toEqual(expect.arrayContaining(["product.deactivate", "product.deactivate", "product.activate"]));
    expect(await prisma.auditLog.count({ where: { companyId: a.company.id, entityId: p1.id } })).toBe(2);
    expect(await prisma.auditLog.count({ where: { entityId: theirs.id } })).toBe(0);
    await expect(bulkSetActive(a.ctx, { ids: [], active: true })).rejects.toMatchObject({ code: "validation", fieldErrors: { ids: ["Select at least one product"] } });
  });
});

describe("product images", () => {
  it("upload, list in order, read the bytes back and remove; bad files are refused", async () => {
    const t = await tenant();
    const p = await seedProduct(t.company.id);
    const first = await addProductImage(t.ctx, p.id, { mimeType: "image/png", bytes: PNG });
    const second = await addProductImage(t.ctx, p.id, { mimeType: "image/jpeg; charset=binary", bytes: JPEG });
    expect((await listProductImages(t.ctx, p.id)).map((i) => [i.id, i.position, i.contentType])).toEqual([
      [first.id, 0, "image/png"],
      [second.id, 1, "image/jpeg"],
    ]);
    const got = await getProductImageOrThrow(t.ctx, p.id, second.id);
    expect(got.contentType).toBe("image/jpeg");
    expect(await describeImage(got.bytes)).toMatchObject({ format: "jpeg", width: 6, height: 5 });
    await deleteProductImage(t.ctx, p.id, first.id);
    expect((await listProductImages(t.ctx, p.id)).map((i) => i.id)).toEqual([second.id]);
    await expect(deleteProductImage(t.ctx, p.id, first.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await auditActions(t.company.id, p.id)).toEqual(["product.image_add", "product.image_add", "product.image_remove"]);

    await expect(addProductImage(t.ctx, p.id, { mimeType: "image/gif", bytes: PNG })).rejects.toMatchObject({ code: "validation", fieldErrors: { image: ["Use a PNG, JPEG or WebP image"] } });
    await expect(addProductImage(t.ctx, p.id, { mimeType: "image/png", bytes: JPEG })).rejects.toMatchObject({ fieldErrors: { image: ["The file content does not match its type"] } });
    await expect(addProductImage(t.ctx, p.id, { mimeType: "image/png", bytes: Buffer.alloc(0) })).rejects.toMatchObject({ fieldErrors: { image: ["Choose an image file"] } });
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    await expect(addProductImage(t.ctx, p.id, { mimeType: "image/png", bytes: big })).rejects.toMatchObject({ fieldErrors: { image: ["Use an image of at most 1 MB"] } });
    await expect(addProductImage(t.ctx, "missing", { mimeType: "image/png", bytes: PNG })).rejects.toMatchObject({ code: "not_found" });
    // Signed like a PNG, then an HTML page: refused, and nothing is stored.
    await expect(addProductImage(t.ctx, p.id, { mimeType: "image/png", bytes: pngSignatureThenHtml() })).rejects.toMatchObject({ code: "validation", fieldErrors: { image: ["Not a readable PNG, JPEG or WebP image"] } });
  });

  it("at most 8 images per product", async () => {
    const t = await tenant();
    const p = await seedProduct(t.company.id);
    for (let i = 0; i < 8; i++) await addProductImage(t.ctx, p.id, { mimeType: "image/png", bytes: PNG });
    await expect(addProductImage(t.ctx, p.id, { mimeType: "image/png", bytes: PNG })).rejects.toMatchObject({ code: "conflict" });
    expect(await prisma.productImage.count({ where: { productId: p.id } })).toBe(8);
  });
});

describe("categories", () => {
  it("builds a tree with product counts that include sub-categories, siblings by name", async () => {
    const t = await tenant();
    const grocery = await createCategory(t.ctx, { name: "Grocery" });
    const pulses = await createCategory(t.ctx, { name: "Pulses", parentId: grocery.id });
    const dal = await createCategory(t.ctx, { name: "Dal", parentId: pulses.id });
    const atta = await createCategory(t.ctx, { name: "Atta", parentId: grocery.id });
    await createCategory(t.ctx, { name: "Beverages" });
    await seedProduct(t.company.id, { categoryId: dal.id });
    await seedProduct(t.company.id, { categoryId: dal.id });
    await seedProduct(t.company.id, { categoryId: pulses.id, active: false });
    await seedProduct(t.company.id, { categoryId: atta.id });
    await seedProduct(t.company.id);
    expect(await countUncategorisedProducts(t.ctx)).toBe(1);
    const tree = await listCategoryTree(t.ctx);
    expect(tree.map((n) => [n.name, n.productCount])).toEqual([
      ["Beverages", 0],
      ["Grocery", 4],
    ]);
    const flat = flattenCategoryTree(tree).map((n) => [n.name, n.depth, n.ownProductCount, n.productCount]);
    expect(flat).toEqual([
      ["Beverages", 0, 0, 0],
      ["Grocery", 0, 0, 4],
      ["Atta", 1, 1, 1],
      ["Pulses", 1, 1, 3],
      ["Dal", 2, 2, 2],
    ]);
  });

  it("names are unique among siblings (any case) but may repeat elsewhere", async () => {
    const t = await tenant();
    const grocery = await createCategory(t.ctx, { name: "Grocery" });
    const snacks = await createCategory(t.ctx, { name: "Snacks" });
    await createCategory(t.ctx, { name: "Organic", parentId: grocery.id });
    await expect(createCategory(t.ctx, { name: "organic", parentId: grocery.id })).rejects.toMatchObject({ code: "conflict", fieldErrors: { name: ['"organic" already exists in this category'] } });
    await expect(createCategory(t.ctx, { name: "GROCERY" })).rejects.toMatchObject({ code: "conflict", fieldErrors: { name: ['"GROCERY" already exists at the top level'] } });
    const organicSnacks = await createCategory(t.ctx, { name: "Organic", parentId: snacks.id });
    await expect(moveCategory(t.ctx, organicSnacks.id, grocery.id)).rejects.toMatchObject({ code: "conflict" });
    await expect(renameCategory(t.ctx, snacks.id, "grocery")).rejects.toMatchObject({ code: "conflict" });
    await expect(renameCategory(t.ctx, snacks.id, "Namkeen & Snacks")).resolves.toMatchObject({ name: "Namkeen & Snacks" });
    await expect(createCategory(t.ctx, { name: " " })).rejects.toMatchObject({ code: "validation", fieldErrors: { name: ["Name is required"] } });
    await expect(createCategory(t.ctx, { name: "X", parentId: "missing" })).rejects.toMatchObject({ code: "validation", fieldErrors: { parentId: ["Choose one of your categories"] } });
  });

  it("moves refuse cycles; a move to the top level works; every change is audited", async () => {
    const t = await tenant();
    const a = await createCategory(t.ctx, { name: "A" });
    const b = await createCategory(t.ctx, { name: "B", parentId: a.id });
    const c = await createCategory(t.ctx, { name: "C", parentId: b.id });
    await expect(moveCategory(t.ctx, a.id, c.id)).rejects.toMatchObject({ code: "validation", fieldErrors: { parentId: ["Choose a category outside this one"] } });
    await expect(moveCategory(t.ctx, a.id, a.id)).rejects.toMatchObject({ code: "validation" });
    await expect(moveCategory(t.ctx, b.id, b.id)).rejects.toMatchObject({ code: "validation" });
    expect((await prisma.category.findUniqueOrThrow({ where: { id: a.id } })).parentId).toBeNull();
    await expect(moveCategory(t.ctx, c.id, null)).resolves.toMatchObject({ parentId: null });
    await expect(moveCategory(t.ctx, a.id, c.id)).resolves.toMatchObject({ parentId: c.id });
    await renameCategory(t.ctx, a.id, "A1");
    expect(await auditActions(t.company.id)).toEqual(["category.create", "category.create", "category.create", "category.move", "category.move", "category.rename"]);
  });

  it("two opposite moves at once cannot build a cycle: one wins, the other is refused", async () => {
    const t = await tenant();
    const a = await createCategory(t.ctx, { name: "A" });
    const b = await createCategory(t.ctx, { name: "B" });
    const results = await Promise.allSettled([moveCategory(t.ctx, a.id, b.id), moveCategory(t.ctx, b.id, a.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "validation" });
    const rows = await prisma.category.findMany({ where: { companyId: t.company.id } });
    expect(rows.filter((r) => r.parentId === null)).toHaveLength(1);
  });

  it("delete refuses a category with products or sub-categories, and removes an empty one", async () => {
    const t = await tenant();
    const parent = await createCategory(t.ctx, { name: "Grocery" });
    const child = await createCategory(t.ctx, { name: "Pulses", parentId: parent.id });
    await seedProduct(t.company.id, { categoryId: child.id });
    await seedProduct(t.company.id, { categoryId: child.id });
    await expect(deleteCategory(t.ctx, parent.id)).rejects.toMatchObject({ code: "conflict", message: '"Grocery" still has 1 sub-category. Move them to another category first.' });
    await expect(deleteCategory(t.ctx, child.id)).rejects.toMatchObject({ code: "conflict", message: '"Pulses" still has 2 products. Move them to another category first.', details: { products: 2, subcategories: 0 } });
    await prisma.product.updateMany({ where: { categoryId: child.id }, data: { categoryId: null } });
    await deleteCategory(t.ctx, child.id);
    await deleteCategory(t.ctx, parent.id);
    expect(await prisma.category.count({ where: { companyId: t.company.id } })).toBe(0);
    await expect(deleteCategory(t.ctx, parent.id)).rejects.toMatchObject({ code: "not_found" });
    expect((await auditActions(t.company.id)).filter((a) => a === "category.delete")).toHaveLength(2);
  });
});

describe("permissions", () => {
  it("warehouse staff read the catalog but cannot change it; sales read; retailers are refused", async () => {
    const owner = await tenant();
    const p = await createProduct(owner.ctx, poha());
    const warehouse = await createStaff(owner.company.id, "WAREHOUSE");
    const sales = await createStaff(owner.company.id, "SALES");
    await expect(createProduct(warehouse.ctx, poha({ sku: "W-1" }))).rejects.toMatchObject({ code: "forbidden" });
    await expect(updateProduct(warehouse.ctx, p.id, { name: "X" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createCategory(warehouse.ctx, { name: "X" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(bulkSetActive(sales.ctx, { ids: [p.id], active: false })).rejects.toMatchObject({ code: "forbidden" });
    await expect(addProductImage(sales.ctx, p.id, { mimeType: "image/png", bytes: PNG })).rejects.toMatchObject({ code: "forbidden" });
    await expect(createProduct(sales.ctx, poha({ sku: "S-1" }))).rejects.toMatchObject({ code: "forbidden" });
    expect((await listProducts(sales.ctx, {})).total).toBe(1);
    expect((await getProductOrThrow(warehouse.ctx, p.id)).sku).toBe(p.sku);
    expect(await listCategoryTree(sales.ctx)).toEqual([]);
    const retailer = await createRetailerUser();
    await expect(listProducts(retailer.ctx, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(getProductOrThrow(retailer.ctx, p.id)).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("cross-tenant", () => {
  it("tenant B gets not_found on A's product, images and categories, and changes nothing", async () => {
    const a = await tenant();
    const b = await tenant();
    const cat = await createCategory(a.ctx, { name: "Grocery" });
    const p = await createProduct(a.ctx, poha({ categoryId: cat.id }));
    const img = await addProductImage(a.ctx, p.id, { mimeType: "image/png", bytes: PNG });
    await expect(getProductOrThrow(b.ctx, p.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updateProduct(b.ctx, p.id, { name: "Hijacked" })).rejects.toMatchObject({ code: "not_found" });
    await expect(listProductImages(b.ctx, p.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(getProductImageOrThrow(b.ctx, p.id, img.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteProductImage(b.ctx, p.id, img.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(addProductImage(b.ctx, p.id, { mimeType: "image/png", bytes: PNG })).rejects.toMatchObject({ code: "not_found" });
    await expect(renameCategory(b.ctx, cat.id, "Mine")).rejects.toMatchObject({ code: "not_found" });
    await expect(moveCategory(b.ctx, cat.id, null)).rejects.toMatchObject({ code: "not_found" });
    await expect(deleteCategory(b.ctx, cat.id)).rejects.toMatchObject({ code: "not_found" });
    const bCat = await createCategory(b.ctx, { name: "Theirs" });
    await expect(moveCategory(a.ctx, cat.id, bCat.id)).rejects.toMatchObject({ code: "validation" });
    await expect(createCategory(b.ctx, { name: "Sub", parentId: cat.id })).rejects.toMatchObject({ code: "validation" });
    expect(await bulkSetActive(b.ctx, { ids: [p.id], active: false })).toEqual({ count: 0 });
    expect(await listCategoryTree(b.ctx)).toEqual([expect.objectContaining({ name: "Theirs", productCount: 0 })]);
    const after = await prisma.product.findUniqueOrThrow({ where: { id: p.id } });
    expect(after).toMatchObject({ name: "Poha (thick) 1 kg", active: true, categoryId: cat.id });
    expect(await prisma.productImage.count({ where: { productId: p.id } })).toBe(1);
    expect(await prisma.category.count({ where: { id: cat.id } })).toBe(1);
  });
});

describe("REST /api/v1/products and /categories", () => {
  async function staffToken(role: Parameters<typeof tenant>[0] = "OWNER") {
    const t = await tenant(role);
    return { ...t, token: (await issueTokenPair(prisma, t.actor)).accessToken };
  }

  it("POST creates (201) with Idempotency-Key replay; GET lists with filters and cursor pages; PATCH changes", async () => {
    const t = await staffToken();
    const body = poha();
    const first = await call(productsRoute.POST, { method: "POST", path: "/api/v1/products", token: t.token, body, headers: { "idempotency-key": "poha-1" } });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({ sku: "SGF-POHA-1KG", basePrice: "72.50" });
    const replay = await call(productsRoute.POST, { method: "POST", path: "/api/v1/products", token: t.token, body, headers: { "idempotency-key": "poha-1" } });
    expect(replay.status).toBe(201);
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.json.id).toBe(first.json.id);
    const mismatch = await call(productsRoute.POST, { method: "POST", path: "/api/v1/products", token: t.token, body: { ...body, name: "Other" }, headers: { "idempotency-key": "poha-1" } });
    expect(mismatch.status).toBe(422);
    const dup = await call(productsRoute.POST, { method: "POST", path: "/api/v1/products", token: t.token, body });
    expect(dup.status).toBe(409);
    expect(dup.json).toMatchObject({ code: "conflict", errors: { sku: ["SKU already used by Poha (thick) 1 kg"] } });
    const bad = await call(productsRoute.POST, { method: "POST", path: "/api/v1/products", token: t.token, body: { ...body, sku: "X-2", hsnCode: "12", gst: "5" } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toMatchObject({ hsnCode: ["HSN code is 4, 6 or 8 digits"], gst: ["Unknown field"] });

    for (let i = 1; i <= 4; i++) await seedProduct(t.company.id, { sku: `BULK-${i}`, name: `Besan ${i}`, basePrice: `${100 + i}` });
    const page1 = await call(productsRoute.GET, { path: "/api/v1/products?q=besan&sort=basePrice&dir=desc&limit=3", token: t.token });
    expect(page1.status).toBe(200);
    expect(page1.json.total).toBe(4);
    expect(page1.json.data.map((p: { sku: string }) => p.sku)).toEqual(["BULK-4", "BULK-3", "BULK-2"]);
    const page2 = await call(productsRoute.GET, { path: `/api/v1/products?q=besan&sort=basePrice&dir=desc&limit=3&cursor=${page1.json.nextCursor}`, token: t.token });
    expect(page2.json).toMatchObject({ data: [expect.objectContaining({ sku: "BULK-1" })], nextCursor: null, total: 4 });
    const stock = await call(productsRoute.GET, { path: "/api/v1/products?stock=out&limit=2", token: t.token });
    expect(stock.json).toMatchObject({ total: null, nextCursor: expect.any(String) });
    expect(stock.json.data).toHaveLength(2);
    const stock2 = await call(productsRoute.GET, { path: `/api/v1/products?stock=out&limit=2&cursor=${stock.json.nextCursor}`, token: t.token });
    const stock3 = await call(productsRoute.GET, { path: `/api/v1/products?stock=out&limit=2&cursor=${stock2.json.nextCursor}`, token: t.token });
    expect(stock3.json).toMatchObject({ nextCursor: null });
    expect([...stock.json.data, ...stock2.json.data, ...stock3.json.data]).toHaveLength(5);
    expect((await call(productsRoute.GET, { path: "/api/v1/products?stock=plenty", token: t.token })).status).toBe(400);

    const one = await call(productRoute.GET, { token: t.token, params: { id: first.json.id } });
    expect(one.json).toMatchObject({ id: first.json.id, stock: [], available: "0", stockStatus: "out", images: [] });
    const patched = await call(productRoute.PATCH, { method: "PATCH", token: t.token, params: { id: first.json.id }, body: { mrp: "95", active: false } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ mrp: "95.00", active: false });
    const bulk = await call(bulkRoute.POST, { method: "POST", token: t.token, body: { ids: [first.json.id], active: true } });
    expect(bulk.json).toEqual({ count: 1 });
  });

  it("uploaded images are re-encoded: a polyglot PNG loses its payload, a WebP stays WebP, a huge canvas is scaled down", async () => {
    const t = await tenant();
    const p = await seedProduct(t.company.id);
    const polyglot = await pngWithHtmlInside();
    const img = await addProductImage(t.ctx, p.id, { mimeType: "image/png", bytes: polyglot });
    const stored = await getProductImageOrThrow(t.ctx, p.id, img.id);
    expect(stored.bytes.equals(polyglot)).toBe(false);
    expect(stored.bytes.includes(Buffer.from(HTML_PAYLOAD))).toBe(false);
    expect(await describeImage(stored.bytes)).toMatchObject({ format: "png", width: 8, height: 8 });
    const webp = await addProductImage(t.ctx, p.id, { mimeType: "image/webp", bytes: await webpImage() });
    expect(webp.contentType).toBe("image/webp");
    const wide = await addProductImage(t.ctx, p.id, { mimeType: "image/png", bytes: await pngImage(3000, 10) });
    expect(await describeImage((await getProductImageOrThrow(t.ctx, p.id, wide.id)).bytes)).toMatchObject({ width: 2048 });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: p.id, action: "product.image_add" }, orderBy: { createdAt: "asc" } });
    expect(audit.after).toMatchObject({ contentType: "image/png", bytes: stored.bytes.length });
  });

  it("images over REST: raw upload, cacheable bytes with ETag / 304, delete; wrong type is 400", async () => {
    const t = await staffToken();
    const p = await seedProduct(t.company.id);
    const upload = await imagesRoute.POST(new Request(`http://localhost/api/v1/products/${p.id}/images`, { method: "POST", headers: { authorization: `Bearer ${t.token}`, "content-type": "image/png" }, body: PNG }), { params: Promise.resolve({ id: p.id }) });
    expect(upload.status).toBe(201);
    const image = await upload.json();
    expect(image).toMatchObject({ contentType: "image/png", url: `/api/v1/products/${p.id}/images/${image.id}` });
    const wrong = await imagesRoute.POST(new Request(`http://localhost/api/v1/products/${p.id}/images`, { method: "POST", headers: { authorization: `Bearer ${t.token}`, "content-type": "text/plain" }, body: "hello" }), { params: Promise.resolve({ id: p.id }) });
    expect(wrong.status).toBe(400);
    const list = await call(imagesRoute.GET, { token: t.token, params: { id: p.id } });
    expect(list.json.data.map((i: { id: string }) => i.id)).toEqual([image.id]);
    const get = (headers: Record<string, string> = {}) => imageRoute.GET(new Request(`http://localhost${image.url}`, { headers: { authorization: `Bearer ${t.token}`, ...headers } }), { params: Promise.resolve({ id: p.id, imageId: image.id }) });
    const bytes = await get();
    expect(bytes.status).toBe(200);
    expect(bytes.headers.get("content-type")).toBe("image/png");
    expect(bytes.headers.get("cache-control")).toContain("immutable");
    expect(bytes.headers.get("x-content-type-options")).toBe("nosniff");
    expect(bytes.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'; sandbox");
    expect(bytes.headers.get("content-disposition")).toBe(`inline; filename="product-${image.id}.png"`);
    expect(await describeImage(Buffer.from(await bytes.arrayBuffer()))).toMatchObject({ format: "png", width: 4, height: 3 });
    expect((await get({ "if-none-match": bytes.headers.get("etag")! })).status).toBe(304);
    const other = await staffToken();
    const foreign = await imageRoute.GET(new Request(`http://localhost${image.url}`, { headers: { authorization: `Bearer ${other.token}` } }), { params: Promise.resolve({ id: p.id, imageId: image.id }) });
    expect(foreign.status).toBe(404);
    expect((await call(imageRoute.DELETE, { method: "DELETE", token: other.token, params: { id: p.id, imageId: image.id } })).status).toBe(404);
    expect((await call(imageRoute.DELETE, { method: "DELETE", token: t.token, params: { id: p.id, imageId: image.id } })).status).toBe(204);
  });

  it("categories over REST: create, tree, rename/move with cycle refusal, delete refusal (409) then 204; cross-tenant 404", async () => {
    const t = await staffToken();
    const grocery = await call(categoriesRoute.POST, { method: "POST", token: t.token, body: { name: "Grocery" }, headers: { "idempotency-key": "cat-1" } });
    expect(grocery.status).toBe(201);
    const pulses = await call(categoriesRoute.POST, { method: "POST", token: t.token, body: { name: "Pulses", parentId: grocery.json.id } });
    await seedProduct(t.company.id, { categoryId: pulses.json.id });
    const tree = await call(categoriesRoute.GET, { token: t.token });
    expect(tree.json.data).toEqual([expect.objectContaining({ name: "Grocery", productCount: 1, children: [expect.objectContaining({ name: "Pulses", productCount: 1 })] })]);
    const cycle = await call(categoryRoute.PATCH, { method: "PATCH", token: t.token, params: { id: grocery.json.id }, body: { parentId: pulses.json.id } });
    expect(cycle.status).toBe(400);
    expect(cycle.json.errors).toEqual({ parentId: ["Choose a category outside this one"] });
    const renamed = await call(categoryRoute.PATCH, { method: "PATCH", token: t.token, params: { id: pulses.json.id }, body: { name: "Dals & Pulses", parentId: null } });
    expect(renamed.json).toMatchObject({ name: "Dals & Pulses", parentId: null });
    const refused = await call(categoryRoute.DELETE, { method: "DELETE", token: t.token, params: { id: pulses.json.id } });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: "conflict", products: 1, subcategories: 0 });
    const other = await staffToken();
    expect((await call(categoryRoute.PATCH, { method: "PATCH", token: other.token, params: { id: grocery.json.id }, body: { name: "Mine" } })).status).toBe(404);
    expect((await call(categoryRoute.DELETE, { method: "DELETE", token: other.token, params: { id: grocery.json.id } })).status).toBe(404);
    expect((await call(productRoute.GET, { token: other.token, params: { id: (await seedProduct(t.company.id)).id } })).status).toBe(404);
    expect((await call(categoryRoute.DELETE, { method: "DELETE", token: t.token, params: { id: grocery.json.id } })).status).toBe(204);
  });

  it("the OpenAPI document lists every catalog operation", async () => {
    const doc = (await call(openapi.GET, { path: "/api/v1/openapi.json" })).json;
    const ops = (path: string) => Object.keys(doc.paths[`/api/v1${path}`] ?? {}).sort();
    expect(ops("/products")).toEqual(["get", "post"]);
    expect(ops("/products/{id}")).toEqual(["get", "patch"]);
    expect(ops("/products/bulk-active")).toEqual(["post"]);
    expect(ops("/products/{id}/images")).toEqual(["get", "post"]);
    expect(ops("/products/{id}/images/{imageId}")).toEqual(["delete", "get"]);
    expect(ops("/categories")).toEqual(["get", "post"]);
    expect(ops("/categories/{id}")).toEqual(["delete", "patch"]);
    const params = doc.paths["/api/v1/products"].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(expect.arrayContaining(["q", "categoryId", "active", "stock", "sort", "dir", "limit", "cursor"]));
  });

  it("a warehouse role gets 403 on POST /products; sales can list", async () => {
    const w = await staffToken("WAREHOUSE");
    const res = await call(productsRoute.POST, { method: "POST", token: w.token, body: poha() });
    expect(res.status).toBe(403);
    expect(res.json.code).toBe("forbidden");
    const s = await staffToken("SALES");
    expect((await call(productsRoute.GET, { token: s.token })).status).toBe(200);
  });
});
