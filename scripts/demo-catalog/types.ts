// Shapes of the demo catalog tables (one file per vendor) that scripts/seed.ts turns into
// categories, products, price lists, warehouses and stock documents through the domain functions.
import type { UnitCode } from "../../lib/catalog/units";
import type { AdjustmentReason } from "../../lib/inventory/inventory.schemas";

export type DemoCategory = { name: string; children?: DemoCategory[] };

export type DemoProduct = {
  sku: string;
  name: string;
  /** Name of a category in the vendor's tree (names are unique within one vendor's tree). */
  category: string;
  brand: string;
  hsnCode: string;
  /** Rate in force since 22 Sep 2025 (GST rate rationalisation). */
  gstRate: string;
  unit: UnitCode;
  /** Pack conversion: e.g. ["BOX", 24] = one box holds 24 units; `sellInPacks` = only whole packs. */
  pack?: [UnitCode, number];
  sellInPacks?: boolean;
  /** Printed MRP per unit, tax inclusive; null for institutional/bulk packs ("not for retail sale"). */
  mrp: string | null;
  /** Trade price per unit to the retailer, excluding GST. */
  price: string;
  cost: string;
  moq: number;
  reorder: number;
  description?: string;
  active?: boolean;
  /** Make a barcode: true for retail packs (EAN-13 from the vendor's prefix and the product's position). */
  barcode?: boolean;
  /** Who supplies it (key into the vendor's suppliers) and the quantity of each receipt round (oldest first). */
  supplier: string;
  recv: number[];
  /** Its own lead time when it differs from its supplier's; null: none (the reorder report's default applies). */
  leadTime?: number | null;
};

/** `leadTimeDays`: days from ordering to receiving this supplier's goods; without it, its products have no lead time of their own. */
export type DemoSupplier = { key: string; name: string; invoicePrefix: string; firstNo: number; leadTimeDays?: number };

/** An offer window relative to today: "current" = first day of last month … last day of next month. */
export type OfferWindow = "current" | "expired";

export type DemoPriceItem = { sku: string; price: string; minQty?: number; offer?: OfferWindow };
export type DemoPriceList = { name: string; description: string; isDefault?: boolean; items: DemoPriceItem[] };

export type DemoWarehouse = {
  code: string;
  name: string;
  addressLine1: string;
  addressLine2: string | null;
  city: string;
  stateCode: string;
  pincode: string;
  isDefault: boolean;
};

/** A transfer between two warehouses; its notes identify it (the seed creates it once). */
export type DemoTransfer = { from: string; to: string; notes: string; lines: { sku: string; qty: number }[]; /** Booked this many days ago (default: a few days after the second receipt round). */ daysAgo?: number };
/** A stock adjustment of one product; reason code + note identify it (the seed makes it once). */
export type DemoAdjustment = { warehouse: string; sku: string; delta: number; reason: AdjustmentReason; note: string; /** Booked this many days ago (default: spread after the transfers). */ daysAgo?: number };
/** A physical count: every listed product counted; products not listed are counted as expected. */
export type DemoStockCount = { warehouse: string; notes: string; differences: { sku: string; delta: number }[]; /** Posted this many days ago (default 2). */ daysAgo?: number };

export type DemoCatalog = {
  company: string;
  /** GS1 India company prefix for this vendor's own barcodes (890 + 6 digits). */
  barcodePrefix: string;
  categories: DemoCategory[];
  products: DemoProduct[];
  suppliers: DemoSupplier[];
  /** Days before today of each receipt round; `recv[i]` of a product lands in round i. */
  receiptRounds: number[];
  /** The warehouse receipts go to (the default one). */
  receiveInto: string;
  priceLists: DemoPriceList[];
  /** Which retailer (seed key) buys on which list. */
  connectionLists: { retailer: string; priceList: string }[];
  warehouses: DemoWarehouse[];
  transfers: DemoTransfer[];
  adjustments: DemoAdjustment[];
  stockCounts: DemoStockCount[];
};

/** A demo product's lead time: its own, else its supplier's; null leaves it to the reorder report's default. */
export function demoLeadTime(c: Pick<DemoCatalog, "suppliers">, p: Pick<DemoProduct, "supplier" | "leadTime">): number | null {
  if (p.leadTime !== undefined) return p.leadTime;
  return c.suppliers.find((s) => s.key === p.supplier)?.leadTimeDays ?? null;
}

/** EAN-13 from 12 digits: the check digit weights digits 1,3,1,3… from the left. */
export function ean13(twelve: string): string {
  if (!/^\d{12}$/.test(twelve)) throw new Error(`ean13 needs 12 digits, got ${twelve}`);
  const sum = [...twelve].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return twelve + String((10 - (sum % 10)) % 10);
}

/** `price` less `pct` percent, rounded to the nearest `stepPaise` (default 10 paise), as a decimal string. */
export function less(price: string, pct: number, stepPaise = 10): string {
  const [r, p = "0"] = price.split(".");
  const paise = Number(r) * 100 + Number(p.padEnd(2, "0").slice(0, 2));
  const cut = Math.round((paise * (100 - pct)) / 100 / stepPaise) * stepPaise;
  return `${Math.floor(cut / 100)}.${String(cut % 100).padStart(2, "0")}`;
}

/** Price-list rows for quantity slabs: `[[minQty, pctOff], …]` off the product's trade price. */
export function slabs(products: DemoProduct[], sku: string, steps: [number, number][]): DemoPriceItem[] {
  const p = products.find((x) => x.sku === sku);
  if (!p) throw new Error(`price list names unknown SKU ${sku}`);
  return steps.map(([minQty, pct]) => ({ sku, minQty, price: less(p.price, pct) }));
}
