// Runs the background jobs of this process: one pg-boss worker per queue. Started by the web app
// (instrumentation.ts, unless JOBS_WORKER=off) and by `npm run worker` (separate processes to scale
// out); any number of them can run against one database, pg-boss hands each job to one of them.
import type { JobResult, JobWithMetadata } from "pg-boss";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { BACKUP_SCHEDULE } from "@/lib/jobs/database-backup";
import { handlers } from "@/lib/jobs/handlers";
import { queues, type JobData, type QueueName } from "@/lib/jobs/queues";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

export type WorkerOptions = {
  /** Seconds between polls of an idle queue (pg-boss minimum 0.5; default 2). */
  pollingIntervalSeconds?: number;
  /** Jobs of one queue run at once in this process (default JOBS_CONCURRENCY, 4). */
  concurrency?: number;
};

/**
 * Queues fetched several jobs at a time: a full batch fetches the next at once instead of waiting the
 * polling interval. A queue fetched one job at a time waits the interval after every job, so a backlog
 * drains at one job per poll per slot: 2 jobs/s with the defaults (4 slots, 2 s), which is how a
 * morning's order events fell behind by minutes under the mixed load (bench/README.md), and ~8 webhook
 * events/s before that queue was batched. The jobs of a batch run one after another in their slot, and
 * each is settled on its own (perJobResults): a failing job retries or dead-letters alone, with its own
 * retry count. A batch must finish within its queue's expireInSeconds: the size times a job's own bound
 * (a mail provider gets 30 s) stays under it (lib/jobs/queues.ts).
 */
export const BATCHED: Partial<Record<QueueName, number>> = { "gateway-event-apply": 8, "order-notify": 8, "email-deliver": 8, "invoice-pdf": 4 };

/** The options a queue's worker is registered with: batched (above) or one job per fetch. */
export function workOptions(name: QueueName, opts: WorkerOptions = {}) {
  const polling = { localConcurrency: opts.concurrency ?? env().JOBS_CONCURRENCY, pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 };
  const batch = BATCHED[name];
  return batch ? { includeMetadata: true as const, perJobResults: true as const, batchSize: batch, burstWhenBatchFull: true, ...polling } : { includeMetadata: true as const, batchSize: 1, ...polling };
}

const g = globalThis as unknown as { __erpWorkers?: Promise<string[]> };

/** Registers a worker for every queue; calling it again (hot reload, a second import) does nothing. */
export function startWorkers(opts: WorkerOptions = {}): Promise<string[]> {
  g.__erpWorkers ??= (async () => {
    const boss = await getBoss();
    const ids: string[] = [];
    for (const name of Object.keys(queues) as QueueName[]) {
      const options = workOptions(name, opts);
      const id =
        "perJobResults" in options
          ? await boss.work(name, options, async (jobs: JobWithMetadata<JobData[typeof name]>[]) => runBatch(name, jobs))
          : await boss.work(name, options, async ([job]: JobWithMetadata<JobData[typeof name]>[]) => runJob(name, job));
      ids.push(id);
    }
    // One schedule for the whole deployment (pg-boss keeps it by name, and one instance fires it).
    await boss.schedule("maintenance-prune", "23 * * * *", {}, { tz: "Asia/Kolkata" });
    await boss.schedule("database-backup", BACKUP_SCHEDULE.cron, {}, { tz: BACKUP_SCHEDULE.tz });
    await boss.schedule("gateway-reconcile", "40 2 * * *", {}, { tz: "Asia/Kolkata" });
    // E-way bills run out at midnight IST: mark them a few minutes after.
    await boss.schedule("ewaybill-expire", "5 0 * * *", {}, { tz: "Asia/Kolkata" });
    await boss.schedule("fleet-document-reminders", "5 7 * * *", {}, { tz: "Asia/Kolkata" });
    await boss.schedule("shipping-track-poll", "*/30 * * * *", {}, { tz: "Asia/Kolkata" });
    log("info", "background job workers started", { queues: Object.keys(queues) });
    return ids;
  })().catch((err) => {
    g.__erpWorkers = undefined;
    throw err;
  });
  return g.__erpWorkers;
}

/** Stops taking jobs, waits (up to 10 s) for the running ones, and closes pg-boss. */
export async function stopWorkers() {
  const started = g.__erpWorkers;
  g.__erpWorkers = undefined;
  if (started) await started.catch(() => undefined);
  await stopBoss();
}

/** Every job of a batch in turn; the outcome of each is its own (a throw fails only that job). */
export async function runBatch<Q extends QueueName>(name: Q, jobs: JobWithMetadata<JobData[Q]>[]): Promise<JobResult[]> {
  const results: JobResult[] = [];
  for (const job of jobs) {
    try {
      results.push({ id: job.id, status: "completed", output: await runJob(name, job) });
    } catch (err) {
      results.push({ id: job.id, status: "failed", output: err });
    }
  }
  return results;
}

async function runJob<Q extends QueueName>(name: Q, job: JobWithMetadata<JobData[Q]>) {
  const info = { id: job.id, retryCount: job.retryCount, retryLimit: job.retryLimit, finalAttempt: job.retryCount >= job.retryLimit };
  const started = performance.now();
  try {
    const result = await (handlers[name] as (data: JobData[Q], job: typeof info) => Promise<unknown>)(job.data, info);
    log("debug", "job done", { queue: name, jobId: job.id, ms: Math.round(performance.now() - started) });
    return result;
  } catch (err) {
    log(info.finalAttempt ? "error" : "warn", info.finalAttempt ? "job failed for good (dead letter)" : "job failed (will retry)", {
      queue: name,
      jobId: job.id,
      attempt: job.retryCount + 1,
      of: job.retryLimit + 1,
      error: String((err as Error)?.message ?? err),
    });
    throw err;
  }
}
