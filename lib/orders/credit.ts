import "server-only";
// Credit: how much a retailer owes a vendor, and the limit check at placing and editing. "Owed" is
// the ledger outstanding (issued invoices and debit notes + refunds − receipts − credit notes, see
// lib/billing/outstanding.ts) plus the value of open orders not yet invoiced: for each order placed
// and not cancelled, what is left of its total after returns and invoices (never below zero). So an
// invoice moves an order's value from "open orders" to the ledger, and a payment frees credit.
import { getOutstanding as getLedgerOutstanding } from "@/lib/billing/outstanding";
import type { PrismaClient, Tx } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma, type Connection, type Retailer } from "@/lib/generated/prisma/client";
import { revive } from "@/lib/db/revive";
import { prismaRunner, type SqlRunner } from "@/lib/db/sql-runner";
import type { CreditPolicy } from "@/lib/generated/prisma/enums";
import { formatINR } from "@/lib/format";

type Db = PrismaClient | Tx;
const D = Prisma.Decimal;

/** Orders whose value counts against the credit limit until it is invoiced (see getOutstanding). */
export const owingStatuses = ["PLACED", "CONFIRMED", "PACKED", "DISPATCHED", "DELIVERED", "RETURNED"] as const;

/** Ledger outstanding + uninvoiced open order value of one connection, "1250.50". `excludeOrderId` leaves out an order being edited. */
export async function getOutstanding(db: Db, args: { companyId: string; connectionId: string; excludeOrderId?: string }): Promise<string> {
  const exclude = args.excludeOrderId ? Prisma.sql`AND id <> ${args.excludeOrderId}` : Prisma.empty;
  // One after the other: inside a transaction the two share one connection anyway.
  const [orders] = await db.$queryRaw<{ open: string | null }[]>`
      SELECT sum("grandTotal" - "returnedTotal" - "invoicedTotal")::text AS open FROM "Order"
      WHERE "companyId" = ${args.companyId} AND "connectionId" = ${args.connectionId}
        AND status::text = ANY(${[...owingStatuses]}) AND "grandTotal" - "returnedTotal" - "invoicedTotal" > 0 ${exclude}`;
  const ledger = await getLedgerOutstanding(db, args);
  return new D(orders?.open ?? 0).plus(ledger).toFixed(2);
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
  return creditDecision({ outstanding, creditLimit: args.creditLimit, policy: args.policy, orderTotal: args.orderTotal });
}

/** The decision on a known outstanding (read after the connection row was locked): fits, holds, or throws credit_limit_exceeded. */
export function creditDecision(args: { outstanding: Prisma.Decimal; creditLimit: Prisma.Decimal; policy: CreditPolicy; orderTotal: Prisma.Decimal }): CreditDecision {
  const { outstanding } = args;
  if (args.creditLimit.lte(0) || outstanding.plus(args.orderTotal).lte(args.creditLimit)) return { hold: false };
  const amounts = `${formatINR(outstanding)} outstanding + ${formatINR(args.orderTotal)} order > ${formatINR(args.creditLimit)} limit`;
  if (args.policy === "HOLD") return { hold: true, reason: `Over credit limit: ${amounts}` };
  throw new AppError("credit_limit_exceeded", `This order would take the retailer over its credit limit: ${amounts}`, {
    details: { limit: args.creditLimit.toFixed(2), outstanding: outstanding.toFixed(2), orderTotal: args.orderTotal.toFixed(2) },
  });
}

/** Locks the connection row, first in every order transaction (then stock), and returns it. */
export async function lockConnection(tx: Tx, companyId: string, connectionId: string): Promise<LockedConnection | null> {
  return lockConnectionOn(prismaRunner(tx), companyId, connectionId);
}

/** The same in a transaction of SQL statements (lib/db/sql-tx.ts). */
export async function lockConnectionOn(run: SqlRunner, companyId: string, connectionId: string): Promise<LockedConnection | null> {
  // One statement: the row locked, with its retailer and the company's fields every caller reads.
  const [row] = await run.query<{ connection: Record<string, unknown>; retailer: Record<string, unknown>; company: LockedConnection["company"] }>(lockConnectionSql, [connectionId, companyId]);
  if (!row) return null;
  return {
    ...revive<Connection>(row.connection, CONNECTION_COLUMNS),
    retailer: revive<Retailer>(row.retailer, RETAILER_COLUMNS),
    company: row.company,
  };
}

export const lockConnectionSql = `
SELECT to_jsonb(c) AS connection, to_jsonb(r) AS retailer,
       jsonb_build_object('id', co.id, 'code', co.code, 'stateCode', co."stateCode", 'creditPolicy', co."creditPolicy", 'legalName', co."legalName", 'tradeName', co."tradeName") AS company
FROM "Connection" c JOIN "Retailer" r ON r.id = c."retailerId" JOIN "Company" co ON co.id = c."companyId"
WHERE c.id = $1::text AND c."companyId" = $2::text
FOR UPDATE OF c`;

// The columns of the JSON rows that the ORM gives as Decimal and Date (tests/integration/lock-connection.test.ts
// compares the whole answer with the ORM's).
export const CONNECTION_COLUMNS = { decimals: ["creditLimit", "deliveryLatitude", "deliveryLongitude"], dates: ["activatedAt", "suspendedAt", "endedAt", "createdAt", "updatedAt"] };
const RETAILER_COLUMNS = { decimals: ["latitude", "longitude"], dates: ["createdAt", "updatedAt"] };

export type LockedConnection = Connection & {
  retailer: Retailer;
  company: { id: string; code: string; stateCode: string; creditPolicy: CreditPolicy; legalName: string; tradeName: string | null };
};

