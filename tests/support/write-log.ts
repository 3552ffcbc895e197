// Sees whether anything was written to the database, for the API fuzz test.
//
// Counting every table around each of thousands of calls is exact but slow, so every table also
// gets a row trigger that appends to fuzz_write_log: an insert, update or delete that commits leaves
// a row there (one that rolls back leaves none), so "nothing written" is "no new log rows" — one
// index lookup, and stricter than row counts (it sees updates too). pg-boss's job table, outside the
// app's schema, is counted. Install it only in a database of the test's own.
import { prisma } from "@/lib/db/client";

let countSql = "";
let jobsAtMark = 0;

export async function installWriteLog() {
  const tables = await prisma.$queryRaw<{ s: string; t: string }[]>`
    SELECT table_schema AS s, table_name AS t FROM information_schema.tables
    WHERE table_type = 'BASE TABLE' AND (table_schema = 'public' OR (table_schema = 'pgboss' AND table_name = 'job')) ORDER BY 1, 2`;
  countSql = tables.map(({ s, t }) => `SELECT '${s}.${t}' AS t, count(*)::int AS n FROM "${s}"."${t}"`).join(" UNION ALL ");
  await prisma.$executeRawUnsafe(`CREATE TABLE fuzz_write_log (id bigserial PRIMARY KEY, tbl text NOT NULL, op text NOT NULL)`);
  await prisma.$executeRawUnsafe(`CREATE FUNCTION fuzz_log_write() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO fuzz_write_log (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`);
  for (const { s, t } of tables) {
    if (s !== "public") continue;
    await prisma.$executeRawUnsafe(`CREATE TRIGGER fuzz_log_write AFTER INSERT OR UPDATE OR DELETE ON "${s}"."${t}" FOR EACH ROW EXECUTE FUNCTION fuzz_log_write()`);
  }
}

/** Every table's row count (the tables as they were when the log was installed). */
export async function counts(): Promise<Record<string, number>> {
  const rows = await prisma.$queryRawUnsafe<{ t: string; n: number }[]>(countSql);
  return Object.fromEntries(rows.map((r) => [r.t, r.n]));
}

export async function writeMark(): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<{ id: number; jobs: number }[]>(`SELECT coalesce(max(id), 0)::int AS id, (SELECT count(*) FROM pgboss.job)::int AS jobs FROM fuzz_write_log`);
  jobsAtMark = row.jobs;
  return row.id;
}

/** "AuditLog INSERT ×1, pgboss.job 3 → 4" for what was committed since the mark; [] when nothing. */
export async function writesSince(mark: number): Promise<string[]> {
  const rows = await prisma.$queryRawUnsafe<{ tbl: string; op: string; n: number }[]>(`SELECT tbl, op, count(*)::int AS n FROM fuzz_write_log WHERE id > $1 GROUP BY 1, 2 ORDER BY 1, 2`, mark);
  const [{ jobs }] = await prisma.$queryRawUnsafe<{ jobs: number }[]>(`SELECT count(*)::int AS jobs FROM pgboss.job`);
  return [...rows.map((r) => `${r.tbl} ${r.op} ×${r.n}`), ...(jobs !== jobsAtMark ? [`pgboss.job ${jobsAtMark} → ${jobs}`] : [])];
}
