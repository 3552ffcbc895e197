import "server-only";
// A price list's prices (or every list's) as CSV or XLSX, in the price import's columns.
import { assertCan } from "@/lib/auth/permissions";
import { writeSheet, type Cell, type ExportFile } from "@/lib/catalog/export/write-sheet";
import { exportPricesInput } from "@/lib/catalog/export/export.schemas";
import { PRICE_COLUMNS, PRICE_NUMBER_COLUMNS } from "@/lib/catalog/import/columns";
import type { Ctx } from "@/lib/ctx";
import { notFound } from "@/lib/errors";
import { dbDateToDay, istDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

export async function exportPrices(ctx: Ctx, input: unknown): Promise<ExportFile> {
  assertCan(ctx.actor, "catalog.read");
  const f = parseInput(exportPricesInput, input);
  const companyId = ctx.actor.companyId;
  const lists = await ctx.db.priceList.findMany({ where: { companyId, ...(f.priceListId ? { id: f.priceListId } : {}) }, select: { id: true, name: true }, orderBy: [{ isDefault: "desc" }, { name: "asc" }] });
  if (f.priceListId && lists.length === 0) throw notFound("Price list");
  const rows: Cell[][] = [];
  for (const list of lists) {
    const items = await ctx.db.priceListItem.findMany({
      where: { companyId, priceListId: list.id },
      include: { product: { select: { sku: true } } },
      orderBy: [{ product: { sku: "asc" } }, { minQty: "asc" }, { validFrom: { sort: "asc", nulls: "first" } }],
    });
    for (const i of items) rows.push([list.name, i.product.sku, i.minQty.toFixed(), i.price.toFixed(2), dbDateToDay(i.validFrom), dbDateToDay(i.validTo)]);
  }
  const base = lists.length === 1 ? `prices-${slug(lists[0].name)}` : "prices";
  return writeSheet(f.format, { name: "Prices", columns: PRICE_COLUMNS, rows, numberFormats: PRICE_NUMBER_COLUMNS }, `${base}-${istDay(ctx.now())}`);
}

function slug(s: string) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "list";
}
