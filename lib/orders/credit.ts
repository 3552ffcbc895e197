import "server-only";
// Credit: how much a retailer owes a vendor on open orders, and the limit check at placing and
// editing. Until billing exists, "owed" is the value of orders placed and not cancelled, minus
// what came back (the billing issue switches this to invoices − payments).
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { CreditPolicy } from "@/lib/generated/prisma/enums";
import { formatINR } from "@/lib/format";

type Db = PrismaClient | Tx;
const D = Prisma.Decimal;

const owingStatuses = ["PLACED", "CONFIRMED", "PACKED", "DISPATCHED", "DELIVERED", "RETURNED"] as const;

/** Open order value of one connection, "1250.50". `excludeOrderId` leaves out an order being edited. */
export async function getOutstanding(db: Db, args: { companyId: string; connectionId: string; excludeOrderId?: string }): Promise<string> {
  const sum = await db.order.aggregate({
    where: { companyId: args.companyId, connectionId: args.connectionId, status: { in: [...owingStatuses] }, ...(args.excludeOrderId ? { id: { not: args.excludeOrderId } } : {}) },
    _sum: { grandTotal: true, returnedTotal: true },
  });
  return (sum._sum.grandTotal ?? new D(0)).minus(sum._sum.returnedTotal ?? 0).toFixed(2);
}

export type CreditDecision = { hold: false } | { hold: true; reason: string };

/**
 * The credit limit check. The caller must hold the connection row lock (SELECT … FOR UPDATE) so
 * two parallel orders cannot both fit under the limit. A limit of 0 means "no limit".
 * BLOCK policy: throws credit_limit_exceeded; HOLD policy: the order goes on hold.
 */
export async function checkCredit(
  tx: Tx,
  args: { companyId: string; connectionId: string; creditLimit: Prisma.Decimal; policy: CreditPolicy; orderTotal: Prisma.Decimal; excludeOrderId?: string },
): Promise<CreditDecision> {
  if (args.creditLimit.lte(0)) return { hold: false };
  const outstanding = new D(await getOutstanding(tx, args));
  if (outstanding.plus(args.orderTotal).lte(args.creditLimit)) return { hold: false };
  const amounts = `${formatINR(outstanding)} outstanding + ${formatINR(args.orderTotal)} order > ${formatINR(args.creditLimit)} limit`;
  if (args.policy === "HOLD") return { hold: true, reason: `Over credit limit: ${amounts}` };
  throw new AppError("credit_limit_exceeded", `This order would take the retailer over its credit limit: ${amounts}`, {
    details: { limit: args.creditLimit.toFixed(2), outstanding: outstanding.toFixed(2), orderTotal: args.orderTotal.toFixed(2) },
  });
}

/** Locks the connection row, first in every order transaction (then stock), and returns it. */
export async function lockConnection(tx: Tx, companyId: string, connectionId: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Connection" WHERE id = ${connectionId} AND "companyId" = ${companyId} FOR UPDATE`;
  if (rows.length === 0) return null;
  return tx.connection.findUniqueOrThrow({
    where: { id: connectionId },
    include: { retailer: true, company: { select: { id: true, code: true, stateCode: true, creditPolicy: true, legalName: true, tradeName: true } } },
  });
}

export type LockedConnection = NonNullable<Awaited<ReturnType<typeof lockConnection>>>;
