// Every pooled connection busy for longer than a request may wait: the request is turned away as 503 with
// Retry-After (nothing written), not a 500 — for a transaction's start (Prisma) and for a plain query (the pool).
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { expect, inject, it } from "vitest";
import { databaseBusyError } from "@/lib/db/busy";
import { PrismaClient } from "@/lib/generated/prisma/client";

it("a transaction that cannot start in time and a query that cannot get a connection both become 503 with a retry hint", async () => {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1, connectionTimeoutMillis: 300 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: 200 } });
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  try {
    // The pool's one connection opened first: on a loaded machine connecting can take longer than the 300 ms
    // this pool allows a checkout, and the holder below must not be the one that times out.
    for (let tries = 0; ; tries++) {
      const opened = await pool.query("SELECT 1").then(() => true, () => false);
      if (opened) break;
      if (tries === 20) throw new Error("could not open the pool's connection");
    }
    // The pool's one connection, held by a transaction (which may wait for it as long as it needs).
    let started!: () => void;
    const inside = new Promise<void>((r) => (started = r));
    const holder = db.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      started();
      await held;
    }, { timeout: 10_000, maxWait: 10_000 });
    // A holder that fails to start fails the test here, rather than leaving it waiting.
    await Promise.race([inside, holder]);

    const txError = await db.$transaction(async (tx) => tx.$queryRaw`SELECT 1`).then(() => null, (e: unknown) => e);
    const queryError = await pool.query("SELECT 1").then(() => null, (e: unknown) => e);
    release();
    await holder;

    for (const err of [txError, queryError]) {
      expect(err).not.toBeNull();
      const mapped = databaseBusyError(err);
      expect(mapped?.status).toBe(503);
      expect(mapped?.details).toEqual({ retryAfterSeconds: 2 });
    }
    // Anything else is left alone.
    expect(databaseBusyError(new Error("duplicate key value violates unique constraint"))).toBeNull();
  } finally {
    release();
    await db.$disconnect();
    await pool.end();
  }
});

it("a transaction that ran out of time (Prisma rolled it back) is 503 too, and wrote nothing", async () => {
  const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
  const db = new PrismaClient({ adapter: new PrismaPg(pool) });
  const table = `busy_${process.pid}_${Date.now()}`;
  try {
    await db.$executeRawUnsafe(`CREATE TABLE "${table}" (n int)`);
    // A transaction whose statements come after its time is up, as a receipt's did behind a busy retailer's lock.
    const err = await db
      .$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`INSERT INTO "${table}" VALUES (1)`);
          await new Promise((r) => setTimeout(r, 400));
          await tx.$executeRawUnsafe(`INSERT INTO "${table}" VALUES (2)`);
        },
        { timeout: 200 },
      )
      .then(() => null, (e: unknown) => e);
    expect(err).not.toBeNull();
    expect(databaseBusyError(err)?.status).toBe(503);
    expect(await db.$queryRawUnsafe(`SELECT count(*)::int AS n FROM "${table}"`)).toEqual([{ n: 0 }]);
  } finally {
    await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "${table}"`);
    await db.$disconnect();
    await pool.end();
  }
});
