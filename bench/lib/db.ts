// The benchmark database: BENCH_DATABASE_URL, else DATABASE_URL, else an embedded PostgreSQL of its
// own under .data/bench-postgres (never the app's .data/postgres). Migrated before use. Sets
// DATABASE_URL for this process so the app's Prisma client (imported afterwards) talks to it.
import path from "node:path";
import type pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { startEmbeddedPostgres } from "../../lib/db/embedded";
import { createDatabaseIfMissing } from "../../lib/db/embedded";
import { migrate } from "../../lib/db/migrate";
import { installJobSchema } from "../../lib/jobs/install";

export type BenchDb = { url: string; embedded: boolean; stop: () => Promise<void> };

export async function openBenchDb(): Promise<BenchDb> {
  const given = process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL;
  let db: BenchDb;
  if (given) {
    // A server URL naming a database that does not exist yet (e.g. erp_bench) gets it created.
    const u = new URL(given);
    const name = decodeURIComponent(u.pathname.slice(1));
    u.pathname = "/postgres";
    if (name && name !== "postgres") await createDatabaseIfMissing(u.toString(), name);
    db = { url: given, embedded: false, stop: async () => {} };
  } else {
    const dir = path.join(process.cwd(), ".data", "bench-postgres");
    const started = await startEmbeddedPostgres({ dataDir: dir, database: "bench" });
    db = { ...started, embedded: true };
  }
  const r = await migrate(db.url);
  if (r.applied.length) console.log(`bench db: ${r.applied.length} migrations applied`);
  await installJobSchema(db.url);
  process.env.DATABASE_URL = db.url;
  return db;
}

/** The URL without its password, for printing. */
export function describeUrl(url: string) {
  const u = new URL(url);
  u.password = u.password ? "***" : "";
  return u.toString();
}

/** A company owner the benchmarks sign in as (password reset to the known one on every run). */
export async function ensureBenchOwner(client: pg.Client, o: { userId: string; membershipId: string; email: string; password: string; name: string; companyId: string }): Promise<string> {
  const hash = await hashPassword(o.password);
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO "User" (id, email, name, kind, "passwordHash", "updatedAt") VALUES ($1, $2, $3, 'STAFF', $4, now())
     ON CONFLICT (email) DO UPDATE SET "passwordHash" = EXCLUDED."passwordHash", "isActive" = true RETURNING id`,
    [o.userId, o.email, o.name, hash],
  );
  await client.query(
    `INSERT INTO "Membership" (id, "companyId", "userId", role, "updatedAt") VALUES ($1, $2, $3, 'OWNER', now())
     ON CONFLICT ("companyId", "userId") DO NOTHING`,
    [o.membershipId, o.companyId, rows[0].id],
  );
  return rows[0].id;
}
