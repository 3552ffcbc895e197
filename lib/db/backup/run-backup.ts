// One recorded backup: written into BACKUP_DIR under a dated name, recorded as a BackupRun row (when
// it ends, success or failure), and — only after a success — backups older than the retention
// period deleted. Used by the daily "database-backup" job and by `npm run db:backup`.
import { randomUUID } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { writeBackup, type BackupSummary } from "./write-backup";

export type BackupRunResult = BackupSummary & { runId: string; deleted: string[] };

const NAME = /^vendor-erp-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})Z\.backup\.gz$/;

/** vendor-erp-20261205-230000Z.backup.gz (UTC): sorts by time, and retention reads the time back from it. */
export function backupFileName(at: Date) {
  const s = at.toISOString();
  return `vendor-erp-${s.slice(0, 10).replace(/-/g, "")}-${s.slice(11, 19).replace(/:/g, "")}Z.backup.gz`;
}

export async function runBackup(
  databaseUrl: string,
  opts: { dir: string; retentionDays: number; trigger: "schedule" | "manual"; out?: string; now?: () => Date },
): Promise<BackupRunResult> {
  const now = opts.now ?? (() => new Date());
  const startedAt = now();
  const file = opts.out ? path.resolve(opts.out) : path.resolve(opts.dir, backupFileName(startedAt));
  const recordedName = opts.out ? file : path.basename(file);
  const runId = randomUUID();
  let summary: BackupSummary;
  try {
    summary = await writeBackup(databaseUrl, file, { now: () => startedAt });
  } catch (err) {
    const message = (err as Error)?.message ?? String(err);
    await record(databaseUrl, { id: runId, trigger: opts.trigger, status: "FAILED", startedAt, finishedAt: now(), fileName: recordedName, bytes: null, error: message.slice(0, 2000) }).catch(() => {});
    throw err;
  }
  await record(databaseUrl, { id: runId, trigger: opts.trigger, status: "SUCCEEDED", startedAt, finishedAt: now(), fileName: recordedName, bytes: summary.bytes, error: null });
  const deleted = opts.out ? [] : pruneBackups(opts.dir, opts.retentionDays, now());
  return { ...summary, runId, deleted };
}

/**
 * Deletes this app's backups in `dir` (by their file name's time) older than `retentionDays`; other
 * files are never touched. 0 keeps everything. Returns the names deleted.
 */
export function pruneBackups(dir: string, retentionDays: number, now: Date): string[] {
  if (retentionDays <= 0) return [];
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  const deleted: string[] = [];
  for (const name of names.sort()) {
    const m = NAME.exec(name);
    if (!m) continue;
    const at = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
    if (at < cutoff) {
      rmSync(path.join(dir, name), { force: true });
      deleted.push(name);
    }
  }
  return deleted;
}

type RunRow = { id: string; trigger: string; status: "SUCCEEDED" | "FAILED"; startedAt: Date; finishedAt: Date; fileName: string | null; bytes: number | null; error: string | null };

async function record(databaseUrl: string, row: RunRow) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      `INSERT INTO "BackupRun" (id, trigger, status, "startedAt", "finishedAt", "fileName", bytes, error) VALUES ($1, $2, $3::"BackupStatus", $4, $5, $6, $7, $8)`,
      [row.id, row.trigger, row.status, row.startedAt, row.finishedAt, row.fileName, row.bytes, row.error],
    );
  } finally {
    await client.end();
  }
}
