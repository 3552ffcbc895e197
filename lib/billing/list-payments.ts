import "server-only";
// The payments list (vendor dashboard, portal, API): receipts or refunds, filtered by method,
// retailer, day range and a text that matches the number or the reference; sorted by day or amount.
// The (companyId, paidOn desc, id) index answers the default order; retailers use (retailerId, paidOn).
import { invoiceScope } from "@/lib/billing/invoice-access";
import { listFields, type PaymentListItem } from "@/lib/billing/payment-views";
import { listPaymentsInput, type ListPaymentsInput } from "@/lib/billing/payments.schemas";
import type { Ctx } from "@/lib/ctx";
import { AppError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dayToDbDate, isCalendarDay } from "@/lib/pricing/dates";
import { parseInput } from "@/lib/validation";

export type ListPaymentsResult = { data: PaymentListItem[]; total: number };

export async function listPayments(ctx: Ctx, input: ListPaymentsInput | unknown = {}): Promise<ListPaymentsResult> {
  const scope = invoiceScope(ctx.actor);
  const q = parseInput(listPaymentsInput, input ?? {});
  for (const field of ["from", "to"] as const) {
    const day = q[field];
    if (day && !isCalendarDay(day)) throw new AppError("validation", `${field === "from" ? "From" : "To"} is not a calendar day`, { fieldErrors: { [field]: ["Not a calendar day"] } });
  }
  const text = q.q?.trim();
  const where: Prisma.PaymentWhereInput = {
    ...scope,
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.method ? { method: q.method } : {}),
    ...(q.connectionId ? { connectionId: q.connectionId } : {}),
    ...(q.vendorCode && "retailerId" in scope ? { company: { code: q.vendorCode } } : {}),
    ...(q.from || q.to ? { paidOn: { ...(q.from ? { gte: dayToDbDate(q.from) } : {}), ...(q.to ? { lte: dayToDbDate(q.to) } : {}) } } : {}),
    ...(text ? { OR: [{ number: { contains: text, mode: "insensitive" } }, { reference: { contains: text, mode: "insensitive" } }] } : {}),
  };
  const desc = q.sort.startsWith("-");
  const field = q.sort.replace(/^-/, "") as "paidOn" | "amount";
  const dir = desc ? "desc" : "asc";
  const [rows, total] = await Promise.all([
    ctx.db.payment.findMany({
      where,
      orderBy: [{ [field]: dir }, { number: dir }],
      skip: q.offset,
      take: q.pageSize,
      include: {
        retailer: { select: { id: true, legalName: true, tradeName: true } },
        connection: { select: { customerCode: true } },
        company: { select: { code: true, legalName: true, tradeName: true } },
      },
    }),
    ctx.db.payment.count({ where }),
  ]);
  return { data: rows.map(listFields), total };
}
