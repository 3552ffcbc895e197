import "server-only";
// What Settings → Data & backups and GET /api/v1/system/backups show: the last backup run, the last
// successful one, whether that is too old, and the settings (schedule, retention, directory). The
// backups are the deployment's, not a company's, so there is nothing to scope by tenant; the
// permission keeps it to owners and admins.
import { assertCan } from "@/lib/auth/permissions";
import type { Ctx } from "@/lib/ctx";
import { env } from "@/lib/env";
import { BACKUP_SCHEDULE } from "@/lib/jobs/database-backup";

/** A daily backup that has not succeeded for a day and a half has missed at least one night. */
export const BACKUP_STALE_AFTER_HOURS = 36;

export type BackupRunView = {
  id: string;
  trigger: string;
  status: "SUCCEEDED" | "FAILED";
  startedAt: Date;
  finishedAt: Date;
  fileName: string | null;
  bytes: number | null;
  error: string | null;
};

export type BackupStatus = {
  lastRun: BackupRunView | null;
  lastSuccess: BackupRunView | null;
  /** No successful backup, or the last one is older than BACKUP_STALE_AFTER_HOURS. */
  stale: boolean;
  staleAfterHours: number;
  schedule: string;
  retentionDays: number;
  directory: string;
};

export async function getBackupStatus(ctx: Ctx): Promise<BackupStatus> {
  assertCan(ctx.actor, "system.backups.read");
  const lastRun = await ctx.db.backupRun.findFirst({ orderBy: [{ finishedAt: "desc" }, { id: "desc" }] });
  const lastSuccess = lastRun?.status === "SUCCEEDED" ? lastRun : await ctx.db.backupRun.findFirst({ where: { status: "SUCCEEDED" }, orderBy: [{ finishedAt: "desc" }, { id: "desc" }] });
  const stale = !lastSuccess || ctx.now().getTime() - lastSuccess.finishedAt.getTime() > BACKUP_STALE_AFTER_HOURS * 3_600_000;
  return {
    lastRun: lastRun ? view(lastRun) : null,
    lastSuccess: lastSuccess ? view(lastSuccess) : null,
    stale,
    staleAfterHours: BACKUP_STALE_AFTER_HOURS,
    schedule: BACKUP_SCHEDULE.label,
    retentionDays: env().BACKUP_RETENTION_DAYS,
    directory: env().BACKUP_DIR,
  };
}

function view(r: { id: string; trigger: string; status: "SUCCEEDED" | "FAILED"; startedAt: Date; finishedAt: Date; fileName: string | null; bytes: bigint | null; error: string | null }): BackupRunView {
  return { id: r.id, trigger: r.trigger, status: r.status, startedAt: r.startedAt, finishedAt: r.finishedAt, fileName: r.fileName, bytes: r.bytes === null ? null : Number(r.bytes), error: r.error };
}
