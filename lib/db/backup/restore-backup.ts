// Restores a backup written by write-backup.ts into an empty database: rebuilds the schema with the
// project's own migrations (exactly those the backup was taken with; newer ones are left for
// `npm run db:migrate`), then copies every table back in one transaction — all of it or nothing —
// and puts the background jobs that were waiting back in their queues.
import { createReadStream, existsSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { listMigrations, migrate } from "@/lib/db/migrate";
import {
  BACKUP_FORMAT_VERSION,
  BACKUP_MAGIC,
  BackupError,
  BackupReader,
  countLines,
  qualified,
  quoteIdent,
  tableKey,
  type BackupHeader,
  type BackupJob,
  type BackupSequence,
  type BackupTrailer,
} from "./backup-file";
import { BACKUP_SCHEMAS, listTables } from "./catalog";
import { restorePendingJobs } from "./restore-jobs";
import { SESSION_SETTINGS } from "./write-backup";

export type RestoreSummary = {
  createdAt: Date;
  tables: number;
  rows: number;
  jobs: number;
  /** Migrations of this code newer than the backup: not applied; run `npm run db:migrate`. */
  pendingMigrations: string[];
};

type Options = { log?: (m: string) => void; migrationsDir?: string };

/** The header of a backup file, checked to be one this code can restore. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const { reader, close } = openBackup(file);
  try {
    return await readHeader(reader);
  } finally {
    close();
  }
}

export async function restoreBackup(databaseUrl: string, file: string, opts: Options = {}): Promise<RestoreSummary> {
  const log = opts.log ?? (() => {});
  const { reader, close } = openBackup(file);
  try {
    const header = await readHeader(reader);
    const plan = planMigrations(header, listMigrations(opts.migrationsDir));
    await assertEmpty(databaseUrl, header);
    log(`backup of ${header.createdAt} (${header.tables.length} tables, ${header.migrations.length} migrations)`);
    await migrate(databaseUrl, { dir: opts.migrationsDir, log, upTo: plan.upTo });

    const client = new pg.Client({ connectionString: databaseUrl, application_name: "vendor-erp-restore" });
    await client.connect();
    let jobs: BackupJob[] = [];
    let rows = 0;
    try {
      for (const sql of SESSION_SETTINGS) await client.query(sql);
      await client.query("BEGIN");
      await assertSameTables(client, header);
      // The migrations insert reference rows (published GST rates); the backup holds those tables as
      // they were, so they start empty.
      if (header.tables.length) await client.query(`TRUNCATE ${header.tables.map(qualified).join(", ")}`);
      const deferred = await dropForwardForeignKeys(client, header);
      const counts: Record<string, number> = {};
      let sequences: BackupSequence[] = [];
      let trailer: BackupTrailer | undefined;
      for (let line = await reader.line(); line !== null; line = await reader.line()) {
        if (line.startsWith("TABLE ")) {
          const t = parseJson<{ schema: string; name: string; columns: string[] }>(line.slice(6));
          log(`restoring ${tableKey(t)}`);
          counts[tableKey(t)] = await copyIn(client, reader, t);
        } else if (line.startsWith("SEQUENCES ")) {
          sequences = parseJson<BackupSequence[]>(line.slice(10));
        } else if (line === "JOBS") {
          jobs = await readJobs(reader);
        } else if (line.startsWith("END ")) {
          trailer = parseJson<BackupTrailer>(line.slice(4));
          break;
        } else {
          throw damaged(`unexpected line "${line.slice(0, 40)}"`);
        }
      }
      if (!trailer) throw new BackupError("The backup file has no end marker: it is truncated (a backup that did not finish, or a partial copy).");
      for (const t of header.tables) {
        const key = tableKey(t);
        if (counts[key] === undefined || counts[key] !== trailer.rows[key]) throw damaged(`table ${key} has ${counts[key] ?? "no"} rows where the backup recorded ${trailer.rows[key]}`);
        rows += counts[key];
      }
      if (jobs.length !== trailer.jobs) throw damaged(`${jobs.length} background jobs where the backup recorded ${trailer.jobs}`);
      for (const s of sequences) {
        // Sequences the app makes as it runs (a company's order numbers per financial year) are not in the
        // migrations: a restore into a fresh database makes them again before setting their value.
        await client.query(`CREATE SEQUENCE IF NOT EXISTS ${sequenceName(s.name)} AS bigint MINVALUE 1`);
        await client.query("SELECT setval($1::regclass, $2::bigint, $3)", [s.name, s.value, s.isCalled]);
      }
      for (const fk of deferred) await client.query(`ALTER TABLE ${fk.table} ADD CONSTRAINT ${quoteIdent(fk.name)} ${fk.definition}`);
      await client.query("COMMIT");
    } catch (err) {
      await client.query("ROLLBACK").catch(() => {});
      throw err;
    } finally {
      await client.end().catch(() => {});
    }
    try {
      await restorePendingJobs(databaseUrl, jobs, log);
    } catch (err) {
      throw new Error(`The data was restored, but putting ${jobs.length} waiting background job(s) back in their queues failed: ${(err as Error).message}`);
    }
    return { createdAt: new Date(header.createdAt), tables: header.tables.length, rows, jobs: jobs.length, pendingMigrations: plan.pending };
  } finally {
    close();
  }
}

function openBackup(file: string) {
  if (!existsSync(file)) throw new BackupError(`No backup file at ${file}.`);
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on("error", (e) => gunzip.destroy(e));
  source.pipe(gunzip);
  return { reader: new BackupReader(gunzip), close: () => (source.destroy(), gunzip.destroy()) };
}

async function readHeader(reader: BackupReader): Promise<BackupHeader> {
  let magic: string | null;
  try {
    magic = await reader.line();
  } catch (err) {
    throw new BackupError(`This is not a Vendor ERP backup (not a gzip file: ${(err as Error).message}).`);
  }
  const [word, version] = (magic ?? "").split(" ");
  if (word !== BACKUP_MAGIC) throw new BackupError("This is not a Vendor ERP backup (npm run db:backup writes them).");
  if (Number(version) !== BACKUP_FORMAT_VERSION) throw new BackupError(`This backup is in format ${version}; this version of Vendor ERP reads format ${BACKUP_FORMAT_VERSION}.`);
  const header = parseJson<BackupHeader>((await reader.line()) ?? "");
  if (header.format !== BACKUP_MAGIC || !Array.isArray(header.migrations) || !Array.isArray(header.tables)) throw damaged("bad header");
  return header;
}

/** The backup's migrations must be this code's first ones, unchanged; newer ones in the code wait. */
export function planMigrations(header: Pick<BackupHeader, "migrations">, code: { name: string; checksum: string }[]) {
  if (header.migrations.length === 0) throw new BackupError("The backup records no applied migrations: it is not of a Vendor ERP database.");
  const known = new Map(code.map((m) => [m.name, m.checksum]));
  header.migrations.forEach((m, i) => {
    if (!known.has(m.name)) {
      throw new BackupError(`The backup was taken by a newer version of Vendor ERP (its migration ${m.name} is not in this code). Restore it with that version or a later one.`);
    }
    if (known.get(m.name) !== m.checksum) throw new BackupError(`Migration ${m.name} in this code differs from the one the backup was taken with; restore with the version that made the backup.`);
    if (code[i]!.name !== m.name) throw new BackupError(`The backup's migrations do not match this code's: the code has ${code[i]!.name} where the backup has ${m.name}.`);
  });
  const upTo = header.migrations.at(-1)!.name;
  return { upTo, pending: code.slice(header.migrations.length).map((m) => m.name) };
}

/**
 * Empty: no table outside PostgreSQL's own schemas (and pg-boss's queue) holds a row. A database that
 * was only migrated (a first `npm start`) counts as empty, provided its migrations are the backup's
 * or fewer.
 */
async function assertEmpty(databaseUrl: string, header: BackupHeader) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT n.nspname AS schema, c.relname AS name
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
          AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'pgboss') AND n.nspname !~ '^pg_(toast|temp)'
          AND NOT (n.nspname = 'public' AND c.relname = '_prisma_migrations')
        ORDER BY 1, 2`,
    );
    const filled: string[] = [];
    for (const t of tables) if ((await client.query(`SELECT EXISTS (SELECT 1 FROM ${qualified(t)}) AS any`)).rows[0].any) filled.push(tableKey(t));
    if (filled.length) {
      throw new BackupError(
        `The database is not empty (${filled.slice(0, 3).join(", ")}${filled.length > 3 ? ` and ${filled.length - 3} more tables` : ""} ${filled.length === 1 ? "holds" : "hold"} rows). ` +
          "A restore only goes into an empty database: create a new one (or drop and re-create this one) and run the restore again.",
      );
    }
    if ((await client.query("SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS ok")).rows[0].ok) {
      const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT migration_name AS name, checksum FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY migration_name`);
      const fits = rows.length <= header.migrations.length && rows.every((r, i) => header.migrations[i]!.name === r.name && header.migrations[i]!.checksum === r.checksum);
      if (!fits) throw new BackupError("The database has migrations the backup was not taken with. Restore into a new, empty database.");
    }
  } finally {
    await client.end();
  }
}

async function assertSameTables(client: pg.Client, header: BackupHeader) {
  const here = new Map((await listTables(client)).map((t) => [tableKey(t), t]));
  for (const t of header.tables) {
    const found = here.get(tableKey(t));
    if (!found) throw damaged(`table ${tableKey(t)} does not exist after migrating`);
    const missing = t.columns.filter((c) => !found.columns.includes(c));
    if (missing.length) throw damaged(`table ${tableKey(t)} has no column ${missing.join(", ")} after migrating`);
    here.delete(tableKey(t));
  }
  if (here.size) throw damaged(`the backup has no data for ${[...here.keys()].join(", ")}`);
}

/** Foreign keys whose parent comes later in the file (only in a cycle) are dropped now and re-added, and so checked, at the end. */
async function dropForwardForeignKeys(client: pg.Client, header: BackupHeader) {
  const position = new Map(header.tables.map((t, i) => [tableKey(t), i]));
  const { rows } = await client.query<{ name: string; child: string; parent: string; table: string; definition: string }>(
    `SELECT con.conname AS name, cn.nspname || '.' || c.relname AS child, pn.nspname || '.' || p.relname AS parent,
            quote_ident(cn.nspname) || '.' || quote_ident(c.relname) AS "table", pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
       JOIN pg_class p ON p.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = p.relnamespace
      WHERE con.contype = 'f' AND cn.nspname = ANY($1) AND con.conparentid = 0`,
    [BACKUP_SCHEMAS],
  );
  const forward = rows.filter((fk) => fk.child !== fk.parent && (position.get(fk.parent) ?? -1) > (position.get(fk.child) ?? -1));
  for (const fk of forward) await client.query(`ALTER TABLE ${fk.table} DROP CONSTRAINT ${quoteIdent(fk.name)}`);
  return forward;
}

async function copyIn(client: pg.Client, reader: BackupReader, t: { schema: string; name: string; columns: string[] }) {
  let rows = 0;
  async function* counted() {
    for await (const chunk of reader.section()) {
      rows += countLines(chunk);
      yield chunk;
    }
  }
  try {
    await pipeline(counted, client.query(copyFrom(`COPY ${qualified(t)} (${t.columns.map(quoteIdent).join(", ")}) FROM STDIN`)));
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`Restoring table ${tableKey(t)} failed: ${(err as Error).message}`);
  }
  return rows;
}

async function readJobs(reader: BackupReader): Promise<BackupJob[]> {
  const jobs: BackupJob[] = [];
  let rest = "";
  for await (const chunk of reader.section()) {
    const lines = (rest + chunk.toString("utf8")).split("\n");
    rest = lines.pop() ?? "";
    for (const l of lines) if (l) jobs.push(parseJson<BackupJob>(l));
  }
  return jobs;
}

function parseJson<T>(text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    throw damaged("a line is not valid JSON");
  }
}

function damaged(detail: string) {
  return new BackupError(`The backup file is damaged or incomplete (${detail}). Nothing was restored.`);
}

/** A sequence's schema-qualified name from the file, quoted again part by part (the file is input, not SQL). */
function sequenceName(name: string): string {
  const part = String.raw`(?:"((?:[^"]|"")+)"|([a-z_][a-z0-9_$]*))`;
  const m = new RegExp(`^${part}\\.${part}$`).exec(name);
  const schema = m && (m[1]?.replace(/""/g, '"') ?? m[2]);
  const relation = m && (m[3]?.replace(/""/g, '"') ?? m[4]);
  if (!schema || !relation || !BACKUP_SCHEMAS.includes(schema)) throw new BackupError(`The backup file names a sequence that cannot be restored: ${name.slice(0, 80)}`);
  return `${quoteIdent(schema)}.${quoteIdent(relation)}`;
}
