// The one Prisma client and the one pg pool behind it, shared by every request of an instance.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { log } from "@/lib/log";

type Db = { prisma: PrismaClient; pool: pg.Pool };

const globalForDb = globalThis as unknown as { __erpDb?: Db };

function create(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run demo` / `npm start` (they start the embedded PostgreSQL and set it) or set DATABASE_URL to your server.",
    );
  }
  // JIT compilation costs more than it saves on this app's short OLTP queries (measured: 165 ms to
  // compile one count over 100k products), so sessions run without it.
  const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), options: "-c jit=off" });
  // An idle connection the server ends (a restart, a failover, an administrator's terminate, a dropped
  // database) is an event to log, not an uncaught exception that takes the instance down: the pool
  // drops that connection and opens a new one for the next query.
  pool.on("error", (err: Error & { code?: string }) => log("warn", "idle database connection lost", { code: err.code, error: err.message }));
  return { prisma: new PrismaClient({ adapter: new PrismaPg(pool) }), pool };
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
  if (!current) return;
  globalForDb.__erpDb = undefined;
  await current.prisma.$disconnect();
  await current.pool.end();
}

export type { PrismaClient };
export type Tx = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;
