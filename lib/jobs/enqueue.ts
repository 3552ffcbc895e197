// The transactional outbox: a job is inserted with the caller's transaction, so it exists exactly
// when the business change committed (a rollback leaves no job, a crash after commit loses none).
// Workers run it after commit; handlers must be idempotent (dedupe keys), since pg-boss delivers
// at least once.
import { fromPrisma, type Db } from "pg-boss";
import type { Tx } from "@/lib/db/client";
import { pgRunner, type PgQueryable } from "@/lib/db/sql-runner";
import { getBoss } from "@/lib/jobs/boss";
import type { JobData, QueueName } from "@/lib/jobs/queues";

export async function enqueueJob<Q extends QueueName>(tx: Tx, queue: Q, data: JobData[Q], opts: { startAfterSeconds?: number } = {}): Promise<string | null> {
  return enqueueJobOn(jobsIn(tx), queue, data, opts);
}

/** The same through pg-boss's adapter for a transaction's connection (jobsIn, onConnection; lib/db/sql-tx.ts). */
export async function enqueueJobOn<Q extends QueueName>(jobs: Db, queue: Q, data: JobData[Q], opts: { startAfterSeconds?: number } = {}): Promise<string | null> {
  const boss = await getBoss();
  return boss.send(queue, data, { db: jobs, ...(opts.startAfterSeconds ? { startAfter: opts.startAfterSeconds } : {}) });
}

/** pg-boss's statements in a Prisma transaction. */
export function jobsIn(tx: Tx): Db {
  return fromPrisma(tx);
}

/**
 * pg-boss's statements on one pooled pg connection (the caller's transaction), named like the app's
 * own (lib/db/sql-runner.ts): a queue's insert is the same text every time, so PostgreSQL parses it once
 * per connection instead of on every job.
 */
export function onConnection(client: PgQueryable): Db {
  const run = pgRunner(client);
  return { executeSql: async (text: string, values?: unknown[]) => ({ rows: await run.query(text, values ?? []) }) };
}
