import { randomUUID } from "node:crypto";
import type { Actor } from "@/lib/auth/actor";
import { prisma, type PrismaClient } from "@/lib/db/client";

/** What every domain function receives: who acts, the database, a clock and a request id. */
export type Ctx = {
  actor: Actor;
  db: PrismaClient;
  now: () => Date;
  requestId: string;
  ip?: string;
};

export function makeCtx(actor: Actor, extra: Partial<Omit<Ctx, "actor">> = {}): Ctx {
  return { actor, db: extra.db ?? prisma, now: extra.now ?? (() => new Date()), requestId: extra.requestId ?? randomUUID(), ip: extra.ip };
}
