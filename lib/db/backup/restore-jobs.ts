// Puts the jobs a backup found waiting back in their pg-boss queues (creating pg-boss's schema and the
// app's queues first, as `npm run db:migrate` does). A job of a queue this version no longer has is
// reported, not guessed at.
import { PgBoss } from "pg-boss";
import { ensureQueues } from "@/lib/jobs/boss";
import type { BackupJob } from "./backup-file";

export async function restorePendingJobs(databaseUrl: string, jobs: BackupJob[], log: (m: string) => void = () => {}) {
  const boss = new PgBoss({ connectionString: databaseUrl, schema: "pgboss", max: 1, supervise: false, schedule: false });
  await boss.start();
  try {
    await ensureQueues(boss);
    const byQueue = Map.groupBy(jobs, (j) => j.name);
    for (const [name, list] of byQueue) {
      if (!(await boss.getQueue(name))) {
        log(`warning: ${list.length} job(s) of queue "${name}", which this version does not have, were not restored`);
        continue;
      }
      await boss.insert(
        name,
        list.map((j) => ({
          id: j.id,
          data: (j.data ?? {}) as object,
          priority: j.priority,
          retryLimit: j.retryLimit,
          retryDelay: j.retryDelay,
          retryBackoff: j.retryBackoff,
          retryDelayMax: j.retryDelayMax ?? undefined,
          expireInSeconds: j.expireInSeconds,
          singletonKey: j.singletonKey ?? undefined,
          startAfter: j.startAfter,
          deadLetter: j.deadLetter ?? undefined,
        })),
      );
    }
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
