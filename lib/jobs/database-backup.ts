// The daily "database-backup" job: a backup of the app's database into BACKUP_DIR, recorded as a
// BackupRun, then backups older than BACKUP_RETENTION_DAYS deleted (lib/db/backup/run-backup.ts).
// It runs wherever a worker runs (the web app, or `npm run worker`), so BACKUP_DIR is on that machine.
import path from "node:path";
import { runBackup } from "@/lib/db/backup/run-backup";
import { directDatabaseUrl, env } from "@/lib/env";
import { log } from "@/lib/log";

/** 02:30 India time, when a vendor's office is shut. pg-boss fires it once per deployment. */
export const BACKUP_SCHEDULE = { cron: "30 2 * * *", tz: "Asia/Kolkata", label: "Daily at 02:30 (India time)" } as const;

export async function runScheduledBackup(now?: () => Date) {
  const { BACKUP_DIR, BACKUP_RETENTION_DAYS } = env();
  // The primary itself, not PgBouncer: the backup sets session settings before its snapshot.
  const DATABASE_URL = directDatabaseUrl();
  if (!DATABASE_URL) throw new Error("DATABASE_URL is not set; the backup job needs the app's database");
  try {
    const r = await runBackup(DATABASE_URL, { dir: BACKUP_DIR, retentionDays: BACKUP_RETENTION_DAYS, trigger: "schedule", now });
    log("info", "database backup written", { file: r.file, bytes: r.bytes, rows: r.rows, deleted: r.deleted });
    return { file: path.basename(r.file), bytes: r.bytes, deleted: r.deleted };
  } catch (err) {
    log("error", "database backup failed", { error: String((err as Error)?.message ?? err) });
    throw err;
  }
}
