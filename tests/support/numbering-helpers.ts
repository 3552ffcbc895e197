// Shared by the tests of document numbers taken under concurrency (GST documents, receipts).
import pg from "pg";
import { prisma } from "@/lib/db/client";
import { createRetailerUser } from "./factories";
import type { Shop } from "./order-factories";

/** The shop's own connection and n − 1 more active retailers of the same company (Maharashtra, intra-state). */
export async function moreConnections(shop: Shop, n: number): Promise<string[]> {
  const ids = [shop.connection.id];
  for (let i = 1; i < n; i++) {
    const r = await createRetailerUser();
    const c = await prisma.connection.create({ data: { companyId: shop.co, retailerId: r.retailer.id, status: "ACTIVE", customerCode: `P-${i}-${Date.now() % 100000}`, placeOfSupply: "27", activatedAt: new Date() } });
    ids.push(c.id);
  }
  return ids;
}

/** The running numbers of SERIES/YY-YY/N numbers, sorted. */
export const running = (numbers: string[]) => numbers.map((n) => Number(n.split("/")[2])).sort((a, b) => a - b);
export const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

/**
 * Holds a series' counter row locked from another connection while `work` runs. `blocked()` waits (up to
 * 5 s) for the statement stopped on the counter and gives its backend and text; `release()` commits the
 * holder so the blocked document can finish.
 */
export async function withCounterHeld<T>(
  companyId: string,
  series: string,
  work: (h: { watcher: pg.Client; blocked: () => Promise<{ pid: number; query: string } | undefined>; release: () => Promise<void> }) => Promise<T>,
): Promise<T> {
  return withRowHeld(`SELECT last FROM "DocumentSequence" WHERE "companyId" = $1 AND series = $2 FOR UPDATE`, [companyId, series], "DocumentSequence", work);
}

/**
 * Holds the rows `lockSql` locks (FOR UPDATE) from another connection while `work` runs. `blocked(n)` waits
 * (up to 5 s) until n statements mentioning `table` wait on a lock and gives the first; `release()` commits.
 */
export async function withRowHeld<T>(
  lockSql: string,
  params: unknown[],
  table: string,
  work: (h: { watcher: pg.Client; blocked: (n?: number) => Promise<{ pid: number; query: string } | undefined>; release: () => Promise<void> }) => Promise<T>,
): Promise<T> {
  const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
  const watcher = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await holder.connect();
  await watcher.connect();
  try {
    await holder.query("BEGIN");
    await holder.query(lockSql, params);
    const blocked = async (n = 1) => {
      for (let i = 0; i < 200; i++) {
        const { rows } = await watcher.query<{ pid: number; query: string }>(`SELECT pid, query FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE $1`, [`%"${table}"%`]);
        if (rows.length >= n) return rows[0];
        await new Promise((r) => setTimeout(r, 25));
      }
      return undefined;
    };
    return await work({ watcher, blocked, release: async () => void (await holder.query("COMMIT")) });
  } finally {
    await holder.end();
    await watcher.end();
  }
}
