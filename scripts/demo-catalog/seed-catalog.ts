// Turns the demo catalog tables (sgaf.ts, nvrt.ts, kcdb.ts) into rows through the domain
// functions people use in the app: createWarehouse, createCategory, createProduct, createPriceList + setItemPrices,
// updateConnectionTerms (price list of a retailer), createGoodsReceipt, createTransfer, adjustStock
// and createStockCount/saveCountLines/postStockCount. So stock only ever enters through the ledger.
//
// Idempotent: every record is looked up by its natural key first (warehouse code, category name
// under its parent, SKU, price list name, a product's rows in a list, supplier + invoice number,
// transfer/count notes, adjustment reason) and only created when missing; a second run changes
// nothing and keeps edits made in the app.
import { loadActor } from "@/lib/auth/load-actor";
import { createCategory } from "@/lib/catalog/create-category";
import { createProduct } from "@/lib/catalog/create-product";
import { makeCtx } from "@/lib/ctx";
import type { PrismaClient } from "@/lib/db/client";
import { adjustStock } from "@/lib/inventory/adjust-stock";
import { createGoodsReceipt } from "@/lib/inventory/goods-receipts";
import { ADJUSTMENT_REASONS } from "@/lib/inventory/inventory.schemas";
import { createStockCount, postStockCount, saveCountLines } from "@/lib/inventory/stock-counts";
import { createTransfer } from "@/lib/inventory/transfers";
import { createWarehouse } from "@/lib/inventory/warehouses";
import { updateConnectionTerms } from "@/lib/network/connections";
import { istDay, startOfIstDay } from "@/lib/pricing/dates";
import { setItemPrices } from "@/lib/pricing/price-list-items";
import { createPriceList, setDefaultPriceList } from "@/lib/pricing/price-lists";
import { kcdb } from "./kcdb";
import { nvrt } from "./nvrt";
import { sgaf } from "./sgaf";
import { demoLeadTime, ean13, type DemoCatalog, type DemoCategory, type DemoPriceItem, type OfferWindow } from "./types";

/** Who does what at each vendor: the owner keeps the catalog, the godown staff book the stock. */
const people: Record<string, { catalog: string; stock: string }> = {
  SGAF: { catalog: "owner@shreeganesh.example", stock: "sunil.pawar@shreeganesh.example" },
  NVRT: { catalog: "hitesh@navrangtextiles.example", stock: "mahesh.rathod@navrangtextiles.example" },
  KCDB: { catalog: "suresh@kaveridistributors.example", stock: "lakshmi.narayan@kaveridistributors.example" },
};

export const demoCatalogs: DemoCatalog[] = [sgaf, nvrt, kcdb];

type Ids = { companyIds: Map<string, string>; userIds: Map<string, string>; retailerIds: Map<string, string> };

/** The three vendors are independent tenants, so they are seeded side by side. */
export async function seedCatalogs(db: PrismaClient, ids: Ids, now = new Date()) {
  await Promise.all(demoCatalogs.map((catalog) => seedCatalog(db, ids, catalog, now)));
}

async function seedCatalog(db: PrismaClient, ids: Ids, c: DemoCatalog, now: Date) {
  const companyId = ids.companyIds.get(c.company)!;
  const ctxFor = async (email: string) => {
    const actor = await loadActor(db, ids.userIds.get(email)!, companyId);
    if (!actor) throw new Error(`seed: ${email} cannot act for ${c.company}`);
    return makeCtx(actor, { db, now: () => now });
  };
  const catalogCtx = await ctxFor(people[c.company].catalog);
  const stockCtx = await ctxFor(people[c.company].stock);
  // The godown books each movement on its own day (the ledger is dated by the acting clock), so the
  // stock report's periods, slow movers and ageing have a history: 11:00 IST, `daysAgo` days back.
  const stockCtxAt = (daysAgo: number) => ({ ...stockCtx, now: () => new Date(Math.min(now.getTime() - 60_000, startOfIstDay(istDay(new Date(now.getTime() - daysAgo * 86_400_000))).getTime() + 11 * 3_600_000)) });

  // Warehouses.
  const warehouseIds = new Map<string, string>();
  for (const w of c.warehouses) {
    const found = await db.warehouse.findFirst({ where: { companyId, code: w.code }, select: { id: true } });
    warehouseIds.set(w.code, found?.id ?? (await createWarehouse(stockCtx, w)).id);
  }

  // Category tree.
  const categoryIds = new Map<string, string>();
  const walk = async (nodes: DemoCategory[], parentId: string | null) => {
    for (const n of nodes) {
      const found = await db.category.findFirst({ where: { companyId, parentId, name: n.name }, select: { id: true } });
      const id = found?.id ?? (await createCategory(catalogCtx, { name: n.name, parentId })).id;
      categoryIds.set(n.name, id);
      if (n.children) await walk(n.children, id);
    }
  };
  await walk(c.categories, null);

  // Products.
  const productIds = new Map<string, string>();
  const existing = new Map((await db.product.findMany({ where: { companyId, sku: { in: c.products.map((p) => p.sku) } }, select: { id: true, sku: true } })).map((p) => [p.sku, p.id]));
  for (const [i, p] of c.products.entries()) {
    let id = existing.get(p.sku);
    if (!id) {
      const categoryId = categoryIds.get(p.category);
      if (!categoryId) throw new Error(`seed: ${p.sku} names unknown category ${p.category}`);
      id = (
        await createProduct(catalogCtx, {
          sku: p.sku,
          name: p.name,
          description: p.description ?? null,
          categoryId,
          brand: p.brand,
          hsnCode: p.hsnCode,
          gstRate: p.gstRate,
          unit: p.unit,
          packUnit: p.pack?.[0] ?? null,
          packSize: p.pack ? String(p.pack[1]) : null,
          sellInPacks: p.sellInPacks ?? false,
          mrp: p.mrp,
          basePrice: p.price,
          costPrice: p.cost,
          taxInclusive: false,
          barcode: p.barcode ? ean13(c.barcodePrefix + String(i + 1).padStart(3, "0")) : null,
          active: p.active ?? true,
          minOrderQty: String(p.moq),
          reorderLevel: String(p.reorder),
          leadTimeDays: demoLeadTime(c, p),
        })
      ).id;
    }
    productIds.set(p.sku, id);
  }
  const productId = (sku: string) => {
    const id = productIds.get(sku);
    if (!id) throw new Error(`seed: ${c.company} data names unknown SKU ${sku}`);
    return id;
  };

  // Price lists: each product's rows in a list are written once (when the list has none for it).
  const today = istDay(now);
  const priceListIds = new Map<string, string>();
  for (const l of c.priceLists) {
    let list = await db.priceList.findFirst({ where: { companyId, name: l.name }, select: { id: true, isDefault: true } });
    if (!list) {
      const created = await createPriceList(catalogCtx, { name: l.name, description: l.description });
      list = { id: created.id, isDefault: created.isDefault };
      if (l.isDefault && !list.isDefault) await setDefaultPriceList(catalogCtx, list.id);
    }
    priceListIds.set(l.name, list.id);
    const priced = new Set((await db.priceListItem.findMany({ where: { companyId, priceListId: list.id }, select: { productId: true }, distinct: ["productId"] })).map((r) => r.productId));
    const bySku = new Map<string, DemoPriceItem[]>();
    for (const item of l.items) bySku.set(item.sku, [...(bySku.get(item.sku) ?? []), item]);
    for (const [sku, rows] of bySku) {
      const pid = productId(sku);
      if (priced.has(pid)) continue;
      await setItemPrices(catalogCtx, list.id, {
        productId: pid,
        slabs: rows.map((r) => ({ minQty: String(r.minQty ?? 1), price: r.price, ...(r.offer ? offerWindow(today, r.offer) : {}) })),
      });
    }
  }

  // Retailers on their price lists (only where none is set, so a change made in the app stays).
  for (const a of c.connectionLists) {
    const conn = await db.connection.findFirst({ where: { companyId, retailerId: ids.retailerIds.get(a.retailer)! }, select: { id: true, priceListId: true } });
    if (conn && !conn.priceListId) await updateConnectionTerms(catalogCtx, conn.id, { priceListId: priceListIds.get(a.priceList)! });
  }

  // Goods receipts: one per supplier per round, suppliers' deliveries spread over a few days around
  // the round, created oldest first so GRN numbers follow the dates.
  const suppliers = new Map(c.suppliers.map((s) => [s.key, s]));
  const receipts = c.receiptRounds.flatMap((daysAgo, round) =>
    c.suppliers.map((s, seq) => ({ s, round, seq, daysAgo: daysAgo + ((seq * 3) % 5), lines: c.products.filter((p) => p.supplier === s.key && (p.recv[round] ?? 0) > 0) })),
  );
  receipts.sort((a, b) => b.daysAgo - a.daysAgo || a.seq - b.seq);
  for (const { s, round, seq, daysAgo, lines } of receipts) {
    if (lines.length === 0) continue;
    const invoiceNo = `${s.invoicePrefix}${s.firstNo + round * 37 + seq}`;
    const found = await db.goodsReceipt.findFirst({ where: { companyId, supplierName: s.name, supplierInvoiceNo: invoiceNo }, select: { id: true } });
    if (found) continue;
    await createGoodsReceipt(stockCtxAt(daysAgo), {
      warehouseId: warehouseIds.get(c.receiveInto)!,
      supplierName: s.name,
      supplierInvoiceNo: invoiceNo,
      receivedDate: istDay(new Date(now.getTime() - daysAgo * 86_400_000)),
      notes: round === 0 ? "Opening stock for the season" : null,
      lines: lines.map((p) => ({ productId: productId(p.sku), quantity: String(p.recv[round]), unitCost: costOfRound(p.cost, round) })),
    });
  }
  for (const p of c.products) if (!suppliers.has(p.supplier)) throw new Error(`seed: ${p.sku} names unknown supplier ${p.supplier}`);

  // Transfers between warehouses: by default a few days after the second round of receipts.
  const afterSecondRound = Math.max(1, (c.receiptRounds[1] ?? 5) - 4);
  for (const t of c.transfers) {
    const found = await db.stockTransfer.findFirst({ where: { companyId, notes: t.notes }, select: { id: true } });
    if (found) continue;
    await createTransfer(stockCtxAt(t.daysAgo ?? afterSecondRound), {
      fromWarehouseId: warehouseIds.get(t.from)!,
      toWarehouseId: warehouseIds.get(t.to)!,
      notes: t.notes,
      lines: t.lines.map((l) => ({ productId: productId(l.sku), quantity: String(l.qty) })),
    });
  }

  // Adjustments (damaged, expired, found, …): the ledger row's reason identifies each one.
  for (const [i, a] of c.adjustments.entries()) {
    const reason = `${ADJUSTMENT_REASONS[a.reason]}: ${a.note}`;
    const pid = productId(a.sku);
    const wid = warehouseIds.get(a.warehouse)!;
    const found = await db.stockMovement.findFirst({ where: { companyId, productId: pid, warehouseId: wid, kind: "ADJUSTMENT", reason }, select: { id: true } });
    if (found) continue;
    await adjustStock(stockCtxAt(a.daysAgo ?? Math.max(1, afterSecondRound - 2 - i * 4)), { productId: pid, warehouseId: wid, quantity: String(a.delta), reason: a.reason, note: a.note });
  }

  // Physical counts, posted: counted = on hand except the listed differences.
  for (const sc of c.stockCounts) {
    const found = await db.stockCount.findFirst({ where: { companyId, notes: sc.notes }, select: { id: true } });
    if (found) continue;
    const wid = warehouseIds.get(sc.warehouse)!;
    const levels = await db.stockLevel.findMany({ where: { companyId, warehouseId: wid, onHand: { gt: 0 } }, select: { productId: true, onHand: true } });
    const countCtx = stockCtxAt(sc.daysAgo ?? 2);
    const count = await createStockCount(countCtx, { warehouseId: wid, productIds: levels.map((l) => l.productId), notes: sc.notes });
    const delta = new Map(sc.differences.map((d) => [productId(d.sku), d.delta]));
    await saveCountLines(countCtx, count.id, { lines: levels.map((l) => ({ productId: l.productId, countedQty: l.onHand.plus(delta.get(l.productId) ?? 0).toFixed(3) })) });
    await postStockCount(countCtx, count.id);
  }
}

/** A receipt's unit cost moves a little from round to round, as purchase prices do. */
function costOfRound(cost: string, round: number) {
  const paise = Math.round(Number(cost) * 100 * [0.98, 1, 1.02][round % 3]);
  return `${Math.floor(paise / 100)}.${String(paise % 100).padStart(2, "0")}`;
}

/** current: first day of last month … last day of next month; expired: 45 … 8 days ago. */
function offerWindow(today: string, w: OfferWindow): { validFrom: string; validTo: string } {
  const [y, m] = today.split("-").map(Number);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  if (w === "current") return { validFrom: day(new Date(Date.UTC(y, m - 2, 1))), validTo: day(new Date(Date.UTC(y, m + 1, 0))) };
  const t = Date.parse(`${today}T00:00:00Z`);
  return { validFrom: day(new Date(t - 45 * 86_400_000)), validTo: day(new Date(t - 8 * 86_400_000)) };
}
