// The one Prisma client and the one pg pool behind it, shared by every request of an instance; and,
// when DATABASE_REPLICA_URL is set, a second client on a streaming read replica for reports and
// exports (readDb), used only while the replica is reachable and close enough behind the primary.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";

type Db = { prisma: PrismaClient; pool: pg.Pool };
type ReplicaState = { checkedAt: number; lagSeconds: number | null; error: string | null; checking?: Promise<void> };

const globalForDb = globalThis as unknown as { __erpDb?: Db; __erpReplica?: Db; __erpReplicaState?: ReplicaState };

function create(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run demo` / `npm start` (they start the embedded PostgreSQL and set it) or set DATABASE_URL to your server.",
    );
  }
  return connect(url, "idle database connection lost");
}

/**
 * How long a request waits for a pooled connection before it is turned away with 503 (lib/db/busy.ts): a
 * transaction's start (Prisma's maxWait, 2 s by default, which failed carts and receipts first under load while
 * order placement waited 20 s), and any other query's checkout from the pool.
 */
const TRANSACTION_MAX_WAIT_MS = 10_000;
const CONNECTION_WAIT_MS = 15_000;
/**
 * How long an interactive transaction may run before Prisma rolls it back (5 s by default). Under a morning's
 * load a receipt waits its turn for the retailer's connection row behind others of the same retailer, and 5 s
 * turned 9 of 126 receipts into 500s (bench/mixed.ts, pool of 30); the order and invoice paths already allowed 20 s.
 */
const TRANSACTION_TIMEOUT_MS = 15_000;

function connect(url: string, lostMessage: string): Db {
  // JIT compilation costs more than it saves on this app's short OLTP queries (measured: 165 ms to
  // compile one count over 100k products), so sessions run without it. PgBouncer refuses the
  // "options" startup parameter, so behind it (DATABASE_POOLER=pgbouncer) the server's own setting
  // must say jit = off (npm run cluster writes it into postgresql.conf).
  const options = process.env.DATABASE_POOLER === "pgbouncer" ? {} : { options: "-c jit=off" };
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: CONNECTION_WAIT_MS, ...options });
  // An idle connection the server ends (a restart, a failover, an administrator's terminate, a dropped
  // database) is an event to log, not an uncaught exception that takes the instance down: the pool
  // drops that connection and opens a new one for the next query.
  pool.on("error", (err: Error & { code?: string }) => log("warn", lostMessage, { code: err.code, error: err.message }));
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: { maxWait: TRANSACTION_MAX_WAIT_MS, timeout: TRANSACTION_TIMEOUT_MS } }), pool };
}

function db(): Db {
  return (globalForDb.__erpDb ??= create());
}

/** Lazily connected so that importing this module (e.g. during `next build`) needs no database. */
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_t, prop) {
    const client = db().prisma as unknown as Record<string | symbol, unknown>;
    const value = client[prop];
    return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(client) : value;
  },
});

export function pool(): pg.Pool {
  return db().pool;
}

export async function disconnect() {
  const current = globalForDb.__erpDb;
  const replica = globalForDb.__erpReplica;
  globalForDb.__erpDb = undefined;
  globalForDb.__erpReplica = undefined;
  globalForDb.__erpReplicaState = undefined;
  for (const d of [current, replica]) {
    if (!d) continue;
    await d.prisma.$disconnect();
    await d.pool.end();
  }
}

/** A replica further behind the primary than this is not read from (REPLICA_MAX_LAG_SECONDS). */
export function replicaMaxLagSeconds(): number {
  const v = Number(process.env.REPLICA_MAX_LAG_SECONDS ?? 30);
  return Number.isFinite(v) && v >= 0 ? v : 30;
}

/** How often (at most) an instance asks the replica how far behind it is. */
const REPLICA_CHECK_MS = 2_000;

function replica(): Db | null {
  const url = process.env.DATABASE_REPLICA_URL;
  if (!url) return null;
  return (globalForDb.__erpReplica ??= connect(url, "idle replica connection lost"));
}

type ConfiguredReplica = { configured: true; lagSeconds: number | null; error: string | null; usable: boolean; maxLagSeconds: number };
export type ReplicaStatus = { configured: false } | ConfiguredReplica;

/**
 * How far the replica is behind the primary, in seconds of replayed transactions: 0 when it has
 * replayed everything it received, else the age of the last replayed commit.
 */
export async function checkReplica(): Promise<ReplicaStatus> {
  const r = replica();
  if (!r) return { configured: false };
  const state: ReplicaState = { checkedAt: Date.now(), lagSeconds: null, error: null };
  try {
    const { rows } = await r.pool.query<{ recovery: boolean; lag: string | null }>(
      `SELECT pg_is_in_recovery() AS recovery,
              CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                   ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()) END AS lag`,
    );
    if (!rows[0].recovery) state.error = "DATABASE_REPLICA_URL is not a replica (the server is not in recovery)";
    else state.lagSeconds = rows[0].lag === null ? null : Math.max(0, Number(rows[0].lag));
  } catch (err) {
    state.error = (err as Error).message;
  }
  globalForDb.__erpReplicaState = state;
  return describe(state);
}

function describe(s: ReplicaState): ConfiguredReplica {
  const maxLagSeconds = replicaMaxLagSeconds();
  return { configured: true, lagSeconds: s.lagSeconds, error: s.error, usable: !s.error && s.lagSeconds !== null && s.lagSeconds <= maxLagSeconds, maxLagSeconds };
}

/**
 * The client for reads that may be a moment behind: reports, their drill-downs and exports. It is the
 * replica while one is configured, reachable and within REPLICA_MAX_LAG_SECONDS (checked in the
 * background every 2 s), else the primary. Anything passed in other than the shared client (a
 * transaction, a test's own client) is returned as is, so that reads inside a write, and every read
 * that must see the caller's own writes (forms, detail pages, the lists a write returns to), stay
 * on the primary: only the functions that opt in by calling this read the replica.
 */
export function readDb(db: PrismaClient): PrismaClient {
  if (db !== prisma) return db;
  const r = replica();
  if (!r) return db;
  const state = globalForDb.__erpReplicaState;
  if ((!state || Date.now() - state.checkedAt > REPLICA_CHECK_MS) && !state?.checking) {
    const checking = checkReplica().then(() => undefined);
    if (state) state.checking = checking;
    else globalForDb.__erpReplicaState = { checkedAt: 0, lagSeconds: null, error: "not checked yet", checking };
  }
  const current = globalForDb.__erpReplicaState;
  return current && describe(current).usable ? r.prisma : db;
}

export type { PrismaClient };
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
