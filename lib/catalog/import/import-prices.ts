import "server-only";
// Item prices from a CSV or XLSX file: one row per price (list, SKU, min qty, price, validity). A row
// with the same list, SKU, min qty and valid-from as a stored price updates it; others are added,
// unless they share a day with another price of the same product and min qty.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import { mapHeader, sortErrors, type PriceColumn, type RowError } from "@/lib/catalog/import/columns";
import { auditRows, chunks, type ImportResult, importFailed, lockImport, newId } from "@/lib/catalog/import/import-support";
import { readSheet, type Sheet } from "@/lib/catalog/import/read-sheet";
import { quantityUnitError } from "@/lib/catalog/units";
import type { Ctx } from "@/lib/ctx";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { formatINR } from "@/lib/format";
import { Prisma } from "@/lib/generated/prisma/client";
import { dbDateToDay, describeRange, rangesOverlap } from "@/lib/pricing/dates";
import { lockPriceLists } from "@/lib/pricing/price-lists";
import { priceSlabInput } from "@/lib/pricing/pricing.schemas";

type Db = PrismaClient | Tx;

export async function importPrices(ctx: Ctx, input: { bytes: Buffer | undefined; contentType: string | null; dryRun: boolean }): Promise<ImportResult> {
  assertCan(ctx.actor, "catalog.write");
  const sheet = await readSheet(input.bytes, input.contentType);
  const companyId = ctx.actor.companyId;
  const summary = (p: Plan, dryRun: boolean): ImportResult => ({ kind: "prices", dryRun, format: sheet.format, rows: sheet.rows.length, toCreate: p.creates.length, toUpdate: p.updates.length, unchanged: p.unchanged, errors: sortErrors(p.errors) });
  if (input.dryRun) return summary(await planPrices(ctx.db, companyId, sheet), true);

  return ctx.db.$transaction(
    async (tx) => {
      await lockImport(tx, companyId);
      await lockPriceLists(tx, companyId);
      const plan = await planPrices(tx, companyId, sheet);
      const result = summary(plan, false);
      if (plan.errors.length) throw importFailed(result);
      const now = ctx.now();
      const made = plan.creates.map((c) => ({ id: newId(), priceListId: c.priceListId, productId: c.productId, minQty: c.minQty, price: c.price, validFrom: c.validFrom, validTo: c.validTo }));
      for (const chunk of chunks(made, 2000)) {
        await tx.$executeRaw`
          INSERT INTO "PriceListItem" (id, "companyId", "priceListId", "productId", "minQty", price, "validFrom", "validTo", "createdAt", "updatedAt")
          SELECT v.id, ${companyId}, v."priceListId", v."productId", v."minQty", v.price, v."validFrom", v."validTo", ${now}, ${now}
          FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) AS v(id text, "priceListId" text, "productId" text, "minQty" numeric, price numeric, "validFrom" date, "validTo" date)`;
      }
      for (const chunk of chunks(plan.updates, 1000)) {
        const values = chunk.map((u) => ({ id: u.id, price: u.price, validTo: u.validTo }));
        await tx.$executeRaw`
          UPDATE "PriceListItem" i SET price = v.price, "validTo" = v."validTo", "updatedAt" = ${now}
          FROM jsonb_to_recordset(${JSON.stringify(values)}::jsonb) AS v(id text, price numeric, "validTo" date)
          WHERE i.id = v.id AND i."companyId" = ${companyId}`;
      }
      await auditRows(ctx, tx, [
        ...made.map(({ id, ...after }) => ({ action: "price_list_item.import_create", entityType: "PriceListItem", entityId: id, after })),
        ...plan.updates.map((u) => ({ action: "price_list_item.import_update", entityType: "PriceListItem", entityId: u.id, before: u.before, after: { price: u.price, validTo: u.validTo } })),
      ]);
      await recordAudit(ctx, tx, { action: "price_list.import", entityType: "Import", entityId: ctx.requestId, after: { format: sheet.format, rows: result.rows, created: result.toCreate, updated: result.toUpdate, unchanged: result.unchanged } });
      return result;
    },
    { timeout: 5 * 60_000, maxWait: 30_000 },
  );
}

// ---------------------------------------------------------------------------------------------

type FileRow = { row: number; priceListId: string; productId: string; minQty: string; price: string; validFrom: string | null; validTo: string | null };
type Plan = {
  errors: RowError[];
  creates: FileRow[];
  updates: { id: string; price: string; validTo: string | null; before: { price: string; validTo: string | null } }[];
  unchanged: number;
};

const FIELD_COLUMN: Record<string, PriceColumn> = { minQty: "min_qty", price: "price", validFrom: "valid_from", validTo: "valid_to" };

async function planPrices(db: Db, companyId: string, sheet: Sheet): Promise<Plan> {
  const plan: Plan = { errors: [], creates: [], updates: [], unchanged: 0 };
  const { index, errors } = mapHeader<PriceColumn>(sheet.header, "prices", ["price_list", "sku", "price"]);
  if (errors.length) {
    plan.errors = errors;
    return plan;
  }
  const cell = (cells: string[], c: PriceColumn) => (index.has(c) ? (cells[index.get(c)!] ?? "") : "");
  const lists = new Map((await db.priceList.findMany({ where: { companyId }, select: { id: true, name: true } })).map((l) => [l.name.toLowerCase(), l]));
  const skus = [...new Set(sheet.rows.map((r) => cell(r.cells, "sku").toUpperCase()).filter(Boolean))];
  const products = new Map<string, { id: string; unit: string }>();
  for (const chunk of chunks(skus, 5000)) for (const p of await db.product.findMany({ where: { companyId, sku: { in: chunk } }, select: { id: true, sku: true, unit: true } })) products.set(p.sku, p);

  const rows: FileRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const { row, cells } of sheet.rows) {
    const err = (column: string, message: string) => plan.errors.push({ row, column, message });
    const listName = cell(cells, "price_list");
    const list = lists.get(listName.toLowerCase());
    if (!listName) err("price_list", "Name the price list");
    else if (!list) err("price_list", `No price list named “${listName}”. Create it first or fix the name.`);
    const sku = cell(cells, "sku").toUpperCase();
    const product = products.get(sku);
    const productId = product?.id;
    if (!sku) err("sku", "SKU is required");
    else if (!productId) err("sku", `No product with SKU ${sku}`);
    const slab = priceSlabInput.safeParse({ minQty: cell(cells, "min_qty"), price: cell(cells, "price"), validFrom: cell(cells, "valid_from"), validTo: cell(cells, "valid_to") });
    if (!slab.success) for (const issue of slab.error.issues) err(FIELD_COLUMN[String(issue.path[0])] ?? "price", issue.message);
    const unitError = product && slab.success ? quantityUnitError(slab.data.minQty, product.unit, "Minimum quantity") : null;
    if (unitError) err("min_qty", unitError);
    if (!list || !productId || !slab.success || unitError) continue;
    const r: FileRow = { row, priceListId: list.id, productId, minQty: slab.data.minQty, price: slab.data.price, validFrom: slab.data.validFrom ?? null, validTo: slab.data.validTo ?? null };
    const key = `${groupKey(r.priceListId, r.productId, r.minQty)}|${r.validFrom ?? ""}`;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      err("valid_from", `The same price (list, SKU, min qty and valid from) is on row ${first}`);
      continue;
    }
    firstRowOf.set(key, row);
    rows.push(r);
  }

  // Stored prices of the same products in the same lists, grouped by product and min qty.
  const stored = new Map<string, { id: string; price: Prisma.Decimal; minQty: Prisma.Decimal; validFrom: string | null; validTo: string | null }[]>();
  const listIds = [...new Set(rows.map((r) => r.priceListId))];
  for (const chunk of chunks([...new Set(rows.map((r) => r.productId))], 5000)) {
    const items = await db.priceListItem.findMany({ where: { companyId, priceListId: { in: listIds }, productId: { in: chunk } } });
    for (const i of items) {
      const k = groupKey(i.priceListId, i.productId, i.minQty.toFixed());
      (stored.get(k) ?? stored.set(k, []).get(k)!).push({ id: i.id, price: i.price, minQty: i.minQty, validFrom: dbDateToDay(i.validFrom), validTo: dbDateToDay(i.validTo) });
    }
  }
  const fileByGroup = new Map<string, FileRow[]>();
  for (const r of rows) {
    const k = groupKey(r.priceListId, r.productId, r.minQty);
    (fileByGroup.get(k) ?? fileByGroup.set(k, []).get(k)!).push(r);
  }
  for (const [k, group] of fileByGroup) {
    const existing = stored.get(k) ?? [];
    const matched = new Set<string>();
    const actions: { r: FileRow; match?: (typeof existing)[number] }[] = group.map((r) => {
      const match = existing.find((e) => e.validFrom === r.validFrom);
      if (match) matched.add(match.id);
      return { r, match };
    });
    let clean = true;
    group.forEach((r, j) => {
      const range = { from: r.validFrom, to: r.validTo };
      const earlier = group.slice(0, j).find((o) => rangesOverlap(range, { from: o.validFrom, to: o.validTo }));
      const other = existing.find((e) => !matched.has(e.id) && rangesOverlap(range, { from: e.validFrom, to: e.validTo }));
      if (earlier) plan.errors.push({ row: r.row, column: "valid_from", message: `Shares dates with row ${earlier.row} (same list, SKU and min qty)` });
      else if (other) plan.errors.push({ row: r.row, column: "valid_from", message: `Overlaps the stored ${formatINR(other.price)} price for ${other.minQty.toFixed()}+ (${describeRange(other.validFrom, other.validTo)})` });
      if (earlier || other) clean = false;
    });
    if (!clean) continue;
    for (const { r, match } of actions) {
      if (!match) plan.creates.push(r);
      else if (!match.price.eq(r.price) || match.validTo !== r.validTo) plan.updates.push({ id: match.id, price: r.price, validTo: r.validTo, before: { price: match.price.toFixed(2), validTo: match.validTo } });
      else plan.unchanged++;
    }
  }
  return plan;
}

const groupKey = (priceListId: string, productId: string, minQty: string) => `${priceListId}|${productId}|${new Prisma.Decimal(minQty).toFixed(3)}`;
