// pg-boss in the app's own PostgreSQL (schema "pgboss"). One instance per process, started lazily:
// the web app and `npm run worker` start it with workers; scripts and tests start it send-only.
import { PgBoss } from "pg-boss";
import { log } from "@/lib/log";
import { DEAD_LETTER_QUEUE, queues } from "@/lib/jobs/queues";

const g = globalThis as unknown as { __erpBoss?: Promise<PgBoss> };

// The primary itself (DATABASE_DIRECT_URL), not PgBouncer: pg-boss keeps few connections per process,
// and its optional LISTEN/NOTIFY wake-up and any future session state need a session of their own.
function databaseUrl() {
  const url = process.env.DATABASE_DIRECT_URL || process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set; background jobs need the database");
  return url;
}

/** Creates pgboss's schema (first start) and every queue; safe to run on every start. */
export async function ensureQueues(boss: PgBoss) {
  if (!(await boss.getQueue(DEAD_LETTER_QUEUE))) await boss.createQueue(DEAD_LETTER_QUEUE, { retentionSeconds: 30 * 24 * 3600 });
  for (const [name, options] of Object.entries(queues)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, options);
    else await boss.updateQueue(name, options);
  }
}

/** The started pg-boss instance of this process. */
export function getBoss(): Promise<PgBoss> {
  g.__erpBoss ??= (async () => {
    // A job whose worker died (no heartbeat for its heartbeatSeconds) is failed and retried at the
    // next supervise pass, so the supervise interval bounds how soon another worker picks it up.
    const supervise = Number(process.env.JOBS_SUPERVISE_SECONDS ?? 60);
    const boss = new PgBoss({
      connectionString: databaseUrl(),
      schema: "pgboss",
      max: Number(process.env.JOBS_POOL_SIZE ?? 4),
      application_name: "vendor-erp-jobs",
      superviseIntervalSeconds: supervise,
      monitorIntervalSeconds: supervise,
    });
    boss.on("error", (err) => log("error", "pg-boss error", { err: String(err) }));
    await boss.start();
    await ensureQueues(boss);
    return boss;
  })().catch((err) => {
    g.__erpBoss = undefined;
    throw err;
  });
  return g.__erpBoss;
}

export async function stopBoss() {
  const pending = g.__erpBoss;
  g.__erpBoss = undefined;
  if (pending) await (await pending).stop({ graceful: true, timeout: 10_000 });
}
