// One statement at a time on either the app's pooled pg connections or a Prisma client/transaction,
// for hot paths written in SQL (placing orders, the Idempotency-Key store): the same statement text
// runs on both, so a caller's own Prisma client (a seeder, a transaction) gets the same behaviour.
// Numbers and decimals should be selected as text: pg returns numeric as text, Prisma as Decimal.
import { createHash } from "node:crypto";
import type pg from "pg";
import { pool, prisma, type Tx } from "@/lib/db/client";

/** Runs one statement and returns its rows. */
export type SqlRunner = { query<T = Record<string, unknown>>(text: string, values?: unknown[]): Promise<T[]> };

export type PgQueryable = { query(config: { text: string; values: unknown[]; name?: string }): Promise<{ rows: unknown[] }> };

/**
 * planEachCall: the statement goes unnamed, so PostgreSQL plans it with the values of each call. For
 * searches and lists scoped to a company, whose best plan depends on how big that company is: a named
 * statement's generic plan is made for an average company, and in a database of many small vendors a
 * big one's catalogue search read all its products through the company's index (bench/README.md).
 */
export type RunnerOptions = { planEachCall?: boolean };

export function pgRunner(client: PgQueryable, opts: RunnerOptions = {}): SqlRunner {
  return { query: async <T>(text: string, values: unknown[] = []) => (await client.query({ text, values, name: opts.planEachCall ? undefined : statementName(text) })).rows as T[] };
}

/**
 * On the app's own connections each statement is a named (server-side prepared) one: its text is sent
 * and parsed once per connection, then only its parameters. The hot paths' statements are several KB
 * of SQL; sending and parsing them on every call was a measurable share of an order's CPU, in the app
 * and in PostgreSQL (bench/README.md). PgBouncer in transaction mode (DATABASE_POOLER=pgbouncer; Debian's
 * 1.18) cannot carry a prepared statement from one server connection to the next, so behind it
 * statements go unnamed.
 */
function statementName(text: string): string | undefined {
  if (process.env.DATABASE_POOLER === "pgbouncer") return undefined;
  let name = statementNames.get(text);
  if (!name) {
    name = `erp_${createHash("sha1").update(text).digest("hex").slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}
const statementNames = new Map<string, string>();

/**
 * BEGIN for a transaction of named statements on the app's own connection, in the same round trip as
 * `SET LOCAL plan_cache_mode = force_generic_plan`. PostgreSQL plans a named statement afresh on each
 * call for as long as its estimate of a plan made with the values (a custom plan) beats the plan made
 * once without them; the order's reserve statement, whose credit branch folds away when the values are
 * known, was planned on every order that way: 2 ms of the database's CPU per order (pg_stat_statements,
 * bench/README.md). Its lookups go through their keys whatever the estimates
 * (tests/integration/orders-generic-plans.test.ts), so the plan made once is the right one. Behind
 * PgBouncer statements are unnamed (planned on each call whatever the setting), so it is plain BEGIN.
 */
export function beginForNamedStatements(): string {
  return process.env.DATABASE_POOLER === "pgbouncer" ? "BEGIN" : "BEGIN; SET LOCAL plan_cache_mode = force_generic_plan";
}

export function prismaRunner(tx: Tx): SqlRunner {
  // Statements that return no rows (DDL) go through $executeRawUnsafe.
  return { query: async <T>(text: string, values: unknown[] = []) => (/^\s*(CREATE|ALTER)\b/i.test(text) ? (await tx.$executeRawUnsafe(text, ...values), []) : tx.$queryRawUnsafe<T[]>(text, ...values)) };
}

/** The app's own client → its pg pool directly (no ORM); any other Prisma client → through it. */
export function runnerFor(db: Tx, opts: RunnerOptions = {}): SqlRunner {
  return db === prisma ? pgRunner(pool(), opts) : prismaRunner(db);
}

/** A transaction of named statements on one of the app's pooled pg connections (no ORM): BEGIN, `work`, COMMIT; ROLLBACK on a throw. */
export async function pgTransaction<T>(work: (run: SqlRunner, client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool().connect();
  let broken: Error | undefined;
  try {
    await client.query(beginForNamedStatements());
    const result = await work(pgRunner(client), client);
    await client.query("COMMIT");
    return result;
  } catch (err) {
    await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}
