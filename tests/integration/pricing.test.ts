import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import * as listsRoute from "@/app/api/v1/price-lists/route";
import * as listRoute from "@/app/api/v1/price-lists/[id]/route";
import * as defaultRoute from "@/app/api/v1/price-lists/[id]/default/route";
import * as itemsRoute from "@/app/api/v1/price-lists/[id]/items/route";
import * as itemRoute from "@/app/api/v1/price-lists/[id]/items/[itemId]/route";
import * as quotesRoute from "@/app/api/v1/price-quotes/route";
import { issueTokenPair } from "@/lib/auth/tokens";
import { prisma } from "@/lib/db/client";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getRetailerDetailOrThrow, updateConnectionTerms } from "@/lib/network/connections";
import { deletePriceListItem, listPriceListItems, setItemPrices, upsertPriceListItem } from "@/lib/pricing/price-list-items";
import { createPriceList, deletePriceList, getPriceListOrThrow, listPriceLists, setDefaultPriceList, updatePriceList } from "@/lib/pricing/price-lists";
import { quotePrices } from "@/lib/pricing/quote-prices";
import { resolvePrice, resolvePrices } from "@/lib/pricing/resolve-price";
import { createProduct } from "../support/catalog-factories";
import { createRetailerUser, createStaff, ctxFor, tenant } from "../support/factories";
import { call } from "../support/http";

type Tenant = Awaited<ReturnType<typeof tenant>>;

async function connect(companyId: string, status: "ACTIVE" | "SUSPENDED" | "ENDED" | "PENDING" = "ACTIVE", priceListId: string | null = null) {
  const r = await createRetailerUser();
  const connection = await prisma.connection.create({ data: { companyId, retailerId: r.retailer.id, status, placeOfSupply: "27", priceListId } });
  return { ...r, connection };
}

/** A price row straight into the table (for states the domain functions refuse to create, e.g. ties). */
async function rawItem(t: Tenant, priceListId: string, productId: string, minQty: string, price: string, validFrom: string | null = null, validTo: string | null = null, createdAt?: Date) {
  return prisma.priceListItem.create({
    data: { companyId: t.company.id, priceListId, productId, minQty, price, validFrom: validFrom ? new Date(`${validFrom}T00:00:00Z`) : null, validTo: validTo ? new Date(`${validTo}T00:00:00Z`) : null, ...(createdAt ? { createdAt } : {}) },
  });
}

const at = (iso: string) => new Date(iso);
const NOON_IST = "2026-06-15T06:30:00Z";

describe("price resolver: slabs, dates and lists", () => {
  it("no price list at all → the product's base price, no next slab", async () => {
    const t = await tenant();
    const p = await createProduct(t.company.id, { basePrice: "95.00", mrp: "110.00", gstRate: "5", taxInclusive: true });
    const q = await resolvePrice(prisma, { companyId: t.company.id, productId: p.id, quantity: 3, date: at(NOON_IST) });
    expect(q).toEqual({ productId: p.id, quantity: "3", unitPrice: "95.00", source: "base_price", priceListId: null, priceListName: null, slabMinQty: null, nextSlab: null, taxInclusive: true, gstRate: "5", mrp: "110.00" });
  });

  it("slab edges: exactly at minQty takes the slab, just below does not; nextSlab names the cheaper slab above", async () => {
    const t = await tenant();
    const p = await createProduct(t.company.id, { basePrice: "100.00" });
    const list = await createPriceList(t.ctx, { name: "Standard" });
    await setItemPrices(t.ctx, list.id, { productId: p.id, slabs: [{ minQty: "1", price: "95" }, { minQty: "10", price: "92" }, { minQty: "50", price: "89.50" }] });
    const q = (quantity: string) => resolvePrice(prisma, { companyId: t.company.id, productId: p.id, quantity, date: at(NOON_IST) });
    expect(await q("0.5")).toMatchObject({ unitPrice: "100.00", source: "base_price", slabMinQty: null, nextSlab: { minQty: "1", unitPrice: "95.00" } });
    expect(await q("1")).toMatchObject({ unitPrice: "95.00", source: "default_list", priceListId: list.id, priceListName: "Standard", slabMinQty: "1", nextSlab: { minQty: "10", unitPrice: "92.00" } });
    expect(await q("9.999")).toMatchObject({ unitPrice: "95.00", slabMinQty: "1", nextSlab: { minQty: "10", unitPrice: "92.00" } });
    expect(await q("10")).toMatchObject({ unitPrice: "92.00", slabMinQty: "10", nextSlab: { minQty: "50", unitPrice: "89.50" } });
    expect(await q("49.999")).toMatchObject({ unitPrice: "92.00", slabMinQty: "10" });
    expect(await q("50")).toMatchObject({ unitPrice: "89.50", slabMinQty: "50", nextSlab: null });
    expect(await q("5000")).toMatchObject({ unitPrice: "89.50", nextSlab: null });
  });

  it("a slab above that is not cheaper is not offered as the next slab", async () => {
    const t = await tenant();
    const p = await createProduct(t.company.id, { basePrice: "100.00" });
    const list = await createPriceList(t.ctx, { name: "Odd" });
    await setItemPrices(t.ctx, list.id, { productId: p.id, slabs: [{ minQty: "1", price: "90" }, { minQty: "10", price: "91" }, { minQty: "20", price: "85" }] });
    expect(await resolvePrice(prisma, { companyId: t.company.id, productId: p.id, quantity: 2, date: at(NOON_IST) })).toMatchObject({ unitPrice: "90.00", nextSlab: { minQty: "20", unitPrice: "85.00" } });
  });

  it("date edges in Asia/Kolkata: validFrom day from 00:00 IST, validTo day until 23:59:59.999 IST, then the next row", async () => {
    const t = await tenant();
    const p = await createProduct(t.company.id, { basePrice: "100.00" });
    const list = await createPriceList(t.ctx, { name: "Seasonal" });
    await setItemPrices(t.ctx, list.id, {
      productId: p.id,
      slabs: [
        { minQty: "1", price: "95", validTo: "2026-03-31" },
        { minQty: "1", price: "80", validFrom: "2026-04-01", validTo: "30/04/2026" },
        { minQty: "1", price: "90", validFrom: "2026-05-01" },
      ],
    });
    const price = async (iso: string) => (await resolvePrice(prisma, { companyId: t.company.id, productId: p.id, quantity: 1, date: at(iso) })).unitPrice;
    expect(await price("2026-03-31T18:29:59.999Z")).toBe("95.00"); // 31 Mar 23:59:59.999 IST
    expect(await price("2026-03-31T18:30:00.000Z")).toBe("80.00"); // 1 Apr 00:00 IST (still 31 Mar in UTC)
    expect(await price("2026-04-01T00:00:00.000Z")).toBe("80.00");
    expect(await price("2026-04-30T18:29:59.999Z")).toBe("80.00"); // last moment of the validTo day
    expect(await price("2026-04-30T18:30:00.000Z")).toBe("90.00"); // the day after, though UTC says 30 Apr
    expect(await price("2026-04-30T23:00:00.000Z")).toBe("90.00");
    expect(await price("2030-01-01T00:00:00.000Z")).toBe("90.00");
  });

  it("an expired or not-yet-valid row falls back to the base price", async () => {
    const t = await tenant();
    const p = await createProduct(t.company.id, { basePrice: "100.00" });
    const list = await createPriceList(t.ctx, { name: "Festive" });
    await setItemPrices(t.ctx, list.id, { productId: p.id, slabs: [{ minQty: "1", price: "88", validFrom: "2026-10-20", validTo: "2026-10-31" }] });
    const q = (iso: string) => resolvePrice(prisma, { companyId: t.company.id, productId: p.id, quantity: 1, date: at(iso) });
    expect(await q("2026-10-19T12:00:00Z")).toMatchObject({ unitPrice: "100.00", source: "base_price" });
    expect(await q("2026-10-20T12:00:00Z")).toMatchObject({ unitPrice: "88.00", source: "default_list" });
    expect(await q("2026-11-01T12:00:00Z")).toMatchObject({ unitPrice: "100.00", source: "base_price" });
  });

  it("the retailer's own list first, then the default list per product, then the base price", async () => {
    const t = await tenant();
    const [inBoth, onlyDefault, inNeither, onlyBulkInRetailer] = await Promise.all([1, 2, 3, 4].map(() => createProduct(t.company.id, { basePrice: "100.00" })));
    const def = await createPriceList(t.ctx, { name: "Default" });
    const wholesale = await createPriceList(t.ctx, { name: "Wholesale" });
    await setItemPrices(t.ctx, def.id, { productId: inBoth.id, slabs: [{ minQty: "1", price: "95" }] });
    await setItemPrices(t.ctx, def.id, { productId: onlyDefault.id, slabs: [{ minQty: "1", price: "96" }] });
    await setItemPrices(t.ctx, def.id, { productId: onlyBulkInRetailer.id, slabs: [{ minQty: "1", price: "97" }] });
    await setItemPrices(t.ctx, wholesale.id, { productId: inBoth.id, slabs: [{ minQty: "1", price: "85" }] });
    await setItemPrices(t.ctx, wholesale.id, { productId: onlyBulkInRetailer.id, slabs: [{ minQty: "10", price: "80" }] });
    const r = await connect(t.company.id, "ACTIVE", wholesale.id);
    const plain = await connect(t.company.id);
    const items = (q: number) => [inBoth, onlyDefault, inNeither, onlyBulkInRetailer].map((p) => ({ productId: p.id, quantity: q }));

    const quotes = await resolvePrices(prisma, { companyId: t.company.id, connectionId: r.connection.id, date: at(NOON_IST), items: items(5) });
    expect(quotes.get(inBoth.id)).toMatchObject({ unitPrice: "85.00", source: "retailer_list", priceListId: wholesale.id, priceListName: "Wholesale" });
    expect(quotes.get(onlyDefault.id)).toMatchObject({ unitPrice: "96.00", source: "default_list", priceListId: def.id });
    expect(quotes.get(inNeither.id)).toMatchObject({ unitPrice: "100.00", source: "base_price" });
    // 5 units: the retailer's list has only a 10+ row, so the default list's 1+ applies; the 10+ row is the next slab.
    expect(quotes.get(onlyBulkInRetailer.id)).toMatchObject({ unitPrice: "97.00", source: "default_list", nextSlab: { minQty: "10", unitPrice: "80.00" } });
    const bulk = await resolvePrices(prisma, { companyId: t.company.id, connectionId: r.connection.id, date: at(NOON_IST), items: items(10) });
    expect(bulk.get(onlyBulkInRetailer.id)).toMatchObject({ unitPrice: "80.00", source: "retailer_list", slabMinQty: "10" });

    // A connection without its own list buys on the default list.
    expect((await resolvePrices(prisma, { companyId: t.company.id, connectionId: plain.connection.id, date: at(NOON_IST), items: items(5) })).get(inBoth.id)).toMatchObject({ unitPrice: "95.00", source: "default_list" });

    // An inactive retailer list is ignored.
    await updatePriceList(t.ctx, wholesale.id, { active: false });
    expect((await resolvePrice(prisma, { companyId: t.company.id, connectionId: r.connection.id, productId: inBoth.id, quantity: 5, date: at(NOON_IST) })).source).toBe("default_list");
  });

  it("an inactive default list is ignored (base price)", async () => {
    const t = await tenant();
    const p = await createProduct(t.company.id, { basePrice: "100.00" });
    const list = await createPriceList(t.ctx, { name: "Default" });
    await setItemPrices(t.ctx, list.id, { productId: p.id, slabs: [{ minQty: "1", price: "90" }] });
    await prisma.priceList.update({ where: { id: list.id }, data: { active: false } }); // the domain refuses this; the resolver must cope anyway
    expect(await resolvePrice(prisma, { companyId: t.company.id, productId: p.id, quantity: 1, date: at(NOON_IST) })).toMatchObject({ unitPrice: "100.00", source: "base_price" });
  });

  it("ties at the same minQty: the latest validFrom wins, then the newest row", async () => {
    const t = await tenant();
    const p = await createProduct(t.company.id, { basePrice: "100.00" });
    const list = await createPriceList(t.ctx, { name: "Ties" });
    await rawItem(t, list.id, p.id, "5", "91", null);
    await rawItem(t, list.id, p.id, "5", "90", "2026-01-01");
    await rawItem(t, list.id, p.id, "5", "89", "2026-06-01");
    await rawItem(t, list.id, p.id, "5", "70", "2026-07-01"); // not valid yet on 15 June
    const q = () => resolvePrice(prisma, { companyId: t.company.id, productId: p.id, quantity: 5, date: at(NOON_IST) });
    expect((await q()).unitPrice).toBe("89.00");
    await rawItem(t, list.id, p.id, "5", "88", "2026-06-01", null, new Date(Date.now() + 60_000));
    expect((await q()).unitPrice).toBe("88.00");
  });

  it("a constant number of queries whatever the number of items", async () => {
    const t = await tenant();
    const list = await createPriceList(t.ctx, { name: "Default" });
    const products = await Promise.all(Array.from({ length: 30 }, () => createProduct(t.company.id)));
    for (const p of products.slice(0, 10)) await setItemPrices(t.ctx, list.id, { productId: p.id, slabs: [{ minQty: "1", price: "90" }, { minQty: "10", price: "85" }] });
    const r = await connect(t.company.id);
    const counted = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
    let queries = 0;
    counted.$on("query", () => void queries++);
    try {
      const run = async (n: number) => {
        queries = 0;
        await resolvePrices(counted, { companyId: t.company.id, connectionId: r.connection.id, date: at(NOON_IST), items: products.slice(0, n).map((p) => ({ productId: p.id, quantity: 12 })) });
        return queries;
      };
      const one = await run(1);
      expect(one).toBeLessThanOrEqual(4);
      expect(await run(30)).toBe(one);
    } finally {
      await counted.$disconnect();
    }
  });

  it("refuses products and connections of another company, and bad quantities", async () => {
    const a = await tenant();
    const b = await tenant();
    const pa = await createProduct(a.company.id);
    const pb = await createProduct(b.company.id);
    const rb = await connect(b.company.id);
    await expect(resolvePrices(prisma, { companyId: b.company.id, date: new Date(), items: [{ productId: pb.id, quantity: 1 }, { productId: pa.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_found" });
    await expect(resolvePrice(prisma, { companyId: a.company.id, connectionId: rb.connection.id, productId: pa.id, quantity: 1, date: new Date() })).rejects.toMatchObject({ code: "not_found" });
    await expect(resolvePrice(prisma, { companyId: a.company.id, productId: pa.id, quantity: "-1", date: new Date() })).rejects.toMatchObject({ code: "validation" });
    await expect(resolvePrice(prisma, { companyId: a.company.id, productId: pa.id, quantity: "abc", date: new Date() })).rejects.toMatchObject({ code: "validation" });
    expect((await resolvePrices(prisma, { companyId: a.company.id, date: new Date(), items: [] })).size).toBe(0);
  });
});

describe("price lists", () => {
  it("the first list becomes the default; switching the default keeps exactly one; every write is audited", async () => {
    const t = await tenant();
    const first = await createPriceList(t.ctx, { name: "Standard", description: "Everyone else" });
    const second = await createPriceList(t.ctx, { name: "Wholesale" });
    expect(first.isDefault).toBe(true);
    expect(second.isDefault).toBe(false);
    const switched = await setDefaultPriceList(t.ctx, second.id);
    expect(switched.isDefault).toBe(true);
    const lists = await prisma.priceList.findMany({ where: { companyId: t.company.id }, orderBy: { name: "asc" } });
    expect(lists.map((l) => [l.name, l.isDefault])).toEqual([["Standard", false], ["Wholesale", true]]);
    await setDefaultPriceList(t.ctx, second.id); // already default: no change
    const audit = await prisma.auditLog.findMany({ where: { companyId: t.company.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audit.map((a) => a.action)).toEqual(["price_list.create", "price_list.create", "price_list.set_default"]);
    expect(audit[2]).toMatchObject({ entityId: second.id, before: { defaultPriceList: { id: first.id, name: "Standard" } }, actorUserId: t.user.id });
  });

  it("parallel default switches and parallel first lists still leave exactly one default", async () => {
    const t = await tenant();
    const made = await Promise.allSettled(["A", "B", "C", "D"].map((name) => createPriceList(t.ctx, { name })));
    expect(made.every((m) => m.status === "fulfilled")).toBe(true);
    expect(await prisma.priceList.count({ where: { companyId: t.company.id, isDefault: true } })).toBe(1);
    const ids = (await prisma.priceList.findMany({ where: { companyId: t.company.id } })).map((l) => l.id);
    await Promise.all(ids.map((id) => setDefaultPriceList(t.ctx, id)));
    expect(await prisma.priceList.count({ where: { companyId: t.company.id, isDefault: true } })).toBe(1);
  });

  it("names are unique per company regardless of case; the default must stay active; inactive lists cannot become the default", async () => {
    const t = await tenant();
    const std = await createPriceList(t.ctx, { name: "Standard" });
    await expect(createPriceList(t.ctx, { name: " standard " })).rejects.toMatchObject({ code: "conflict", fieldErrors: { name: expect.any(Array) } });
    const other = await createPriceList(t.ctx, { name: "Hotels", active: false });
    await expect(updatePriceList(t.ctx, other.id, { name: "STANDARD" })).rejects.toMatchObject({ code: "conflict" });
    await expect(updatePriceList(t.ctx, std.id, { active: false })).rejects.toMatchObject({ code: "conflict", fieldErrors: { active: expect.any(Array) } });
    await expect(setDefaultPriceList(t.ctx, other.id)).rejects.toMatchObject({ code: "invalid_transition" });
    await expect(createPriceList(t.ctx, { name: "" })).rejects.toMatchObject({ code: "validation", fieldErrors: { name: ["Name is required"] } });
    await expect(createPriceList(t.ctx, { name: "X", colour: "red" })).rejects.toMatchObject({ code: "validation", fieldErrors: { colour: ["Unknown field"] } });
    const renamed = await updatePriceList(t.ctx, other.id, { name: "Hotels & caterers", description: "HoReCa", active: true });
    expect(renamed).toMatchObject({ name: "Hotels & caterers", description: "HoReCa", active: true, isDefault: false });
    await expect(updatePriceList(t.ctx, other.id, {})).rejects.toMatchObject({ code: "validation" });
  });

  it("a new company's first list cannot be created inactive (it is the default)", async () => {
    const t = await tenant();
    await expect(createPriceList(t.ctx, { name: "Standard", active: false })).rejects.toMatchObject({ code: "validation", fieldErrors: { active: expect.any(Array) } });
  });

  it("delete refuses the default list and lists retailers buy on, naming them; otherwise removes the list and its prices", async () => {
    const t = await tenant();
    const std = await createPriceList(t.ctx, { name: "Standard" });
    const special = await createPriceList(t.ctx, { name: "Special" });
    const p = await createProduct(t.company.id);
    await setItemPrices(t.ctx, special.id, { productId: p.id, slabs: [{ minQty: "1", price: "90" }] });
    const r = await connect(t.company.id, "ACTIVE", special.id);
    const ended = await connect(t.company.id, "ENDED", special.id);
    await expect(deletePriceList(t.ctx, std.id)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("default"), details: { reason: "default" } });
    const err = await deletePriceList(t.ctx, special.id).catch((e) => e);
    expect(err).toMatchObject({ code: "conflict", details: { reason: "assigned", retailers: [{ connectionId: r.connection.id, name: r.retailer.legalName }] } });
    expect(err.message).toContain(r.retailer.legalName);
    expect(err.message).toContain("1 retailer");
    await prisma.connection.update({ where: { id: r.connection.id }, data: { priceListId: null } });
    await deletePriceList(t.ctx, special.id);
    expect(await prisma.priceList.count({ where: { id: special.id } })).toBe(0);
    expect(await prisma.priceListItem.count({ where: { priceListId: special.id } })).toBe(0);
    expect((await prisma.connection.findUniqueOrThrow({ where: { id: ended.connection.id } })).priceListId).toBeNull();
    expect(await prisma.auditLog.findFirst({ where: { companyId: t.company.id, action: "price_list.delete" } })).toMatchObject({ entityId: special.id, before: { name: "Special", itemCount: 1 } });
  });

  it("lists carry item, product and retailer counts; search and active filter", async () => {
    const t = await tenant();
    const std = await createPriceList(t.ctx, { name: "Standard" });
    const ws = await createPriceList(t.ctx, { name: "Wholesale", description: "Bulk buyers" });
    await createPriceList(t.ctx, { name: "Old", active: false });
    const [p1, p2] = await Promise.all([createProduct(t.company.id), createProduct(t.company.id)]);
    await setItemPrices(t.ctx, ws.id, { productId: p1.id, slabs: [{ minQty: "1", price: "90" }, { minQty: "10", price: "85" }] });
    await setItemPrices(t.ctx, ws.id, { productId: p2.id, slabs: [{ minQty: "1", price: "50" }] });
    await connect(t.company.id, "ACTIVE", ws.id);
    await connect(t.company.id, "SUSPENDED", ws.id);
    await connect(t.company.id, "ENDED", ws.id);
    const all = await listPriceLists(t.ctx, {});
    expect(all.total).toBe(3);
    expect(all.items.map((l) => l.name)).toEqual(["Standard", "Wholesale", "Old"]);
    expect(all.items[1]).toMatchObject({ itemCount: 3, productCount: 2, retailerCount: 2 });
    expect(all.items[0]).toMatchObject({ id: std.id, isDefault: true, itemCount: 0, retailerCount: 0 });
    expect((await listPriceLists(t.ctx, { q: "bulk" })).items.map((l) => l.name)).toEqual(["Wholesale"]);
    expect((await listPriceLists(t.ctx, { active: "inactive" })).items.map((l) => l.name)).toEqual(["Old"]);
    expect(await getPriceListOrThrow(t.ctx, ws.id)).toMatchObject({ name: "Wholesale", itemCount: 3, productCount: 2, retailerCount: 2 });
  });

  it("read needs catalog.read, writes need catalog.write", async () => {
    const t = await tenant();
    const list = await createPriceList(t.ctx, { name: "Standard" });
    const sales = await createStaff(t.company.id, "SALES");
    const driver = await createStaff(t.company.id, "DRIVER");
    expect((await listPriceLists(sales.ctx, {})).total).toBe(1);
    await expect(createPriceList(sales.ctx, { name: "Mine" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(setItemPrices(sales.ctx, list.id, { productId: "x", slabs: [] })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listPriceLists(driver.ctx, {})).rejects.toMatchObject({ code: "forbidden" });
    await expect(quotePrices(driver.ctx, { items: [{ productId: "x", quantity: 1 }] })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("item prices", () => {
  it("rejects overlapping rows for the same product and minQty; allows other slabs and back-to-back dates", async () => {
    const t = await tenant();
    const list = await createPriceList(t.ctx, { name: "Standard" });
    const p = await createProduct(t.company.id);
    const april = await upsertPriceListItem(t.ctx, list.id, { productId: p.id, minQty: "10", price: "92", validFrom: "2026-04-01", validTo: "2026-04-30" });
    expect(april).toMatchObject({ minQty: "10", price: "92.00", validFrom: "2026-04-01", validTo: "2026-04-30" });
    const overlap = await upsertPriceListItem(t.ctx, list.id, { productId: p.id, minQty: "10.000", price: "90", validFrom: "2026-04-30" }).catch((e) => e);
    expect(overlap).toMatchObject({ code: "validation", fieldErrors: { validFrom: [expect.stringContaining("₹92.00 price for 10+")] } });
    await expect(upsertPriceListItem(t.ctx, list.id, { productId: p.id, minQty: "10", price: "90" })).rejects.toMatchObject({ code: "validation" });
    await upsertPriceListItem(t.ctx, list.id, { productId: p.id, minQty: "10", price: "90", validFrom: "2026-05-01" });
    await upsertPriceListItem(t.ctx, list.id, { productId: p.id, minQty: "10", price: "94", validTo: "31/03/2026" });
    await upsertPriceListItem(t.ctx, list.id, { productId: p.id, minQty: "1", price: "95" });
    // Editing a row may not move it onto a neighbour either, but may keep its own dates.
    await expect(upsertPriceListItem(t.ctx, list.id, { id: april.id, productId: p.id, minQty: "10", price: "91", validFrom: "2026-04-01", validTo: "2026-05-01" })).rejects.toMatchObject({ code: "validation" });
    const edited = await upsertPriceListItem(t.ctx, list.id, { id: april.id, productId: p.id, minQty: "10", price: "91", validFrom: "2026-04-01", validTo: "2026-04-30" });
    expect(edited).toMatchObject({ id: april.id, price: "91.00" });
    expect(await prisma.priceListItem.count({ where: { priceListId: list.id } })).toBe(4);
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: april.id, action: "price_list_item.update" } });
    expect(audit).toMatchObject({ before: { price: "92.00" }, after: { price: "91.00" } });
  });

  it("rejects a negative or zero price, validFrom after validTo, zero minQty and unknown products, naming the field", async () => {
    const t = await tenant();
    const other = await tenant();
    const list = await createPriceList(t.ctx, { name: "Standard" });
    const p = await createProduct(t.company.id);
    const foreign = await createProduct(other.company.id);
    await expect(upsertPriceListItem(t.ctx, list.id, { productId: p.id, price: "-1" })).rejects.toMatchObject({ fieldErrors: { price: ["Price cannot be negative"] } });
    await expect(upsertPriceListItem(t.ctx, list.id, { productId: p.id, price: -5 })).rejects.toMatchObject({ fieldErrors: { price: ["Price cannot be negative"] } });
    await expect(upsertPriceListItem(t.ctx, list.id, { productId: p.id, price: "12.345" })).rejects.toMatchObject({ fieldErrors: { price: expect.any(Array) } });
    await expect(upsertPriceListItem(t.ctx, list.id, { productId: p.id, price: "10", validFrom: "2026-05-02", validTo: "2026-05-01" })).rejects.toMatchObject({ fieldErrors: { validTo: ["Valid to must be on or after valid from"] } });
    await expect(upsertPriceListItem(t.ctx, list.id, { productId: p.id, price: "10", validFrom: "2026-02-30" })).rejects.toMatchObject({ fieldErrors: { validFrom: expect.any(Array) } });
    await expect(upsertPriceListItem(t.ctx, list.id, { productId: p.id, price: "10", minQty: "0" })).rejects.toMatchObject({ fieldErrors: { minQty: ["Must be more than zero"] } });
    await expect(upsertPriceListItem(t.ctx, list.id, { productId: foreign.id, price: "10" })).rejects.toMatchObject({ code: "validation", fieldErrors: { productId: ["Choose one of your products"] } });
    // A list price of 0 is refused: free goods are marked on the order line, never priced at 0.
    await expect(upsertPriceListItem(t.ctx, list.id, { productId: p.id, price: "0" })).rejects.toMatchObject({ code: "validation", fieldErrors: { price: ["Price must be more than zero"] } });
    await expect(upsertPriceListItem(t.ctx, list.id, { productId: p.id, price: "0.00" })).rejects.toMatchObject({ code: "validation", fieldErrors: { price: ["Price must be more than zero"] } });
    expect(await prisma.priceListItem.count({ where: { priceListId: list.id } })).toBe(0);
  });

  it("setItemPrices replaces a product's slabs, refuses overlaps among them, and empty removes the product", async () => {
    const t = await tenant();
    const list = await createPriceList(t.ctx, { name: "Standard" });
    const p = await createProduct(t.company.id, { name: "Poha 1 kg" });
    const res = await setItemPrices(t.ctx, list.id, { productId: p.id, slabs: [{ minQty: "10", price: "92" }, { minQty: "1", price: "95" }] });
    expect(res.slabs.map((s) => [s.minQty, s.price])).toEqual([["1", "95.00"], ["10", "92.00"]]);
    await expect(setItemPrices(t.ctx, list.id, { productId: p.id, slabs: [{ minQty: "1", price: "95" }, { minQty: "1", price: "90", validFrom: "2026-01-01" }] })).rejects.toMatchObject({
      code: "validation",
      fieldErrors: { "slabs.1.validFrom": [expect.stringContaining("row 1")] },
    });
    await expect(setItemPrices(t.ctx, list.id, { productId: p.id, slabs: [{ minQty: "1", price: "-3" }] })).rejects.toMatchObject({ fieldErrors: { "slabs.0.price": ["Price cannot be negative"] } });
    expect(await prisma.priceListItem.count({ where: { priceListId: list.id } })).toBe(2);
    await setItemPrices(t.ctx, list.id, { productId: p.id, slabs: [] });
    expect(await prisma.priceListItem.count({ where: { priceListId: list.id } })).toBe(0);
    const audits = await prisma.auditLog.findMany({ where: { companyId: t.company.id, action: "price_list.set_prices" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audits).toHaveLength(2);
    expect(audits[1]).toMatchObject({ before: { slabs: [{ minQty: "1" }, { minQty: "10" }] }, after: { slabs: [] } });
  });

  it("lists priced products grouped with their slabs, searchable and paged; deletes single rows", async () => {
    const t = await tenant();
    const list = await createPriceList(t.ctx, { name: "Standard" });
    const other = await createPriceList(t.ctx, { name: "Other" });
    const besan = await createProduct(t.company.id, { name: "Besan 500 g", sku: "BESAN-500" });
    const poha = await createProduct(t.company.id, { name: "Poha 1 kg", sku: "POHA-1KG" });
    const rava = await createProduct(t.company.id, { name: "Rava 1 kg", sku: "RAVA-1KG" });
    await setItemPrices(t.ctx, list.id, { productId: poha.id, slabs: [{ minQty: "1", price: "95" }, { minQty: "10", price: "92" }, { minQty: "50", price: "89.50" }] });
    await setItemPrices(t.ctx, list.id, { productId: besan.id, slabs: [{ minQty: "1", price: "60", validTo: "2020-12-31" }] });
    await setItemPrices(t.ctx, other.id, { productId: rava.id, slabs: [{ minQty: "1", price: "40" }] });
    const page = await listPriceListItems(t.ctx, { priceListId: list.id });
    expect(page.total).toBe(2);
    expect(page.items.map((i) => i.product.sku)).toEqual(["BESAN-500", "POHA-1KG"]);
    expect(page.items[0].slabs[0].state).toBe("expired");
    expect(page.items[1].slabs.map((s) => `${s.minQty}+ ${s.price}`)).toEqual(["1+ 95.00", "10+ 92.00", "50+ 89.50"]);
    expect((await listPriceListItems(t.ctx, { priceListId: list.id, q: "poha" })).items.map((i) => i.product.id)).toEqual([poha.id]);
    const second = await listPriceListItems(t.ctx, { priceListId: list.id, offset: 1, pageSize: 1 });
    expect(second.items.map((i) => i.product.id)).toEqual([poha.id]);
    await deletePriceListItem(t.ctx, list.id, page.items[1].slabs[2].id);
    expect((await listPriceListItems(t.ctx, { priceListId: list.id, q: "POHA" })).items[0].slabs).toHaveLength(2);
    await expect(deletePriceListItem(t.ctx, other.id, page.items[1].slabs[0].id)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("quotes and retailer connections", () => {
  it("staff quote for a retailer on a given day; a retailer quotes only its own active connection", async () => {
    const t = await tenant();
    const p = await createProduct(t.company.id, { basePrice: "100.00" });
    const hidden = await createProduct(t.company.id, { active: false });
    await createPriceList(t.ctx, { name: "Standard" });
    const ws = await createPriceList(t.ctx, { name: "Wholesale" });
    await setItemPrices(t.ctx, ws.id, { productId: p.id, slabs: [{ minQty: "1", price: "85", validFrom: "2026-04-01" }] });
    const r = await connect(t.company.id, "ACTIVE", ws.id);

    const staff = await quotePrices(t.ctx, { connectionId: r.connection.id, date: "2026-04-01", items: [{ productId: p.id, quantity: "2" }] });
    expect(staff).toMatchObject({ companyId: t.company.id, connectionId: r.connection.id, date: "2026-04-01", items: [{ productId: p.id, unitPrice: "85.00", source: "retailer_list" }] });
    expect((await quotePrices(t.ctx, { connectionId: r.connection.id, date: "31/03/2026", items: [{ productId: p.id, quantity: "2" }] })).items[0].unitPrice).toBe("100.00");
    expect((await quotePrices(t.ctx, { items: [{ productId: p.id, quantity: 1 }] })).items[0]).toMatchObject({ source: "base_price" });

    const mine = await quotePrices(ctxFor(r.actor, at("2026-04-02T06:00:00Z")), { companyId: t.company.id, items: [{ productId: p.id, quantity: 1 }] });
    expect(mine).toMatchObject({ connectionId: r.connection.id, date: "2026-04-02", items: [{ unitPrice: "85.00", priceListName: "Wholesale" }] });
    expect((await quotePrices(r.ctx, { connectionId: r.connection.id, items: [{ productId: p.id, quantity: 1 }] })).companyId).toBe(t.company.id);
    await expect(quotePrices(r.ctx, { companyId: t.company.id, items: [{ productId: hidden.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_found" });
    await expect(quotePrices(r.ctx, { items: [{ productId: p.id, quantity: 1 }] })).rejects.toMatchObject({ code: "validation" });

    const suspended = await connect(t.company.id, "SUSPENDED");
    await expect(quotePrices(suspended.ctx, { companyId: t.company.id, items: [{ productId: p.id, quantity: 1 }] })).rejects.toMatchObject({ code: "forbidden" });
    const stranger = await createRetailerUser();
    await expect(quotePrices(stranger.ctx, { companyId: t.company.id, items: [{ productId: p.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_found" });
    await expect(quotePrices(stranger.ctx, { connectionId: r.connection.id, items: [{ productId: p.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_found" });
  });

  it("a retailer of another vendor cannot quote that vendor's products through its own connection", async () => {
    const a = await tenant();
    const b = await tenant();
    const pa = await createProduct(a.company.id);
    const rb = await connect(b.company.id);
    await expect(quotePrices(rb.ctx, { companyId: b.company.id, items: [{ productId: pa.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_found" });
    await expect(quotePrices(rb.ctx, { companyId: a.company.id, items: [{ productId: pa.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_found" });
  });

  it("staff assign a price list to a retailer: own active lists only, null = default; shown on the retailer detail", async () => {
    const t = await tenant();
    const other = await tenant();
    await createPriceList(t.ctx, { name: "Standard" });
    const ws = await createPriceList(t.ctx, { name: "Wholesale" });
    const old = await createPriceList(t.ctx, { name: "Old", active: false });
    const foreign = await createPriceList(other.ctx, { name: "Theirs" });
    const r = await connect(t.company.id);
    const set = await updateConnectionTerms(t.ctx, r.connection.id, { priceListId: ws.id });
    expect(set.priceListId).toBe(ws.id);
    expect(await getRetailerDetailOrThrow(t.ctx, r.connection.id)).toMatchObject({ priceListId: ws.id, priceList: { id: ws.id, name: "Wholesale", active: true, isDefault: false } });
    await expect(updateConnectionTerms(t.ctx, r.connection.id, { priceListId: foreign.id })).rejects.toMatchObject({ code: "validation", fieldErrors: { priceListId: ["Choose one of your price lists"] } });
    await expect(updateConnectionTerms(t.ctx, r.connection.id, { priceListId: old.id })).rejects.toMatchObject({ code: "validation", fieldErrors: { priceListId: [expect.stringContaining("inactive")] } });
    expect((await prisma.connection.findUniqueOrThrow({ where: { id: r.connection.id } })).priceListId).toBe(ws.id);
    expect((await updateConnectionTerms(t.ctx, r.connection.id, { priceListId: "" })).priceListId).toBeNull();
    const audit = await prisma.auditLog.findMany({ where: { entityId: r.connection.id, action: "connection.update_terms" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(audit.map((a) => [a.before, a.after])).toMatchObject([
      [{ priceListId: null }, { priceListId: ws.id }],
      [{ priceListId: ws.id }, { priceListId: null }],
    ]);
  });
});

describe("cross-tenant", () => {
  it("tenant B cannot see, edit, delete, default, price or quote tenant A's lists, nor assign them", async () => {
    const a = await tenant();
    const b = await tenant();
    const list = await createPriceList(a.ctx, { name: "A list" });
    const pa = await createProduct(a.company.id);
    const pb = await createProduct(b.company.id);
    const item = await upsertPriceListItem(a.ctx, list.id, { productId: pa.id, price: "90" });
    const ra = await connect(a.company.id);
    const rb = await connect(b.company.id);
    await expect(getPriceListOrThrow(b.ctx, list.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(updatePriceList(b.ctx, list.id, { name: "Mine" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setDefaultPriceList(b.ctx, list.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(deletePriceList(b.ctx, list.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(listPriceListItems(b.ctx, { priceListId: list.id })).rejects.toMatchObject({ code: "not_found" });
    await expect(upsertPriceListItem(b.ctx, list.id, { productId: pb.id, price: "1" })).rejects.toMatchObject({ code: "not_found" });
    await expect(setItemPrices(b.ctx, list.id, { productId: pb.id, slabs: [] })).rejects.toMatchObject({ code: "not_found" });
    await expect(deletePriceListItem(b.ctx, list.id, item.id)).rejects.toMatchObject({ code: "not_found" });
    await expect(quotePrices(b.ctx, { connectionId: ra.connection.id, items: [{ productId: pb.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_found" });
    await expect(quotePrices(b.ctx, { items: [{ productId: pa.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_found" });
    await expect(quotePrices(b.ctx, { companyId: a.company.id, items: [{ productId: pa.id, quantity: 1 }] })).rejects.toMatchObject({ code: "not_found" });
    await expect(updateConnectionTerms(b.ctx, rb.connection.id, { priceListId: list.id })).rejects.toMatchObject({ code: "validation", fieldErrors: { priceListId: expect.any(Array) } });
    expect((await listPriceLists(b.ctx, {})).total).toBe(0);
    expect(await prisma.priceList.findUniqueOrThrow({ where: { id: list.id } })).toMatchObject({ name: "A list", isDefault: true });
    expect(await prisma.priceListItem.count({ where: { priceListId: list.id } })).toBe(1);
  });
});

describe("REST: price lists, items and quotes", () => {
  const tokenFor = async (t: Tenant) => (await issueTokenPair(prisma, t.actor)).accessToken;

  it("create, list, edit items, default, quote and delete over HTTP; other tenants get 404", async () => {
    const a = await tenant();
    const b = await tenant();
    const [ta, tb] = await Promise.all([tokenFor(a), tokenFor(b)]);
    const p = await createProduct(a.company.id, { basePrice: "100.00" });
    const std = await call(listsRoute.POST, { method: "POST", token: ta, body: { name: "Standard" } });
    expect(std.status).toBe(201);
    expect(std.json).toMatchObject({ name: "Standard", isDefault: true, active: true });
    const ws = await call(listsRoute.POST, { method: "POST", token: ta, body: { name: "Wholesale" } });
    const bad = await call(listsRoute.POST, { method: "POST", token: ta, body: { name: "" } });
    expect(bad.status).toBe(400);
    expect(bad.json.errors).toEqual({ name: ["Name is required"] });

    const put = await call(itemsRoute.PUT, { method: "PUT", token: ta, params: { id: ws.json.id }, body: { productId: p.id, slabs: [{ minQty: 1, price: "95" }, { minQty: 10, price: "92.00" }] } });
    expect(put.status).toBe(200);
    expect(put.json.slabs).toHaveLength(2);
    const added = await call(itemsRoute.POST, { method: "POST", token: ta, params: { id: ws.json.id }, body: { productId: p.id, minQty: "50", price: "89.50" } });
    expect(added.status).toBe(201);
    const clash = await call(itemsRoute.POST, { method: "POST", token: ta, params: { id: ws.json.id }, body: { productId: p.id, minQty: "50", price: "88" } });
    expect(clash.status).toBe(400);
    expect(clash.json.errors.validFrom[0]).toContain("Overlaps");
    const items = await call(itemsRoute.GET, { token: ta, params: { id: ws.json.id }, path: `/api/v1/price-lists/${ws.json.id}/items?limit=10` });
    expect(items.json).toMatchObject({ total: 1, nextCursor: null, data: [{ product: { id: p.id }, slabs: [{ minQty: "1" }, { minQty: "10" }, { minQty: "50" }] }] });

    expect((await call(defaultRoute.POST, { method: "POST", token: ta, params: { id: ws.json.id } })).json.isDefault).toBe(true);
    const quote = await call(quotesRoute.POST, { method: "POST", token: ta, body: { items: [{ productId: p.id, quantity: "12" }] } });
    expect(quote.json.items[0]).toMatchObject({ unitPrice: "92.00", source: "default_list", nextSlab: { minQty: "50", unitPrice: "89.50" } });

    const list = await call(listsRoute.GET, { token: ta, path: "/api/v1/price-lists?limit=1" });
    expect(list.json).toMatchObject({ total: 2, data: [{ name: "Wholesale", isDefault: true, itemCount: 3 }], nextCursor: expect.any(String) });

    expect((await call(listRoute.GET, { token: tb, params: { id: ws.json.id } })).status).toBe(404);
    expect((await call(listRoute.PATCH, { method: "PATCH", token: tb, params: { id: ws.json.id }, body: { name: "x" } })).status).toBe(404);
    expect((await call(itemsRoute.GET, { token: tb, params: { id: ws.json.id } })).status).toBe(404);
    expect((await call(itemRoute.DELETE, { method: "DELETE", token: tb, params: { id: ws.json.id, itemId: added.json.id } })).status).toBe(404);
    expect((await call(listRoute.DELETE, { method: "DELETE", token: tb, params: { id: std.json.id } })).status).toBe(404);

    const refused = await call(listRoute.DELETE, { method: "DELETE", token: ta, params: { id: ws.json.id } });
    expect(refused.status).toBe(409);
    expect(refused.json).toMatchObject({ code: "conflict", reason: "default" });
    expect((await call(itemRoute.DELETE, { method: "DELETE", token: ta, params: { id: ws.json.id, itemId: added.json.id } })).status).toBe(204);
    expect((await call(listRoute.PATCH, { method: "PATCH", token: ta, params: { id: std.json.id }, body: { description: "Walk-in" } })).json.description).toBe("Walk-in");
    expect((await call(listRoute.DELETE, { method: "DELETE", token: ta, params: { id: std.json.id } })).status).toBe(204);
    expect((await call(listRoute.GET, { token: ta, params: { id: std.json.id } })).status).toBe(404);
  });

  it("a retailer token quotes its vendor's prices", async () => {
    const v = await tenant();
    const p = await createProduct(v.company.id, { basePrice: "70.00" });
    const r = await connect(v.company.id);
    const token = (await issueTokenPair(prisma, r.actor)).accessToken;
    const ok = await call(quotesRoute.POST, { method: "POST", token, body: { companyId: v.company.id, items: [{ productId: p.id, quantity: 2 }] } });
    expect(ok.status).toBe(200);
    expect(ok.json.items[0]).toMatchObject({ unitPrice: "70.00", source: "base_price" });
    const other = await tenant();
    expect((await call(quotesRoute.POST, { method: "POST", token, body: { companyId: other.company.id, items: [{ productId: p.id, quantity: 2 }] } })).status).toBe(404);
    expect((await call(listsRoute.GET, { token })).status).toBe(403);
  });
});
