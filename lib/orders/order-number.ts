import "server-only";
// Order numbers (SO/26-27/000123) come from a PostgreSQL sequence per company and financial year.
// They are for people, not for the tax authority: unique, readable and increasing per company,
// but not gapless (an order that rolls back leaves its number unused). A sequence hands out
// numbers without a row lock, so parallel orders never queue behind one counter; GST documents
// keep their gapless counters (lib/inventory/numbering.ts).
//
// The sequence is created the first time a company takes an order number in a year (in its own
// short transaction, under an advisory lock so two instances create it once), starting after every
// number already used: orders already numbered (loaded in bulk, or from the DocumentSequence
// counter that numbered orders before) are never numbered again.
import { createHash } from "node:crypto";
import type { SqlRunner } from "@/lib/orders/place-order-sql";
import { financialYearLabel } from "@/lib/inventory/numbering";

/** Digits of the running number (SO/25-26/000123), as before. */
export const ORDER_NUMBER_WIDTH = 6;

/** The sequence of a company's order numbers in the financial year of `date` ("order_no_2627_<company>"). */
export function orderNumberSequence(companyId: string, date: Date): { name: string; head: string; fy: string } {
  const fy = financialYearLabel(date);
  const key = /^[a-z0-9_]{1,40}$/.test(companyId) ? companyId : createHash("sha256").update(companyId).digest("hex").slice(0, 32);
  return { name: `order_no_${fy.replace("-", "")}_${key}`, head: `SO/${fy}/`, fy };
}

/** The next number as one SQL expression, from the sequence named by `seqParam` and the head ("SO/26-27/"); the old counter's padding, wider numbers never cut. */
export const orderNumberSql = (seqParam: string, headParam: string) =>
  `(SELECT ${headParam}::text || CASE WHEN length(n::text) >= ${ORDER_NUMBER_WIDTH} THEN n::text ELSE lpad(n::text, ${ORDER_NUMBER_WIDTH}, '0') END FROM (SELECT nextval(${seqParam}::regclass) AS n) AS seq)`;

const ensured = new Set<string>();

/**
 * Makes sure the sequence exists (once per process and sequence; `force` after the database lost it
 * or its numbers ran behind the orders) and starts after the numbers already used. `inTransaction`
 * runs the statements in a short transaction of their own.
 */
export async function ensureOrderNumberSequence(inTransaction: (work: (run: SqlRunner) => Promise<void>) => Promise<void>, companyId: string, date: Date, force = false): Promise<string> {
  const { name, head, fy } = orderNumberSequence(companyId, date);
  if (ensured.has(name) && !force) return name;
  await inTransaction(async (run) => {
    await run.query("SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtext($1))", [name]);
    const [{ present }] = await run.query<{ present: boolean }>("SELECT to_regclass($1) IS NOT NULL AS present", [name]);
    // A sequence in use is left alone: moving it while other requests take numbers from it could hand
    // out a number twice. Only its creator starts it, and `force` (numbers used around it) only moves it up.
    if (present && !force) return;
    if (!present) await run.query(`CREATE SEQUENCE ${name} AS bigint MINVALUE 1`);
    // At least one past the highest number used: the sequence's own, the orders of the year and the old counter.
    await run.query(
      `SELECT setval($1::regclass, greatest(
         (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM ${name}),
         coalesce((SELECT max(split_part(number, '/', 3)::bigint) FROM "Order" WHERE "companyId" = $2 AND number LIKE $3 AND split_part(number, '/', 3) ~ '^[0-9]{1,18}$'), 0),
         coalesce((SELECT last FROM "DocumentSequence" WHERE "companyId" = $2 AND series = 'SO' AND "financialYear" = $4), 0)) + 1, false)::text AS next`,
      [name, companyId, `${head}%`, fy],
    );
  });
  ensured.add(name);
  return name;
}
