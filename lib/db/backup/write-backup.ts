// A consistent logical backup of the app's database, streamed to a gzip file: one REPEATABLE READ
// READ ONLY transaction (every table as of one instant, while the app keeps writing), each table
// copied out with COPY … TO STDOUT, never the whole database in memory. The file is written under a
// temporary name with owner-only permissions (it holds password hashes and encrypted credentials),
// flushed to disk, then renamed: a crash mid-backup never leaves a file that looks complete.
import { randomBytes } from "node:crypto";
import { mkdirSync, openSync, closeSync, fsyncSync, renameSync, rmSync, statSync, createWriteStream } from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  TERMINATOR,
  countLines,
  qualified,
  quoteIdent,
  tableKey,
  type BackupHeader,
  type BackupJob,
  type BackupSequence,
  type BackupTrailer,
} from "./backup-file";
import { listSequences, listTables } from "./catalog";

export type BackupSummary = {
  file: string;
  bytes: number;
  createdAt: Date;
  migrations: string[];
  tables: number;
  rows: number;
  jobs: number;
};

/** Output settings both ends of a backup agree on, as pg_dump sets them. */
export const SESSION_SETTINGS = ["SET client_encoding = 'UTF8'", "SET DateStyle = 'ISO, YMD'", "SET IntervalStyle = 'postgres'", "SET TimeZone = 'UTC'", "SET extra_float_digits = 3"];

export async function writeBackup(databaseUrl: string, file: string, opts: { now?: () => Date } = {}): Promise<BackupSummary> {
  const target = path.resolve(file);
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
  const partial = `${target}.${process.pid}-${randomBytes(4).toString("hex")}.partial`;
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "vendor-erp-backup" });
  await client.connect();
  try {
    for (const sql of SESSION_SETTINGS) await client.query(sql);
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const tables = await listTables(client);
    // Keeps a migration from changing a table under the copy (as pg_dump does); the app's reads
    // and writes are not blocked.
    if (tables.length) await client.query(`LOCK TABLE ${tables.map(qualified).join(", ")} IN ACCESS SHARE MODE`);
    const createdAt = (opts.now ?? (() => new Date()))();
    const header: BackupHeader = {
      format: BACKUP_MAGIC,
      version: BACKUP_FORMAT_VERSION,
      createdAt: createdAt.toISOString(),
      serverVersion: (await client.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]!.v,
      database: (await client.query<{ d: string }>("SELECT current_database() AS d")).rows[0]!.d,
      migrations: await appliedMigrations(client),
      tables: tables.map(({ schema, name, columns }) => ({ schema, name, columns })),
    };
    const trailer: BackupTrailer = { rows: {}, jobs: 0 };

    async function* content() {
      yield Buffer.from(`${BACKUP_MAGIC} ${BACKUP_FORMAT_VERSION}\n${JSON.stringify(header)}\n`);
      for (const t of tables) {
        yield Buffer.from(`TABLE ${JSON.stringify({ schema: t.schema, name: t.name, columns: t.columns })}\n`);
        const cols = t.columns.map(quoteIdent).join(", ");
        const source = t.partitioned ? `(SELECT ${cols} FROM ${qualified(t)})` : `${qualified(t)} (${cols})`;
        let rows = 0;
        for await (const chunk of client.query(copyTo(`COPY ${source} TO STDOUT`)) as AsyncIterable<Buffer>) {
          rows += countLines(chunk);
          yield chunk;
        }
        trailer.rows[tableKey(t)] = rows;
        yield Buffer.from(`${TERMINATOR}\n`);
      }
      const sequences: BackupSequence[] = [];
      for (const name of await listSequences(client)) {
        const { rows } = await client.query<{ value: string; isCalled: boolean }>(`SELECT last_value::text AS value, is_called AS "isCalled" FROM ${name}`);
        sequences.push({ name, ...rows[0]! });
      }
      yield Buffer.from(`SEQUENCES ${JSON.stringify(sequences)}\nJOBS\n`);
      for (const job of await pendingJobs(client)) {
        trailer.jobs++;
        yield Buffer.from(`${JSON.stringify(job)}\n`);
      }
      yield Buffer.from(`${TERMINATOR}\nEND ${JSON.stringify(trailer)}\n`);
    }

    await pipeline(content, createGzip(), createWriteStream(partial, { mode: 0o600 }));
    await client.query("COMMIT");
    const fd = openSync(partial, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(partial, target);
    syncDirectory(path.dirname(target));
    return {
      file: target,
      bytes: statSync(target).size,
      createdAt,
      migrations: header.migrations.map((m) => m.name),
      tables: tables.length,
      rows: Object.values(trailer.rows).reduce((a, b) => a + b, 0),
      jobs: trailer.jobs,
    };
  } catch (err) {
    rmSync(partial, { force: true });
    throw err;
  } finally {
    await client.end().catch(() => {});
  }
}

async function appliedMigrations(client: pg.Client) {
  const exists = await client.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok");
  if (!exists.rows[0].ok) return [];
  const { rows } = await client.query<{ name: string; checksum: string }>(
    `SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL ORDER BY migration_name`,
  );
  return rows;
}

/**
 * Jobs that were waiting, retrying or running at the snapshot (pg-boss schema "pgboss"). They are the
 * side effects of committed business writes (the mail of an issued invoice, its e-invoice request),
 * so a restore puts them back in their queues. pg-boss's own tables are not copied: its schema is
 * pg-boss's to create (and to migrate between its versions), and its history and schedules are
 * rebuilt by the app on start. Handlers are idempotent, so a job that finished just after the
 * snapshot and runs again after a restore changes nothing. The backup job itself (running while it
 * takes this snapshot) is left out: a restore should not start a backup.
 */
async function pendingJobs(client: pg.Client): Promise<BackupJob[]> {
  const exists = await client.query("SELECT to_regclass('pgboss.job') IS NOT NULL AS ok");
  if (!exists.rows[0].ok) return [];
  const { rows } = await client.query<BackupJob>(
    `SELECT id::text, name, data, priority, retry_limit AS "retryLimit", retry_delay AS "retryDelay", retry_backoff AS "retryBackoff",
            retry_delay_max AS "retryDelayMax", expire_seconds AS "expireInSeconds", singleton_key AS "singletonKey",
            to_char(start_after AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "startAfter", dead_letter AS "deadLetter"
       FROM pgboss.job WHERE state IN ('created', 'retry', 'active') AND name <> 'database-backup' ORDER BY created_on, id`,
  );
  return rows;
}

/** Makes the rename itself durable (the directory entry), where the platform allows it. */
function syncDirectory(dir: string) {
  try {
    const fd = openSync(dir, "r");
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every filesystem lets a directory be opened for fsync; the file itself is already flushed.
  }
}
