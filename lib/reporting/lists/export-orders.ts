import "server-only";
// The orders list as a CSV or XLSX download (the list's "Export" button, GET /api/v1/orders/export):
// the orders the list shows under the same status tab, filters and sort, every page of them, read
// 500 at a time by keyset on the sort column and id, streamed out. orders.read.
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { onReplica, type Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { baseWhere, searchSql, statusSql } from "@/lib/orders/list-orders";
import { listOrdersInput } from "@/lib/orders/orders.schemas";
import { statusLabels } from "@/lib/orders/state-machine";
import { isCalendarDay, istDay } from "@/lib/pricing/dates";
import { streamTable, type ExportCell, type StreamedFile } from "@/lib/reporting/export/stream-table";
import { parseInput } from "@/lib/validation";

export const exportOrdersInput = listOrdersInput.omit({ offset: true, pageSize: true }).extend({ format: z.enum(["csv", "xlsx"], { error: "format must be csv or xlsx" }).default("csv") });
const PAGE = 500;

type Row = {
  id: string; number: string; status: OrderStatus; creditHold: boolean; createdAt: Date; placedAt: Date | null; sortValue: string;
  retailer: string; customerCode: string | null; warehouse: string; placeOfSupply: string; source: string;
  taxableTotal: string; tax: string; grandTotal: string; invoicedTotal: string; returnedTotal: string; lineCount: number;
};

export async function exportOrders(ctx: Ctx, input: unknown): Promise<StreamedFile> {
  ctx = onReplica(ctx);
  assertCan(ctx.actor, "orders.read");
  const { format, ...q } = parseInput(exportOrdersInput, input ?? {});
  for (const field of ["from", "to"] as const) {
    const day = q[field];
    if (day && !isCalendarDay(day)) throw new AppError("validation", `${field} is not a calendar day`, { fieldErrors: { [field]: ["Not a calendar day"] } });
  }
  const full = { ...q, offset: 0, pageSize: PAGE };
  const text = q.q?.trim();
  const where = Prisma.sql`${baseWhere(ctx.actor, full, text ? await searchSql(ctx.db, ctx.actor, ctx.now(), text) : null)} AND ${statusSql(q.status)}`;
  const desc = q.sort.startsWith("-");
  const column = Prisma.raw({ createdAt: `o."createdAt"`, grandTotal: `o."grandTotal"`, number: "o.number" }[q.sort.replace(/^-/, "") as "createdAt" | "grandTotal" | "number"]);
  const cast = Prisma.raw({ createdAt: "timestamptz", grandTotal: "numeric", number: "text" }[q.sort.replace(/^-/, "") as "createdAt" | "grandTotal" | "number"]);
  const dir = Prisma.raw(desc ? "DESC" : "ASC");
  const db = ctx.db;

  async function* rows(): AsyncGenerator<ExportCell[]> {
    let after: { value: string; id: string } | null = null;
    for (;;) {
      const keyset: Prisma.Sql = after ? (desc ? Prisma.sql`AND (${column}, o.id) < (${after.value}::${cast}, ${after.id})` : Prisma.sql`AND (${column}, o.id) > (${after.value}::${cast}, ${after.id})`) : Prisma.empty;
      const page: Row[] = await db.$queryRaw<Row[]>`
        SELECT o.id, o.number, o.status, o."creditHold", o."createdAt", o."placedAt", ${column}::text AS "sortValue",
               coalesce(r."tradeName", r."legalName") AS retailer, c."customerCode", w.name AS warehouse, o."placeOfSupply", o.source::text AS source,
               o."taxableTotal"::text AS "taxableTotal", (o."cgstTotal" + o."sgstTotal" + o."igstTotal" + o."cessTotal")::text AS tax,
               o."grandTotal"::text AS "grandTotal", o."invoicedTotal"::text AS "invoicedTotal", o."returnedTotal"::text AS "returnedTotal",
               (SELECT count(*)::int FROM "OrderLine" l WHERE l."orderId" = o.id) AS "lineCount"
        FROM "Order" o
        JOIN "Retailer" r ON r.id = o."retailerId"
        JOIN "Connection" c ON c.id = o."connectionId"
        JOIN "Warehouse" w ON w.id = o."warehouseId"
        WHERE ${where} ${keyset}
        ORDER BY ${column} ${dir}, o.id ${dir}
        LIMIT ${PAGE}`;
      for (const r of page) {
        yield [
          r.number, statusLabels[r.status], r.creditHold ? "yes" : "no", istDay(r.createdAt), r.placedAt ? istDay(r.placedAt) : null, r.retailer, r.customerCode, r.warehouse, r.placeOfSupply, r.source.toLowerCase(),
          r.lineCount, money(r.taxableTotal), money(r.tax), money(r.grandTotal), money(r.invoicedTotal), money(r.returnedTotal),
        ];
      }
      if (page.length < PAGE) return;
      const last = page[page.length - 1]!;
      after = { value: q.sort.endsWith("createdAt") ? last.createdAt.toISOString() : last.sortValue, id: last.id };
    }
  }

  return streamTable(
    format,
    {
      sheet: "Orders",
      basename: `orders-${istDay(ctx.now())}`,
      columns: [
        { header: "Number" }, { header: "Status" }, { header: "Credit hold" }, { header: "Created on", kind: "date" }, { header: "Placed on", kind: "date" },
        { header: "Retailer", width: 32 }, { header: "Customer code" }, { header: "Warehouse" }, { header: "Place of supply" }, { header: "Source" }, { header: "Lines", kind: "quantity" },
        { header: "Taxable value", kind: "money" }, { header: "GST", kind: "money" }, { header: "Total", kind: "money" }, { header: "Invoiced", kind: "money" }, { header: "Returned", kind: "money" },
      ],
    },
    rows(),
  );
}

function money(v: string): string {
  return new Prisma.Decimal(v).toFixed(2);
}
