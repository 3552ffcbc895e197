import type { SqlRunner } from "@/lib/db/sql-runner";

/**
 * What an order's invoicedTotal must be, as SQL over the order row `o`: the part of the order's value
 * its live invoices cover, measured as the order measures it (the invoices' totals before round-off).
 * An order with nothing left to invoice (every line invoiced or returned) is covered in full, so paise
 * of rounding, or of line tax split over several invoices, never stay "open" against the retailer's
 * credit limit (lib/orders/credit.ts counts grandTotal − returned − invoiced).
 */
export const invoicedTotalSql = (o: string) => `CASE
  WHEN NOT EXISTS (SELECT 1 FROM "OrderLine" l WHERE l."orderId" = ${o}.id AND l."invoicedQty" + l."returnedQty" < l.quantity)
    THEN GREATEST(${o}."grandTotal" - ${o}."returnedTotal", 0)
  ELSE coalesce((SELECT sum(i."grandTotal" - i."roundOff") FROM "Invoice" i
                 WHERE i."orderId" = ${o}.id AND i."companyId" = ${o}."companyId" AND i.type = 'INVOICE' AND i.status = 'ISSUED'), 0)
  END`;

const settleSql = `UPDATE "Order" o SET "invoicedTotal" = ${invoicedTotalSql("o")} WHERE o.id = $1 AND o."companyId" = $2`;

/** Sets an order's invoicedTotal after an invoice for it is issued or cancelled (run: the transaction's statements). */
export async function settleInvoicedTotal(run: SqlRunner, companyId: string, orderId: string) {
  await run.query(settleSql, [orderId, companyId]);
}
