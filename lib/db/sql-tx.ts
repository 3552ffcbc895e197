// A transaction written as SQL statements, with the jobs it queues on the same connection: on the
// app's own client, one of its pooled pg connections with named statements (pgTransaction: parsed and
// planned once per connection, no ORM between the statements); on a caller's own client (a seeder, a
// test's), its Prisma transaction. The same statement text runs on both, so both behave alike.
import type { Db as JobDb } from "pg-boss";
import { prisma, type PrismaClient, type Tx } from "@/lib/db/client";
import { pgTransaction, prismaRunner, type SqlRunner } from "@/lib/db/sql-runner";
import { jobsIn, onConnection } from "@/lib/jobs/enqueue";

/** The transaction's statements (run) and where its jobs are inserted (jobs: pg-boss's adapter on the same connection). */
export type SqlTx = { run: SqlRunner; jobs: JobDb };

/** A Prisma transaction as a SqlTx: for callers that already hold one. */
export function sqlTxOf(tx: Tx): SqlTx {
  return { run: prismaRunner(tx), jobs: jobsIn(tx) };
}

/** BEGIN, work, COMMIT (ROLLBACK on a throw) on the app's pooled connection, or in db's own Prisma transaction. */
export function sqlTransaction<T>(db: PrismaClient, work: (t: SqlTx) => Promise<T>): Promise<T> {
  if (db === prisma) return pgTransaction((run, client) => work({ run, jobs: onConnection(client) }));
  return db.$transaction((tx) => work(sqlTxOf(tx)), { timeout: 20_000, maxWait: 20_000 });
}
