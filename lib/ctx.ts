import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { prisma, readDb, type PrismaClient } from "@/lib/db/client";

/** What every domain function receives: who acts, the database, a clock and a request id. */
export type Ctx = {
  actor: Actor;
  db: PrismaClient;
  now: () => Date;
  requestId: string;
  ip?: string;
  /** The Idempotency-Key row this request claimed (lib/http/idempotency.ts): the transaction that places an order records the order there (the write statement in lib/orders/place-order-sql.ts). */
  idempotencyKeyId?: string;
};

export function makeCtx(actor: Actor, extra: Partial<Omit<Ctx, "actor">> = {}): Ctx {
  return { actor, db: extra.db ?? prisma, now: extra.now ?? (() => new Date()), requestId: extra.requestId ?? randomUUID(), ip: extra.ip };
}

/**
 * The same context reading from the read replica when one is configured and close enough (readDb):
 * for reports and exports, which may be a moment behind. Inside a transaction, or with a test's own
 * client, it changes nothing.
 */
export function onReplica(ctx: Ctx): Ctx {
  const db = readDb(ctx.db);
  return db === ctx.db ? ctx : { ...ctx, db };
}
