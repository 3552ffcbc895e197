import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SettingsTabs } from "@/components/settings/settings-tabs";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { can } from "@/lib/auth/permissions";
import { requireStaff } from "@/lib/auth/session";
import { makeCtx } from "@/lib/ctx";
import { formatDateTime, formatRelative } from "@/lib/format";
import { getBackupStatus, type BackupRunView } from "@/lib/system/get-backup-status";

export const metadata: Metadata = { title: "Data & backups" };
export const dynamic = "force-dynamic";

export default async function BackupsPage() {
  const actor = await requireStaff();
  if (!can(actor, "system.backups.read")) redirect("/dashboard");
  const ctx = makeCtx(actor);
  const status = await getBackupStatus(ctx);
  const now = ctx.now();
  const { lastRun, lastSuccess } = status;
  return (
    <>
      <PageHeader
        title="Data & backups"
        meta={status.stale ? <Badge tone="warning">{lastSuccess ? "Backup overdue" : "No backup yet"}</Badge> : <Badge tone="success">Backed up</Badge>}
        description="A copy of the whole database is written every night, so invoices, payments and stock can be brought back after a disk failure or a mistake."
      />
      <SettingsTabs actor={actor} current="backups" />
      <div className="space-y-6">
        {status.stale && (
          <Alert tone="warning" title={lastSuccess ? `The last successful backup is ${formatRelative(lastSuccess.finishedAt, now)} old` : "No backup has been made yet"}>
            {lastSuccess
              ? `Backups should run every night; none has succeeded in the last ${status.staleAfterHours} hours. `
              : "The first one runs tonight while the app is running, or make one now. "}
            Run <code className="font-mono">npm run db:backup</code> on the server{lastRun?.status === "FAILED" ? ", and check the error of the last attempt below" : ""}.
          </Alert>
        )}
        {lastRun?.status === "FAILED" && !status.stale && (
          <Alert tone="danger" title={`The last backup attempt failed ${formatRelative(lastRun.finishedAt, now)}`}>
            {lastRun.error ?? "No error was recorded."}
          </Alert>
        )}
        <Card>
          <CardHeader title="Last backup" />
          <CardBody>
            {lastRun ? <RunDetails run={lastRun} now={now} /> : <p className="text-sm text-slate-500">None yet.</p>}
          </CardBody>
        </Card>
        {lastSuccess && lastRun?.id !== lastSuccess.id && (
          <Card>
            <CardHeader title="Last successful backup" />
            <CardBody>
              <RunDetails run={lastSuccess} now={now} />
            </CardBody>
          </Card>
        )}
        <Card>
          <CardHeader title="Settings" description="Set by whoever runs the server (BACKUP_DIR, BACKUP_RETENTION_DAYS); see the README's Backups section for restoring." />
          <CardBody>
            <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="text-slate-500">Schedule</dt>
              <dd className="text-slate-900">{status.schedule}</dd>
              <dt className="text-slate-500">Kept for</dt>
              <dd className="text-slate-900">{status.retentionDays === 0 ? "Every backup is kept" : `${status.retentionDays} days`}</dd>
              <dt className="text-slate-500">Written to</dt>
              <dd className="font-mono text-slate-900 [overflow-wrap:anywhere]">{status.directory}</dd>
            </dl>
          </CardBody>
        </Card>
      </div>
    </>
  );
}

function RunDetails({ run, now }: { run: BackupRunView; now: Date }) {
  return (
    <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[10rem_1fr]">
      <dt className="text-slate-500">Status</dt>
      <dd>{run.status === "SUCCEEDED" ? <Badge tone="success">Succeeded</Badge> : <Badge tone="danger">Failed</Badge>}</dd>
      <dt className="text-slate-500">Finished</dt>
      <dd className="text-slate-900">
        {formatDateTime(run.finishedAt)} <span className="text-slate-500">({formatRelative(run.finishedAt, now)})</span>
      </dd>
      <dt className="text-slate-500">Started by</dt>
      <dd className="text-slate-900">{run.trigger === "schedule" ? "The nightly schedule" : "npm run db:backup"}</dd>
      {run.fileName && (
        <>
          <dt className="text-slate-500">File</dt>
          <dd className="font-mono text-slate-900 [overflow-wrap:anywhere]">{run.fileName}</dd>
        </>
      )}
      {run.bytes !== null && (
        <>
          <dt className="text-slate-500">Size</dt>
          <dd className="text-slate-900">{formatSize(run.bytes)}</dd>
        </>
      )}
      {run.error && (
        <>
          <dt className="text-slate-500">Error</dt>
          <dd className="text-danger-700 [overflow-wrap:anywhere]">{run.error}</dd>
        </>
      )}
    </dl>
  );
}

function formatSize(bytes: number) {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}
