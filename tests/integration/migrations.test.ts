import { mkdtempSync, mkdirSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDatabaseIfMissing } from "@/lib/db/embedded";
import { listMigrations, migrate } from "@/lib/db/migrate";
import { withDatabase } from "../support/global-setup";

const admin = inject("adminDatabaseUrl");
const created: string[] = [];

async function freshDatabase() {
  const name = `erp_mig_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  await createDatabaseIfMissing(admin, name);
  created.push(name);
  return withDatabase(admin, name);
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

afterAll(async () => {
  for (const name of created) await query(admin, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("migration runner", () => {
  it("applies every migration once and records it the way prisma migrate deploy does", async () => {
    const url = await freshDatabase();
    const first = await migrate(url);
    expect(first.applied).toEqual(listMigrations().map((m) => m.name));
    const second = await migrate(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    for (const r of rows) {
      expect(r.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(r.finished_at).toBeInstanceOf(Date);
    }
  });

  it("two instances starting at once apply each migration exactly once", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([migrate(url), migrate(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual(listMigrations().map((m) => m.name));
    const rows = await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM "_prisma_migrations"`);
    expect(Number(rows[0].n)).toBe(listMigrations().length);
  });

  it("refuses an applied migration that was edited, naming it", async () => {
    const url = await freshDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "mig-"));
    cpSync(path.join(process.cwd(), "prisma", "migrations"), dir, { recursive: true });
    await migrate(url, { dir });
    const first = listMigrations(dir)[0];
    writeFileSync(path.join(dir, first.name, "migration.sql"), first.sql + "\n-- edited\n");
    await expect(migrate(url, { dir })).rejects.toThrow(new RegExp(`${first.name} was edited after it was applied`));
  });

  it("rolls back a failing migration completely and records nothing", async () => {
    const url = await freshDatabase();
    const dir = mkdtempSync(path.join(tmpdir(), "mig-"));
    mkdirSync(path.join(dir, "20990101000000_broken"));
    writeFileSync(path.join(dir, "20990101000000_broken", "migration.sql"), `CREATE TABLE "half" (id int); SELECT * FROM "no_such_table";`);
    await expect(migrate(url, { dir })).rejects.toThrow(/20990101000000_broken failed and was rolled back/);
    const tables = await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name = 'half'`);
    expect(tables[0].n).toBe("0");
    const rows = await query<{ n: string }>(url, `SELECT count(*)::text AS n FROM "_prisma_migrations"`);
    expect(rows[0].n).toBe("0");
  });
});
