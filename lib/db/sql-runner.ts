// One statement at a time on either the app's pooled pg connections or a Prisma client/transaction,
// for hot paths written in SQL (placing orders, the Idempotency-Key store): the same statement text
// runs on both, so a caller's own Prisma client (a seeder, a transaction) gets the same behaviour.
// Numbers and decimals should be selected as text: pg returns numeric as text, Prisma as Decimal.
import { pool, prisma, type PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";

/** Runs one statement and returns its rows. */
export type SqlRunner = { query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]> };

export function pgRunner(client: { query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> }): SqlRunner {
  return { query: async <T>(text: string, values: unknown[] = []) => (await client.query(text, values)).rows as T[] };
}

export function prismaRunner(tx: Prisma.TransactionClient | PrismaClient): SqlRunner {
  // Statements that return no rows (DDL) go through $executeRawUnsafe.
  return { query: async <T>(text: string, values: unknown[] = []) => (/^\s*(CREATE|ALTER)\b/i.test(text) ? (await tx.$executeRawUnsafe(text, ...values), []) : tx.$queryRawUnsafe<T[]>(text, ...values)) };
}

/** The app's own client → its pg pool directly (no ORM); any other Prisma client → through it. */
export function runnerFor(db: PrismaClient | Prisma.TransactionClient): SqlRunner {
  return db === prisma ? pgRunner(pool()) : prismaRunner(db);
}
