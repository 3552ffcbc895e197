import { describe, expect, it } from "vitest";
import * as tokenRoute from "@/app/api/v1/auth/token/route";
import * as catalogRoute from "@/app/api/v1/me/vendors/[code]/catalog/route";
import * as categoriesRoute from "@/app/api/v1/me/vendors/[code]/categories/route";
import { browseVendorCatalog, listVendorCatalogCategories } from "@/lib/catalog/portal-catalog";
import { prisma } from "@/lib/db/client";
import { createProduct, createWarehouse, stockUp } from "../support/catalog-factories";
import { call } from "../support/http";
import { PASSWORD, createRetailerUser, tenant } from "../support/factories";

/** A vendor with a small catalog, a default list, a "Kirana" list with slabs, and two connected retailers. */
async function catalogFixture() {
  const v = await tenant();
  const companyId = v.company.id;
  const staples = await prisma.category.create({ data: { companyId, name: "Staples" } });
  const flours = await prisma.category.create({ data: { companyId, name: "Flours", parentId: staples.id } });
  const snacks = await prisma.category.create({ data: { companyId, name: "Snacks" } });
  const besan = await createProduct(companyId, { sku: "BESAN-1KG", name: "Besan 1 kg", brand: "Ganesh", categoryId: flours.id, basePrice: "95.00", reorderLevel: "10", minOrderQty: "5" });
  const poha = await createProduct(companyId, { sku: "POHA-500G", name: "Poha 500 g", brand: "Ganesh", categoryId: staples.id, basePrice: "40.00", reorderLevel: "10" });
  const chivda = await createProduct(companyId, { sku: "CHIVDA-200G", name: "Nylon Chivda 200 g", categoryId: snacks.id, basePrice: "30.00", reorderLevel: "5" });
  const hidden = await createProduct(companyId, { sku: "OLD-ATTA", name: "Besan 5 kg (discontinued)", categoryId: flours.id, active: false });
  const wh = await createWarehouse(companyId);
  await stockUp(companyId, besan.id, wh.id, 100);
  await stockUp(companyId, poha.id, wh.id, 8); // at or below the reorder level → low
  // chivda: no stock at all → out

  const standard = await prisma.priceList.create({ data: { companyId, name: "Standard", isDefault: true } });
  await prisma.priceListItem.create({ data: { companyId, priceListId: standard.id, productId: besan.id, price: "92.00" } });
  const kirana = await prisma.priceList.create({ data: { companyId, name: "Kirana Special" } });
  await prisma.priceListItem.createMany({
    data: [
      { companyId, priceListId: kirana.id, productId: besan.id, minQty: "1", price: "90.00" },
      { companyId, priceListId: kirana.id, productId: besan.id, minQty: "20", price: "86.50" },
    ],
  });

  const special = await createRetailerUser();
  const plain = await createRetailerUser();
  const connect = (retailerId: string, priceListId: string | null, status: "ACTIVE" | "SUSPENDED" | "ENDED" = "ACTIVE") =>
    prisma.connection.create({ data: { companyId, retailerId, status, placeOfSupply: "27", priceListId } });
  await connect(special.retailer.id, kirana.id);
  await connect(plain.retailer.id, null);
  return { v, companyId, code: v.company.code, products: { besan, poha, chivda, hidden }, cats: { staples, flours, snacks }, special, plain, connect };
}

describe("retailer portal catalog", () => {
  it("shows the vendor's active products at this retailer's own prices, with availability but not quantities", async () => {
    const f = await catalogFixture();
    const special = await browseVendorCatalog(f.special.ctx, { vendor: f.code });
    expect(special.total).toBe(3);
    expect(special.items.map((p) => p.sku)).toEqual(["BESAN-1KG", "CHIVDA-200G", "POHA-500G"]);
    const besan = special.items.find((p) => p.sku === "BESAN-1KG")!;
    // Priced for the minimum order quantity (5) from the retailer's list, with the next slab advertised.
    expect(besan.price).toMatchObject({ unitPrice: "90.00", source: "retailer_list", nextSlab: { unitPrice: "86.50" } });
    expect(Number(besan.price!.nextSlab!.minQty)).toBe(20);
    expect(special.connection.priceListName).toBe("Kirana Special");
    expect(Object.fromEntries(special.items.map((p) => [p.sku, p.availability]))).toEqual({ "BESAN-1KG": "in_stock", "POHA-500G": "low", "CHIVDA-200G": "out" });
    expect(special.items.every((p) => p.availableQty === null)).toBe(true);

    // Another retailer of the same vendor gets the default list, else the base price.
    const plain = await browseVendorCatalog(f.plain.ctx, { vendor: f.code });
    const prices = Object.fromEntries(plain.items.map((p) => [p.sku, [p.price?.unitPrice, p.price?.source]]));
    expect(prices).toEqual({ "BESAN-1KG": ["92.00", "default_list"], "POHA-500G": ["40.00", "base_price"], "CHIVDA-200G": ["30.00", "base_price"] });
  });

  it("shows exact quantities only when the vendor allows it", async () => {
    const f = await catalogFixture();
    await prisma.company.update({ where: { id: f.companyId }, data: { showStockToRetailers: true } });
    const res = await browseVendorCatalog(f.plain.ctx, { vendor: f.code });
    expect(Number(res.items.find((p) => p.sku === "BESAN-1KG")!.availableQty)).toBe(100);
    expect(Number(res.items.find((p) => p.sku === "CHIVDA-200G")!.availableQty)).toBe(0);
  });

  it("searches, filters by category including sub-categories, and by stock", async () => {
    const f = await catalogFixture();
    const search = await browseVendorCatalog(f.plain.ctx, { vendor: f.code, q: "besan" });
    expect(search.items.map((p) => p.sku)).toEqual(["BESAN-1KG"]); // the inactive "Besan 5 kg" stays hidden
    const staples = await browseVendorCatalog(f.plain.ctx, { vendor: f.code, categoryId: f.cats.staples.id });
    expect(staples.items.map((p) => p.sku).sort()).toEqual(["BESAN-1KG", "POHA-500G"]);
    const inStock = await browseVendorCatalog(f.plain.ctx, { vendor: f.code, inStockOnly: true });
    expect(inStock.items.map((p) => p.sku).sort()).toEqual(["BESAN-1KG", "POHA-500G"]);
    const cats = await listVendorCatalogCategories(f.plain.ctx, f.code);
    expect(cats.map((c) => [c.label, c.productCount])).toEqual([
      ["Snacks", 1],
      ["Staples", 2],
      ["Staples › Flours", 1],
    ]);
  });

  it("is closed to retailers without a live connection, to other vendors' retailers and to staff", async () => {
    const f = await catalogFixture();
    const stranger = await createRetailerUser();
    await expect(browseVendorCatalog(stranger.ctx, { vendor: f.code })).rejects.toMatchObject({ code: "not_found" });
    const ended = await createRetailerUser();
    await f.connect(ended.retailer.id, null, "ENDED");
    await expect(browseVendorCatalog(ended.ctx, { vendor: f.code })).rejects.toMatchObject({ code: "not_found" });
    const paused = await createRetailerUser();
    await f.connect(paused.retailer.id, null, "SUSPENDED");
    expect((await browseVendorCatalog(paused.ctx, { vendor: f.code })).connection.status).toBe("SUSPENDED");
    await expect(browseVendorCatalog(f.v.ctx, { vendor: f.code })).rejects.toMatchObject({ code: "forbidden" });
    // Another vendor's retailer asking for this vendor's category id gets nothing of it.
    const other = await catalogFixture();
    const res = await browseVendorCatalog(other.plain.ctx, { vendor: other.code, categoryId: f.cats.staples.id });
    expect(res.items).toEqual([]);
  });

  it("answers over REST with cursor pages", async () => {
    const f = await catalogFixture();
    const issued = await call(tokenRoute.POST, { method: "POST", path: "/api/v1/auth/token", body: { email: f.plain.user.email, password: PASSWORD } });
    const token = issued.json.accessToken as string;
    const first = await call(catalogRoute.GET, { path: `/api/v1/me/vendors/${f.code}/catalog?limit=2`, token, params: { code: f.code } });
    expect(first.status).toBe(200);
    expect(first.json.data).toHaveLength(2);
    expect(first.json.total).toBe(3);
    const second = await call(catalogRoute.GET, { path: `/api/v1/me/vendors/${f.code}/catalog?limit=2&cursor=${first.json.nextCursor}`, token, params: { code: f.code } });
    expect(second.json.data.map((p: { sku: string }) => p.sku)).toEqual(["POHA-500G"]);
    expect(second.json.nextCursor).toBeNull();
    const cats = await call(categoriesRoute.GET, { path: `/api/v1/me/vendors/${f.code}/categories`, token, params: { code: f.code } });
    expect(cats.json.data).toHaveLength(3);
    const strangerCode = (await tenant()).company.code;
    const denied = await call(catalogRoute.GET, { path: `/api/v1/me/vendors/${strangerCode}/catalog`, token, params: { code: strangerCode } });
    expect(denied.status).toBe(404);
  });
});
