import "server-only";
// The invoices list as a CSV or XLSX download (the list's "Export" button, GET /api/v1/invoices/export):
// exactly the documents the list shows under the same filters, tab and sort, every page of them,
// read 500 at a time by keyset (after the last row's sort value, number and id: each page starts
// where the index left off, never re-reading the pages before it) and streamed out. billing.read
// (retailers: their own documents).
import { z } from "zod";
import { listInvoicesInput } from "@/lib/billing/billing.schemas";
import { invoiceScope } from "@/lib/billing/invoice-access";
import { paymentStatusOf, settlementOf } from "@/lib/billing/invoice-views";
import { baseWhere, typeWhere } from "@/lib/billing/list-invoices";
import type { BuyerSnapshot } from "@/lib/billing/parties";
import { onReplica, type Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dayToDbDate, isCalendarDay, istDay } from "@/lib/pricing/dates";
import { streamTable, type ExportCell, type StreamedFile } from "@/lib/reporting/export/stream-table";
import { parseInput } from "@/lib/validation";

export const exportInvoicesInput = listInvoicesInput.omit({ offset: true, pageSize: true }).extend({ format: z.enum(["csv", "xlsx"], { error: "format must be csv or xlsx" }).default("csv") });
const PAGE = 500;
const typeLabels = { INVOICE: "Invoice", CREDIT_NOTE: "Credit note", DEBIT_NOTE: "Debit note" } as const;

export async function exportInvoices(ctx: Ctx, input: unknown): Promise<StreamedFile> {
  ctx = onReplica(ctx);
  const scope = invoiceScope(ctx.actor);
  const { format, ...q } = parseInput(exportInvoicesInput, input ?? {});
  for (const field of ["from", "to"] as const) {
    const day = q[field];
    if (day && !isCalendarDay(day)) throw new AppError("validation", `${field} is not a calendar day`, { fieldErrors: { [field]: ["Not a calendar day"] } });
  }
  const todayDay = istDay(ctx.now());
  const today = dayToDbDate(todayDay);
  const full = { ...q, offset: 0, pageSize: PAGE };
  const where: Prisma.InvoiceWhereInput = { AND: [baseWhere(ctx, ctx.actor, scope, full, today), typeWhere(q.type)] };
  const [field, dir] = q.sort.startsWith("-") ? [q.sort.slice(1), "desc" as const] : [q.sort, "asc" as const];
  const db = ctx.db;

  async function* rows(): AsyncGenerator<ExportCell[]> {
    let after: Record<string, unknown> | undefined;
    for (;;) {
      const page = await db.invoice.findMany({
        where: after ? { AND: [where, ...keyset(field as SortField, dir, after)] } : where,
        orderBy: [{ [field]: dir }, { number: dir }, { id: dir }],
        take: PAGE,
        select: {
          id: true, type: true, number: true, status: true, issueDate: true, dueDate: true, buyer: true, buyerGstin: true, placeOfSupply: true,
          taxableTotal: true, cgstTotal: true, sgstTotal: true, igstTotal: true, cessTotal: true, grandTotal: true, settledAmount: true, eInvoiceStatus: true, irn: true,
          order: { select: { number: true } },
          originalInvoice: { select: { number: true } },
        },
      });
      for (const r of page) {
        const buyer = r.buyer as BuyerSnapshot;
        const { balance, overdueDays } = settlementOf(r, today);
        yield [
          r.number, typeLabels[r.type], r.status === "ISSUED" ? "Issued" : "Cancelled", day(r.issueDate), day(r.dueDate),
          buyer.tradeName ?? buyer.legalName, buyer.customerCode ?? null, r.buyerGstin, r.placeOfSupply, r.order?.number ?? null, r.originalInvoice?.number ?? null,
          r.taxableTotal.toFixed(2), r.cgstTotal.toFixed(2), r.sgstTotal.toFixed(2), r.igstTotal.toFixed(2), r.cessTotal.toFixed(2), r.grandTotal.toFixed(2), balance.toFixed(2),
          paymentStatusOf(r.type, r.grandTotal, r.settledAmount), overdueDays || null, r.eInvoiceStatus, r.irn,
        ];
      }
      if (page.length < PAGE) return;
      after = page[page.length - 1]!;
    }
  }

  return streamTable(
    format,
    {
      sheet: "Invoices",
      basename: `invoices-${todayDay}`,
      columns: [
        { header: "Number" }, { header: "Type" }, { header: "Status" }, { header: "Issue date", kind: "date" }, { header: "Due date", kind: "date" },
        { header: "Retailer", width: 32 }, { header: "Customer code" }, { header: "GSTIN", width: 18 }, { header: "Place of supply" }, { header: "Order" }, { header: "Against" },
        { header: "Taxable value", kind: "money" }, { header: "CGST", kind: "money" }, { header: "SGST", kind: "money" }, { header: "IGST", kind: "money" }, { header: "Cess", kind: "money" },
        { header: "Total", kind: "money" }, { header: "Balance due", kind: "money" }, { header: "Payment status" }, { header: "Days overdue", kind: "quantity" }, { header: "E-invoice status" }, { header: "IRN", width: 20 },
      ],
    },
    rows(),
  );
}

export type SortField = "issueDate" | "number" | "grandTotal" | "dueDate";

/**
 * The rows after `last` in the order (field, number, id): a bound on the sort field the index can
 * start from, and the exact tie-breaks on the number (unique per company) and the id.
 */
export function keyset(field: SortField, dir: "asc" | "desc", last: Record<string, unknown>): Prisma.InvoiceWhereInput[] {
  const past = dir === "desc" ? "lt" : "gt";
  const upTo = dir === "desc" ? "lte" : "gte";
  const v = last[field];
  if (field === "number") return [{ number: { [upTo]: last.number } }, { OR: [{ number: { [past]: last.number } }, { number: last.number as string, id: { [past]: last.id } }] }];
  return [
    { [field]: { [upTo]: v } },
    { OR: [{ [field]: { [past]: v } }, { [field]: v, number: { [past]: last.number } }, { [field]: v, number: last.number as string, id: { [past]: last.id } }] },
  ];
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10);
}
