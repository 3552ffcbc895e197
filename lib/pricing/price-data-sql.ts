// The price rule's data (lib/pricing/resolve-price.ts, PriceData) read inside a bigger statement: the
// lists that may price a connection (a `pl` CTE the statement defines: the company's active default
// list and the connection's own) and their items for the products and the day, as JSON; and the JSON
// turned back into the rule's rows. The order, direct invoice, cart and catalog reads share them.
import { Prisma } from "@/lib/generated/prisma/client";
import { dayToDbDate } from "@/lib/pricing/dates";
import type { ItemRow } from "@/lib/pricing/resolve-price";

/** The `pl` CTE's body: a company's ($company) active lists that apply to a connection whose own list is $list. */
export function priceListsSql(company: string, list: string): string {
  return `SELECT l.id, l.name, l."isDefault" FROM "PriceList" l WHERE l."companyId" = ${company} AND l.active AND (l."isDefault" OR l.id = ${list})`;
}

/** A subquery: the items of the `pl` lists for the products ($products: a subquery or array) valid on $day, as a JSON array. */
export function priceItemsJsonSql(company: string, products: string, day: string): string {
  return `(SELECT coalesce(json_agg(json_build_object('id', i.id, 'priceListId', i."priceListId", 'productId', i."productId", 'minQty', i."minQty"::text,
            'price', i.price::text, 'validFrom', to_char(i."validFrom", 'YYYY-MM-DD'), 'createdAtMs', floor(extract(epoch FROM i."createdAt") * 1000))), '[]')
     FROM "PriceListItem" i WHERE i."companyId" = ${company} AND i."priceListId" IN (SELECT id FROM pl) AND i."productId" ${products}
       AND (i."validFrom" IS NULL OR i."validFrom" <= ${day}) AND (i."validTo" IS NULL OR i."validTo" >= ${day}))`;
}

export type PriceItemJson = { id: string; priceListId: string; productId: string; minQty: string; price: string; validFrom: string | null; createdAtMs: number };

export function toPriceRows(items: PriceItemJson[]): ItemRow[] {
  return items.map((i) => ({ ...i, minQty: new Prisma.Decimal(i.minQty), price: new Prisma.Decimal(i.price), validFrom: i.validFrom ? dayToDbDate(i.validFrom) : null, createdAt: new Date(i.createdAtMs) }));
}
