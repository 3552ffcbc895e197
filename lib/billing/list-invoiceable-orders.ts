import "server-only";
// Orders ready to invoice and something still to invoice (the "Create from orders" screen): packed
// (invoiced before they leave), dispatched, delivered or partly returned, with a line whose ordered − invoiced − returned
// quantity is above zero. Oldest dispatch first, since those are the invoices running late.
import { assertCan } from "@/lib/auth/permissions";
import { listInvoiceableOrdersInput, type ListInvoiceableOrdersInput } from "@/lib/billing/billing.schemas";
import type { Ctx } from "@/lib/ctx";
import { containsPattern, startsWithPattern } from "@/lib/db/like";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";

export type InvoiceableOrder = {
  id: string;
  number: string;
  status: OrderStatus;
  dispatchedAt: string | null;
  retailer: { id: string; name: string; customerCode: string | null };
  connectionId: string;
  grandTotal: string;
  invoicedTotal: string;
  /** Lines with something left, and the value of what is left before GST (at the order's prices). */
  linesLeft: number;
  valueLeft: string;
};

export async function listInvoiceableOrders(ctx: Ctx, input: ListInvoiceableOrdersInput | unknown = {}): Promise<{ data: InvoiceableOrder[]; total: number }> {
  assertCan(ctx.actor, "billing.read");
  const companyId = ctx.actor.companyId;
  const q = parseInput(listInvoiceableOrdersInput, input ?? {});
  const parts: Prisma.Sql[] = [
    Prisma.sql`o."companyId" = ${companyId}`,
    Prisma.sql`o.status IN ('PACKED'::"OrderStatus", 'DISPATCHED'::"OrderStatus", 'DELIVERED'::"OrderStatus", 'RETURNED'::"OrderStatus")`,
    Prisma.sql`EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = o.id AND l.quantity - l."invoicedQty" - l."returnedQty" > 0)`,
  ];
  if (q.connectionId) parts.push(Prisma.sql`o."connectionId" = ${q.connectionId}`);
  const text = q.q?.trim();
  if (text) {
    parts.push(Prisma.sql`(o.number ILIKE ${containsPattern(text)} OR r."legalName" ILIKE ${containsPattern(text)} OR r."tradeName" ILIKE ${containsPattern(text)} OR c."customerCode" ILIKE ${startsWithPattern(text)})`);
  }
  const where = Prisma.join(parts, " AND ");
  const [rows, [{ n }]] = await Promise.all([
    ctx.db.$queryRaw<Row[]>`
      SELECT o.id, o.number, o.status, o."dispatchedAt", o."retailerId", o."connectionId", o."grandTotal"::text AS "grandTotal", o."invoicedTotal"::text AS "invoicedTotal",
             coalesce(r."tradeName", r."legalName") AS "retailerName", c."customerCode",
             (SELECT count(*)::int FROM "OrderLine" l WHERE l."orderId" = o.id AND l.quantity - l."invoicedQty" - l."returnedQty" > 0) AS "linesLeft",
             (SELECT coalesce(sum(round((l.quantity - l."invoicedQty" - l."returnedQty") * l."unitPrice", 2)), 0)::text FROM "OrderLine" l
               WHERE l."orderId" = o.id AND l.quantity - l."invoicedQty" - l."returnedQty" > 0) AS "valueLeft"
      FROM "Order" o JOIN "Retailer" r ON r.id = o."retailerId" JOIN "Connection" c ON c.id = o."connectionId"
      WHERE ${where}
      ORDER BY o."dispatchedAt" ASC NULLS LAST, o.number ASC
      LIMIT ${q.pageSize} OFFSET ${q.offset}`,
    ctx.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "Order" o JOIN "Retailer" r ON r.id = o."retailerId" JOIN "Connection" c ON c.id = o."connectionId" WHERE ${where}`,
  ]);
  return {
    total: n,
    data: rows.map((r) => ({
      id: r.id,
      number: r.number,
      status: r.status,
      dispatchedAt: r.dispatchedAt?.toISOString() ?? null,
      retailer: { id: r.retailerId, name: r.retailerName, customerCode: r.customerCode },
      connectionId: r.connectionId,
      grandTotal: new Prisma.Decimal(r.grandTotal).toFixed(2),
      invoicedTotal: new Prisma.Decimal(r.invoicedTotal).toFixed(2),
      linesLeft: r.linesLeft,
      valueLeft: new Prisma.Decimal(r.valueLeft).toFixed(2),
    })),
  };
}

type Row = {
  id: string;
  number: string;
  status: OrderStatus;
  dispatchedAt: Date | null;
  retailerId: string;
  connectionId: string;
  grandTotal: string;
  invoicedTotal: string;
  retailerName: string;
  customerCode: string | null;
  linesLeft: number;
  valueLeft: string;
};
