// Idempotency-Key for POST: the first response is stored per caller and key; a replay gets it back,
// the same key with a different body is 422, and a replay while the first is running is 409. A claim
// whose request never finished (its app instance was killed mid-request) is taken over by a replay
// once it is older than IDEMPOTENCY_LEASE_SECONDS, so a client retrying on another instance is not
// refused forever. The one case this cannot tell apart: an instance killed after its business
// transaction committed and before it stored the answer (one round trip) runs the request again.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";

export type Stored = { statusCode: number; body: unknown };

export async function beginIdempotent(db: PrismaClient, p: { scope: string; key: string; method: string; path: string; body: string }): Promise<{ replay: Stored } | { id: string }> {
  if (p.key.length > 255 || !/^[\x21-\x7e]+$/.test(p.key)) {
    throw new AppError("validation", "Idempotency-Key must be 1-255 visible ASCII characters");
  }
  const requestHash = createHash("sha256").update(`${p.method} ${p.path}\n${p.body}`).digest("hex");
  try {
    const row = await db.idempotencyKey.create({ data: { scope: p.scope, key: p.key, method: p.method, path: p.path, requestHash }, select: { id: true } });
    return { id: row.id };
  } catch (err) {
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
  }
  const existing = await db.idempotencyKey.findUniqueOrThrow({ where: { scope_key: { scope: p.scope, key: p.key } } });
  if (existing.requestHash !== requestHash) {
    throw new AppError("idempotency_mismatch", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
  }
  if (existing.statusCode === null) {
    const cutoff = new Date(Date.now() - leaseSeconds() * 1000);
    if (existing.createdAt < cutoff) {
      // Of two replays taking over at once, the conditional update lets exactly one through.
      const taken = await db.idempotencyKey.updateMany({ where: { id: existing.id, statusCode: null, createdAt: existing.createdAt }, data: { createdAt: new Date() } });
      if (taken.count === 1) return { id: existing.id };
    }
    throw new AppError("conflict", "A request with this Idempotency-Key is still being processed. Retry shortly.");
  }
  return { replay: { statusCode: existing.statusCode, body: existing.responseBody } };
}

export async function finishIdempotent(db: PrismaClient, id: string, result: Stored) {
  if (result.statusCode >= 500) {
    // A server failure is not an answer: let the client retry with the same key.
    await db.idempotencyKey.delete({ where: { id } });
    return;
  }
  await db.idempotencyKey.update({ where: { id }, data: { statusCode: result.statusCode, responseBody: (result.body ?? null) as Prisma.InputJsonValue, completedAt: new Date() } });
}

/** Longer than any request may run: a claim older than this belongs to a request that died. */
function leaseSeconds(): number {
  const v = Number(process.env.IDEMPOTENCY_LEASE_SECONDS ?? 60);
  return Number.isFinite(v) && v > 0 ? v : 60;
}
