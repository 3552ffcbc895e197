import "server-only";
// Readiness of this app instance for a load balancer or an orchestrator (GET /api/ready) and for the
// staff System health page: can it reach the primary, how far behind is the read replica, how many
// background jobs wait. Only an unreachable primary makes the instance unready: without a usable
// replica reports read the primary (lib/db/client.ts readDb), and a job backlog is the workers'
// concern, not a reason to take every web instance out of the pool.
import { checkReplica, pool, type ReplicaStatus } from "@/lib/db/client";
import { within } from "@/lib/within";

const DB_TIMEOUT_MS = 2_000;

export type Readiness = {
  ready: boolean;
  database: { ok: boolean; ms: number | null; error: string | null };
  replica: ReplicaStatus;
  jobs: { ok: boolean; waiting: number | null; active: number | null; error: string | null };
};

export async function checkReadiness(): Promise<Readiness> {
  const [database, replica, jobs] = await Promise.all([checkPrimary(), withTimeout(checkReplica()).catch((err: Error) => ({ configured: true as const, lagSeconds: null, error: err.message, usable: false, maxLagSeconds: 0 })), checkJobs()]);
  return { ready: database.ok, database, replica, jobs };
}

async function checkPrimary(): Promise<Readiness["database"]> {
  const t0 = performance.now();
  try {
    await withTimeout(pool().query("SELECT 1"));
    return { ok: true, ms: Math.round(performance.now() - t0), error: null };
  } catch (err) {
    return { ok: false, ms: null, error: (err as Error).message };
  }
}

async function checkJobs(): Promise<Readiness["jobs"]> {
  try {
    // Due jobs not yet taken (created, or waiting to retry and due) and jobs being worked on.
    const { rows } = await withTimeout(
      pool().query<{ waiting: string; active: string }>(
        `SELECT count(*) FILTER (WHERE state IN ('created', 'retry') AND start_after <= now()) AS waiting,
                count(*) FILTER (WHERE state = 'active') AS active
           FROM pgboss.job WHERE state IN ('created', 'retry', 'active')`,
      ),
    );
    return { ok: true, waiting: Number(rows[0].waiting), active: Number(rows[0].active), error: null };
  } catch (err) {
    return { ok: false, waiting: null, active: null, error: (err as Error).message };
  }
}

function withTimeout<T>(p: Promise<T>): Promise<T> {
  return within(DB_TIMEOUT_MS, p, `no answer within ${DB_TIMEOUT_MS} ms`);
}
