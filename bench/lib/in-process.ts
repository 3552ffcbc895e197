// Timing domain functions called in this process, one call after another (bench/portal-reads.ts,
// bench/order-actions.ts): wall p50/p95, the process's CPU per call, the SQL statements sent per call
// (every pg query call of this process: BEGIN and COMMIT included) and, when asked, PostgreSQL's CPU
// per call (every postgres process, from /proc: the database must run on this machine).
import pg from "pg";
import { procCpuMs, procCpuSince } from "./http";
import { round } from "./load";
import { mixedSpecs } from "./mixed-data";
import { percentile } from "./stats";

let statements = 0;
let counting = false;
/** From the first call on, every statement pg sends from this process is counted. */
function countStatements() {
  if (counting) return;
  counting = true;
  const pgQuery = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    statements++;
    return pgQuery.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

export type CallFigures = { calls: number; wallP50: number; wallP95: number; cpuMsPerCall: number; dbCpuMsPerCall?: number; statementsPerCall: number };

const isPostgres = (p: { comm: string }) => p.comm === "postgres";

/**
 * Calls fn(i) for i = 0 … warmup − 1 untimed, then for i = offset … offset + calls − 1 timed (offset 0:
 * the warm-up's inputs are used again; offset = warmup: each call gets inputs of its own, for writes).
 */
export async function timeCalls(fn: (i: number) => Promise<unknown>, opts: { calls: number; warmup: number; offset?: number; dbCpu?: boolean }): Promise<CallFigures> {
  countStatements();
  const offset = opts.offset ?? 0;
  for (let i = 0; i < opts.warmup; i++) await fn(i);
  const walls: number[] = [];
  const cpu0 = process.cpuUsage();
  const db0 = opts.dbCpu ? procCpuMs(isPostgres) : null;
  const s0 = statements;
  for (let i = offset; i < offset + opts.calls; i++) {
    const t = performance.now();
    await fn(i);
    walls.push(performance.now() - t);
  }
  const cpu = process.cpuUsage(cpu0);
  const dbMs = db0 ? procCpuSince(db0, isPostgres) : null;
  walls.sort((a, b) => a - b);
  return {
    calls: opts.calls,
    wallP50: round(percentile(walls, 50)),
    wallP95: round(percentile(walls, 95)),
    cpuMsPerCall: round((cpu.user + cpu.system) / 1000 / opts.calls),
    ...(dbMs === null ? {} : { dbCpuMsPerCall: round(dbMs / opts.calls) }),
    statementsPerCall: round((statements - s0) / opts.calls),
  };
}

/**
 * The mixed data set's database (BENCH_DATABASE_URL; bench/mixed.ts builds the data set), made the app's
 * own (DATABASE_URL) before the caller imports the app, with a client of the bench's own.
 */
export async function openMixedDataSet() {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error("BENCH_DATABASE_URL: the mixed data set's database");
  process.env.DATABASE_URL = url;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  return { admin, spec: mixedSpecs(1).main };
}
