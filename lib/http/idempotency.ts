// Idempotency-Key for POST: the first response is stored per caller and key; a replay gets it back,
// the same key with a different body is 422, and a replay while the first is running is 409.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { runnerFor } from "@/lib/db/sql-runner";
import { rowId } from "@/lib/orders/place-order-sql";

export type Stored = { statusCode: number; body: unknown };

export async function beginIdempotent(db: PrismaClient, p: { scope: string; key: string; method: string; path: string; body: string }): Promise<{ replay: Stored } | { id: string }> {
  if (p.key.length > 255 || !/^[\x21-\x7e]+$/.test(p.key)) {
    throw new AppError("validation", "Idempotency-Key must be 1-255 visible ASCII characters");
  }
  const requestHash = createHash("sha256").update(`${p.method} ${p.path}\n${p.body}`).digest("hex");
  // One statement either way: the new key's row, or the one already there.
  const [row] = await runnerFor(db).query<{ id: string; fresh: boolean; requestHash: string; statusCode: number | null; responseBody: unknown }>(
    `WITH ins AS (
       INSERT INTO "IdempotencyKey" (id, scope, key, method, path, "requestHash") VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (scope, key) DO NOTHING RETURNING id
     )
     SELECT id, true AS fresh, NULL AS "requestHash", NULL::int AS "statusCode", NULL::jsonb AS "responseBody" FROM ins
     UNION ALL
     SELECT id, false, "requestHash", "statusCode", "responseBody" FROM "IdempotencyKey" WHERE scope = $2 AND key = $3 AND NOT EXISTS (SELECT 1 FROM ins)`,
    [rowId(), p.scope, p.key, p.method, p.path, requestHash],
  );
  if (!row) {
    // The first request's row was being inserted by a transaction that has not committed yet when this
    // statement's snapshot was taken; it is there now.
    return beginIdempotent(db, p);
  }
  if (row.fresh) return { id: row.id };
  if (row.requestHash !== requestHash) {
    throw new AppError("idempotency_mismatch", "This Idempotency-Key was already used with a different request. Use a new key for a new request.");
  }
  if (row.statusCode === null) {
    throw new AppError("conflict", "A request with this Idempotency-Key is still being processed. Retry shortly.");
  }
  return { replay: { statusCode: row.statusCode, body: row.responseBody } };
}

export async function finishIdempotent(db: PrismaClient, id: string, result: Stored) {
  const run = runnerFor(db);
  if (result.statusCode >= 500) {
    // A server failure is not an answer: let the client retry with the same key.
    await run.query(`DELETE FROM "IdempotencyKey" WHERE id = $1 RETURNING id`, [id]);
    return;
  }
  await run.query(`UPDATE "IdempotencyKey" SET "statusCode" = $2, "responseBody" = $3::jsonb, "completedAt" = now() WHERE id = $1 RETURNING id`, [id, result.statusCode, JSON.stringify(result.body ?? null)]);
}
