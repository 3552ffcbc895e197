// The project's migration runner. Applies prisma/migrations/<name>/migration.sql in name order,
// one transaction each, under an advisory lock so two starting instances do not race, and
// records them in `_prisma_migrations` in the format `prisma migrate deploy` reads.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";

const LOCK_ID = 72707369; // any constant shared by every instance of this app

export type MigrationResult = { applied: string[]; alreadyApplied: string[] };

export class MigrationError extends Error {}

export function listMigrations(dir = defaultDir()) {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

export async function migrate(databaseUrl: string, opts: { dir?: string; log?: (m: string) => void; upTo?: string } = {}): Promise<MigrationResult> {
  const log = opts.log ?? (() => {});
  // upTo: stop after this migration (a restore rebuilds the schema its backup was taken with).
  const migrations = listMigrations(opts.dir).filter((m) => opts.upTo === undefined || m.name <= opts.upTo);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const result: MigrationResult = { applied: [], alreadyApplied: [] };
  try {
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_ID]);
    await client.query(`CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
      "id" VARCHAR(36) PRIMARY KEY NOT NULL,
      "checksum" VARCHAR(64) NOT NULL,
      "finished_at" TIMESTAMPTZ,
      "migration_name" VARCHAR(255) NOT NULL,
      "logs" TEXT,
      "rolled_back_at" TIMESTAMPTZ,
      "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
      "applied_steps_count" INTEGER NOT NULL DEFAULT 0
    )`);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const done = new Map(rows.map((r) => [r.migration_name, r]));
    for (const m of migrations) {
      const row = done.get(m.name);
      if (row) {
        if (!row.finished_at) {
          throw new MigrationError(`Migration ${m.name} started earlier but did not finish; inspect the database and mark it rolled back before retrying.`);
        }
        if (row.checksum !== m.checksum) {
          throw new MigrationError(
            `Migration ${m.name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${m.checksum.slice(0, 12)}… on disk). ` +
              `Applied migrations are immutable: restore the file and put the change in a new migration (npm run db:new-migration -- <name>).`,
          );
        }
        result.alreadyApplied.push(m.name);
        continue;
      }
      log(`applying migration ${m.name}`);
      try {
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${(err as Error).message}`);
      }
      result.applied.push(m.name);
    }
    for (const name of done.keys()) {
      if (!migrations.some((m) => m.name === name)) log(`warning: migration ${name} is in the database but not on disk`);
    }
    return result;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_ID]).catch(() => {});
    await client.end();
  }
}

function defaultDir() {
  return path.join(process.cwd(), "prisma", "migrations");
}
