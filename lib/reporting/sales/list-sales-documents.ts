import "server-only";
// The documents behind a figure of the sales report (its drill-down): each invoice, debit note or
// credit note with what its matching lines add to the figure (credit notes negative), newest first,
// and the sum of all of them — which is the figure itself. reports.read.
import type { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import { onReplica, type Ctx } from "@/lib/ctx";
import { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";
import { figures, groupedSalesSql, pickFilters, readRange, type SalesFigures } from "./get-sales-report";
import { salesSourceFor } from "./rollup-plan";
import { salesConditions, salesLinesSql, type SalesFilterValues } from "./sales-sql";
import { salesDocumentsInput } from "./sales.schemas";

export type SalesDocument = { id: string; number: string; type: "INVOICE" | "CREDIT_NOTE" | "DEBIT_NOTE"; issueDate: string; retailer: string; quantity: string; taxable: string; tax: string; gross: string };
export type SalesDocuments = { from: string; to: string; filters: SalesFilterValues; data: SalesDocument[]; total: number; totals: SalesFigures };

type DocRow = { id: string; number: string; type: SalesDocument["type"]; issueDate: Date; buyerName: string; quantity: Prisma.Decimal; taxable: Prisma.Decimal; tax: Prisma.Decimal; gross: Prisma.Decimal };

export async function listSalesDocuments(ctx: Ctx, input: unknown): Promise<SalesDocuments> {
  ctx = onReplica(ctx);
  assertCan(ctx.actor, "reports.read");
  const q = readRange(parseInput(salesDocumentsInput, input));
  const filters = pickFilters(q);
  const sql = salesDocumentsSql(ctx.actor.companyId, q);
  const [rows, [sums]] = await Promise.all([ctx.db.$queryRaw<DocRow[]>(sql.page), ctx.db.$queryRaw<(Parameters<typeof figures>[0] & {})[]>(sql.totals)]);
  const t = figures(sums ?? null);
  return {
    from: q.from,
    to: q.to,
    filters,
    total: t.documents,
    totals: t,
    data: rows.map((r) => ({
      id: r.id,
      number: r.number,
      type: r.type,
      issueDate: r.issueDate.toISOString().slice(0, 10),
      retailer: r.buyerName,
      quantity: new Prisma.Decimal(r.quantity).toFixed(3).replace(/\.?0+$/, "") || "0",
      taxable: new Prisma.Decimal(r.taxable).toFixed(2),
      tax: new Prisma.Decimal(r.tax).toFixed(2),
      gross: new Prisma.Decimal(r.gross).toFixed(2),
    })),
  };
}

/**
 * The drill-down's statements. The page's documents first — newest first by the (company, issue
 * date) index, a line filter as a semi-join — then the lines of those documents only; the count
 * and totals are the report's own figure (from the rollups where they keep the filters).
 */
export function salesDocumentsSql(companyId: string, q: z.output<typeof salesDocumentsInput>): { page: Prisma.Sql; totals: Prisma.Sql } {
  const filters = pickFilters(q);
  const c = salesConditions(companyId, q.from, q.to, filters);
  const hasLine = c.line.length ? Prisma.sql`AND EXISTS (SELECT 1 FROM "InvoiceLine" l ${c.productJoin} WHERE l."invoiceId" = i.id AND l."companyId" = i."companyId" AND ${Prisma.join(c.line, " AND ")})` : Prisma.empty;
  return {
    page: Prisma.sql`
      WITH page AS (
        SELECT i.id FROM "Invoice" i ${c.orderJoin}
        WHERE ${Prisma.join(c.document, " AND ")} ${hasLine}
        ORDER BY i."issueDate" DESC, i.number DESC
        LIMIT ${q.pageSize} OFFSET ${q.offset}
      ),
      lines AS (${salesLinesSql(companyId, q.from, q.to, filters, null, Prisma.sql`i.id IN (SELECT id FROM page)`)}),
      d AS (SELECT "invoiceId", sum(qty) AS quantity, sum(s * taxable) AS taxable, sum(s * tax) AS tax, sum(s * gross) AS gross FROM lines GROUP BY 1)
      SELECT i.id, i.number, i.type, i."issueDate", i."buyerName", d.quantity, d.taxable, d.tax, d.gross
      FROM d JOIN "Invoice" i ON i.id = d."invoiceId" AND i."companyId" = ${companyId}
      ORDER BY i."issueDate" DESC, i.number DESC`,
    totals: Prisma.sql`
      SELECT quantity, taxable, tax, gross, "costedTaxable", cost, documents
      FROM (${groupedSalesSql(companyId, q, filters, null, salesSourceFor(null, filters))}) t`,
  };
}
