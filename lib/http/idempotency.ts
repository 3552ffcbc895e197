// Idempotency-Key for POST: the first response is stored per caller and key; a replay gets it back,
// the same key with a different body is 422, and a replay while the first is running is 409. A claim
// whose request never finished (its app instance was killed mid-request) is taken over by a replay
// once it is older than IDEMPOTENCY_LEASE_SECONDS, so a client retrying on another instance is not
// refused forever. An instance killed after its business transaction committed and before it stored
// the answer leaves the claim with the resource it made (resultRef, written by that transaction:
// the order's own statement in lib/orders/place-order-sql.ts): the takeover answers from that resource instead of running the request again.
import { createHash } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { runnerFor } from "@/lib/db/sql-runner";
import { rowId } from "@/lib/db/row-id";

export type Stored = { statusCode: number; body: unknown };

/** A resource made by the request whose claim was taken over: "Order:<id>" → { type: "Order", id }. */
export type CommittedResult = { type: string; id: string };

export async function beginIdempotent(
  db: PrismaClient,
  p: { scope: string; key: string; method: string; path: string; body: string },
): Promise<{ replay: Stored } | { id: string; committed?: CommittedResult }> {
  if (p.key.length > 255 || !/^[\x21-\x7e]+$/.test(p.key)) {
    throw new AppError("validation", "Idempotency-Key must be 1-255 visible ASCII characters");
  }
  const requestHash = createHash("sha256").update(`${p.method} ${p.path}\n${p.body}`).digest("hex");
  // One statement either way: the new key's row, or the one already there.
  const [row] = await runnerFor(db).query<{ id: string; fresh: boolean; requestHash: string; statusCode: number | null; responseBody: unknown; resultRef: string | null; createdAt: Date }>(
    `WITH ins AS (
       INSERT INTO "IdempotencyKey" (id, scope, key, method, path, "requestHash") VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (scope, key) DO NOTHING RETURNING id
     )
     SELECT id, true AS fresh, NULL AS "requestHash", NULL::int AS "statusCode", NULL::jsonb AS "responseBody", NULL AS "resultRef", NULL::timestamptz AS "createdAt" FROM ins
     UNION ALL
     SELECT id, false, "requestHash", "statusCode", "responseBody", "resultRef", "createdAt" FROM "IdempotencyKey" WHERE scope = $2 AND key = $3 AND NOT EXISTS (SELECT 1 FROM ins)`,
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
    // A claim older than the lease belongs to a request whose instance died: a replay takes it over. Of two
    // replays taking over at once, the conditional update lets exactly one through.
    const [taken] = await runnerFor(db).query<{ id: string; resultRef: string | null }>(
      `UPDATE "IdempotencyKey" SET "createdAt" = now() WHERE id = $1 AND "statusCode" IS NULL AND "createdAt" = $2 AND "createdAt" < now() - make_interval(secs => $3) RETURNING id, "resultRef"`,
      [row.id, row.createdAt, leaseSeconds()],
    );
    if (taken) {
      // The dead request's transaction committed: what it made is the answer, not a second run.
      const ref = parseRef(taken.resultRef);
      return ref ? { id: row.id, committed: ref } : { id: row.id };
    }
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

function parseRef(ref: string | null): CommittedResult | null {
  const i = ref?.indexOf(":") ?? -1;
  return ref && i > 0 ? { type: ref.slice(0, i), id: ref.slice(i + 1) } : null;
}

/** Longer than any request may run: a claim older than this belongs to a request that died. */
function leaseSeconds(): number {
  const v = Number(process.env.IDEMPOTENCY_LEASE_SECONDS ?? 60);
  return Number.isFinite(v) && v > 0 ? v : 60;
}
